#include "common/ladderstyle.h"

QColor LadderStyle::flagColor(const QString &flags)
{
    if (flags.contains(QLatin1String("RST")))
        return QColor(0xc9, 0x1d, 0x1d);
    if (flags.contains(QLatin1String("SYN")))
        return QColor(0x1a, 0x7f, 0x37);
    if (flags.contains(QLatin1String("FIN")))
        return QColor(0x7b, 0x2f, 0xbf);
    if (flags.contains(QLatin1String("PSH")))
        return QColor(0x0b, 0x72, 0x85);
    return QColor(0x57, 0x60, 0x6a);
}

QFont LadderStyle::font(double pixelSize, bool bold) const
{
    QFont f;
    f.setPixelSize(qMax(6, int(pixelSize * scale)));
    f.setBold(bold);
    return f;
}
