#include "common/statepalette.h"

QColor StatePalette::color(TcpState s)
{
    switch (s) {
    case TcpState::Established:
        return QColor(0x2e, 0x7d, 0x32);
    case TcpState::SynSent:
        return QColor(0x64, 0xb5, 0xf6);
    case TcpState::SynRecv:
    case TcpState::NewSynRecv:
        return QColor(0x15, 0x65, 0xc0);
    case TcpState::FinWait1:
        return QColor(0xff, 0xb3, 0x00);
    case TcpState::FinWait2:
        return QColor(0xef, 0x6c, 0x00);
    case TcpState::TimeWait:
        return QColor(0xd8, 0x1b, 0x60);
    case TcpState::CloseWait:
        return QColor(0x6a, 0x1b, 0x9a);
    case TcpState::LastAck:
        return QColor(0xab, 0x47, 0xbc);
    case TcpState::Listen:
        return QColor(0x78, 0x90, 0x9c);
    case TcpState::Closing:
        return QColor(0x8d, 0x6e, 0x63);
    default:
        return QColor(0x9e, 0x9e, 0x9e);
    }
}

const std::array<TcpState, 10> &StatePalette::chartStates()
{
    static const std::array<TcpState, 10> states
        = { TcpState::Established, TcpState::Listen, TcpState::SynSent, TcpState::SynRecv, TcpState::FinWait1,
              TcpState::FinWait2, TcpState::Closing, TcpState::TimeWait, TcpState::CloseWait, TcpState::LastAck };
    return states;
}
