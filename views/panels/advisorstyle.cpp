#include "panels/advisorstyle.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

QColor AdvisorStyle::color(Advisory::Severity s)
{
    switch (s) {
    case Advisory::Severity::Critical:
        return QColor(0xc6, 0x28, 0x28);
    case Advisory::Severity::Warning:
        return QColor(0xef, 0x8f, 0x00);
    case Advisory::Severity::Info:
        return QColor(0x19, 0x76, 0xd2);
    }
    return Qt::gray;
}

QString AdvisorStyle::text(Advisory::Severity s)
{
    switch (s) {
    case Advisory::Severity::Critical:
        return QCoreApplication::translate("AdvisorPanel", "critical");
    case Advisory::Severity::Warning:
        return QCoreApplication::translate("AdvisorPanel", "warning");
    case Advisory::Severity::Info:
        return QCoreApplication::translate("AdvisorPanel", "info");
    }
    return {};
}

QIcon AdvisorStyle::dot(Advisory::Severity s)
{
    const QColor c = color(s);
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(c);
    p.setPen(c.darker(130));
    p.drawEllipse(QRectF(1.5, 1.5, 11, 11));
    return QIcon(pm);
}

const Advisory *AdvisorStyle::top(const std::vector<Advisory> &advisories)
{
    const Advisory *best = nullptr;
    for (const Advisory &a : advisories) {
        if (!best || a.severity > best->severity)
            best = &a;
    }
    return best;
}
