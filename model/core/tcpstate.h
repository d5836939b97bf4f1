#pragma once

#include <QString>
#include <QtGlobal>

#include <array>
#include <optional>

// TCP states with the kernel's numbering (include/net/tcp_states.h), so a /proc `st` byte or an
// inet_diag state maps onto the enum directly. Unknown (0) is never printed by the kernel.
enum class TcpState : quint8 {
    Unknown = 0,
    Established = 1,
    SynSent = 2,
    SynRecv = 3,
    FinWait1 = 4,
    FinWait2 = 5,
    TimeWait = 6,
    Close = 7,
    CloseWait = 8,
    LastAck = 9,
    Listen = 10,
    Closing = 11,
    NewSynRecv = 12,
    BoundInactive = 13,
};

namespace TcpStates {
constexpr int Count = 14; // array size indexed by the kernel code

// The eleven RFC 793 states in diagram order; Close stands for CLOSED.
constexpr std::array<TcpState, 11> rfcStates = {
    TcpState::Close,
    TcpState::Listen,
    TcpState::SynSent,
    TcpState::SynRecv,
    TcpState::Established,
    TcpState::FinWait1,
    TcpState::FinWait2,
    TcpState::Closing,
    TcpState::TimeWait,
    TcpState::CloseWait,
    TcpState::LastAck,
};

constexpr int index(TcpState s)
{
    return static_cast<int>(s);
}

// Name as include/net/tcp_states.h spells it without the TCP_ prefix: "TIME_WAIT", "FIN_WAIT1".
QString kernelName(TcpState s);
// Name as `ss` prints it: "TIME-WAIT", "ESTAB".
QString ssName(TcpState s);
// Name as RFC 9293 spells it: "TIME-WAIT", "SYN-RECEIVED", "CLOSED".
QString rfcName(TcpState s);

std::optional<TcpState> fromKernelName(QStringView name);
std::optional<TcpState> fromSsName(QStringView name);
// The state code of a /proc `st` column or an inet_diag reply, if the kernel defines it.
std::optional<TcpState> fromCode(unsigned code);
} // namespace TcpStates
