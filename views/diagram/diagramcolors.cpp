#include "diagram/diagramcolors.h"

namespace DiagramColors {
QColor forPath(TcpTransition::Path path)
{
    switch (path) {
    case TcpTransition::Path::Client:
        return QColor(0x2f, 0x74, 0xd0); // blue
    case TcpTransition::Path::Server:
        return QColor(0x1f, 0x9d, 0x55); // green
    case TcpTransition::Path::Other:
        return QColor(0x9a, 0x5c, 0xc6); // violet
    case TcpTransition::Path::Abort:
        return QColor(0x8c, 0x8c, 0x8c); // grey
    }
    return Qt::gray;
}

TcpTransition::Path pathOf(TcpState s)
{
    switch (s) {
    case TcpState::SynSent:
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::TimeWait:
        return TcpTransition::Path::Client;
    case TcpState::Listen:
    case TcpState::SynRecv:
    case TcpState::CloseWait:
    case TcpState::LastAck:
        return TcpTransition::Path::Server;
    default:
        return TcpTransition::Path::Abort; // neutral
    }
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor towardsBase(const QColor &c, const QPalette &palette, qreal amount)
{
    const QColor b = palette.color(QPalette::Base);
    auto mix = [amount](int x, int y) { return int(x + (y - x) * amount); };
    return QColor(mix(c.red(), b.red()), mix(c.green(), b.green()), mix(c.blue(), b.blue()));
}
} // namespace DiagramColors
