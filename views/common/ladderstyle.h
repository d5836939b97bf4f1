#pragma once

#include "teaching/lesson.h"

#include <QColor>
#include <QFont>

// Colours and fonts shared by the packet ladder's items and the lesson window, so both ends and every
// flag look the same everywhere. `scale` grows fonts for presentation mode.
struct LadderStyle
{
    double scale = 1.0;

    static QColor clientColor() { return QColor(0x1c, 0x64, 0xd2); }
    static QColor serverColor() { return QColor(0xc2, 0x41, 0x0c); }
    static QColor endpointColor(LessonPacket::Endpoint e)
    {
        return e == LessonPacket::Endpoint::Client ? clientColor() : serverColor();
    }
    // SYN green, FIN purple, RST red, data teal, a bare ACK grey.
    static QColor flagColor(const QString &flags);

    QFont font(double pixelSize, bool bold = false) const;
};
