#include "core/tcpstate.h"

namespace {
struct Names
{
    const char *kernel;
    const char *ss;
    const char *rfc;
};

// Sources: include/net/tcp_states.h, iproute2 ss.c sstate_name[], RFC 9293 §3.3.2.
constexpr std::array<Names, TcpStates::Count> names = { {
    { "UNKNOWN", "UNKNOWN", "UNKNOWN" },
    { "ESTABLISHED", "ESTAB", "ESTABLISHED" },
    { "SYN_SENT", "SYN-SENT", "SYN-SENT" },
    { "SYN_RECV", "SYN-RECV", "SYN-RECEIVED" },
    { "FIN_WAIT1", "FIN-WAIT-1", "FIN-WAIT-1" },
    { "FIN_WAIT2", "FIN-WAIT-2", "FIN-WAIT-2" },
    { "TIME_WAIT", "TIME-WAIT", "TIME-WAIT" },
    { "CLOSE", "UNCONN", "CLOSED" },
    { "CLOSE_WAIT", "CLOSE-WAIT", "CLOSE-WAIT" },
    { "LAST_ACK", "LAST-ACK", "LAST-ACK" },
    { "LISTEN", "LISTEN", "LISTEN" },
    { "CLOSING", "CLOSING", "CLOSING" },
    { "NEW_SYN_RECV", "SYN-RECV", "SYN-RECEIVED" },
    { "BOUND_INACTIVE", "UNCONN", "CLOSED" },
} };

const Names &entry(TcpState s)
{
    const auto i = static_cast<size_t>(s);
    return i < names.size() ? names[i] : names[0];
}
} // namespace

namespace TcpStates {
QString kernelName(TcpState s)
{
    return QString::fromLatin1(entry(s).kernel);
}
QString ssName(TcpState s)
{
    return QString::fromLatin1(entry(s).ss);
}
QString rfcName(TcpState s)
{
    return QString::fromLatin1(entry(s).rfc);
}

std::optional<TcpState> fromKernelName(QStringView name)
{
    for (size_t i = 1; i < names.size(); ++i) {
        if (name == QLatin1StringView(names[i].kernel))
            return static_cast<TcpState>(i);
    }
    return std::nullopt;
}

std::optional<TcpState> fromSsName(QStringView name)
{
    // SYN-RECV and UNCONN are ambiguous; the first (full-socket) meaning wins.
    for (size_t i = 1; i < names.size(); ++i) {
        if (name == QLatin1StringView(names[i].ss))
            return static_cast<TcpState>(i);
    }
    return std::nullopt;
}

std::optional<TcpState> fromCode(unsigned code)
{
    if (code == 0 || code >= static_cast<unsigned>(Count))
        return std::nullopt;
    return static_cast<TcpState>(code);
}
} // namespace TcpStates
