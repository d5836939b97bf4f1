#include "parse/ssfilterwords.h"

namespace {
constexpr quint32 bit(TcpState s)
{
    return SsFilter::stateBit(s);
}
} // namespace

bool SsFilterWords::oneOf(const QString &word, std::initializer_list<const char *> words)
{
    for (const char *w : words) {
        if (word == QLatin1StringView(w))
            return true;
    }
    return false;
}

bool SsFilterWords::isNot(const QString &w)
{
    return oneOf(w, { "!", "not" });
}
bool SsFilterWords::isAnd(const QString &w)
{
    return oneOf(w, { "&", "&&", "and" });
}
bool SsFilterWords::isOr(const QString &w)
{
    return oneOf(w, { "|", "||", "or" });
}

std::optional<quint16> SsFilterWords::builtinService(const QString &name)
{
    static const std::pair<const char *, quint16> ports[] = {
        { "ftp", 21 },
        { "ssh", 22 },
        { "telnet", 23 },
        { "smtp", 25 },
        { "domain", 53 },
        { "http", 80 },
        { "www", 80 },
        { "pop3", 110 },
        { "imap", 143 },
        { "imap2", 143 },
        { "ldap", 389 },
        { "https", 443 },
        { "submission", 587 },
        { "ldaps", 636 },
        { "imaps", 993 },
        { "pop3s", 995 },
        { "mysql", 3306 },
        { "postgresql", 5432 },
        { "redis", 6379 },
        { "http-alt", 8080 },
    };
    for (const auto &[n, port] : ports) {
        if (name == QLatin1StringView(n))
            return port;
    }
    return std::nullopt;
}

// scan_state() of misc/ss.c: the names and groups ss takes after `state` and `exclude`.
quint32 SsFilterWords::stateBits(const QString &name)
{
    constexpr quint32 all = SsFilter::AllStates;
    static const std::pair<const char *, quint32> names[] = {
        { "unknown", bit(TcpState::Unknown) },
        { "established", bit(TcpState::Established) },
        { "syn-sent", bit(TcpState::SynSent) },
        { "syn-recv", bit(TcpState::SynRecv) },
        { "syn-rcv", bit(TcpState::SynRecv) },
        { "fin-wait-1", bit(TcpState::FinWait1) },
        { "fin-wait-2", bit(TcpState::FinWait2) },
        { "time-wait", bit(TcpState::TimeWait) },
        { "unconnected", bit(TcpState::Close) },
        { "close", bit(TcpState::Close) },
        { "closed", bit(TcpState::Close) },
        { "close-wait", bit(TcpState::CloseWait) },
        { "last-ack", bit(TcpState::LastAck) },
        { "listening", bit(TcpState::Listen) },
        { "closing", bit(TcpState::Closing) },
        { "all", all },
        { "connected", all & ~(bit(TcpState::Close) | bit(TcpState::Listen)) },
        { "synchronized", all & ~(bit(TcpState::Close) | bit(TcpState::Listen) | bit(TcpState::SynSent)) },
        { "bucket", bit(TcpState::SynRecv) | bit(TcpState::TimeWait) },
        { "big", all & ~(bit(TcpState::SynRecv) | bit(TcpState::TimeWait)) },
    };
    for (const auto &[n, bits] : names) {
        if (name.compare(QLatin1StringView(n), Qt::CaseInsensitive) == 0)
            return bits;
    }
    return 0;
}

// The operators of ssfilter.y's yylex().
std::optional<SsFilterWords::Cmp> SsFilterWords::comparison(const QString &w)
{
    if (oneOf(w, { "=", "==", "eq" }))
        return Cmp::Eq;
    if (oneOf(w, { "!=", "ne", "neq" }))
        return Cmp::Ne;
    if (oneOf(w, { ">=", "ge", "geq" }))
        return Cmp::Ge;
    if (oneOf(w, { "<=", "le", "leq" }))
        return Cmp::Le;
    if (oneOf(w, { ">", "gt" }))
        return Cmp::Gt;
    if (oneOf(w, { "<", "lt" }))
        return Cmp::Lt;
    return std::nullopt;
}

// Words ss's lexer turns into grammar tokens (and tcpscope's owner words), so they can never be an
// address, a port or a name.
bool SsFilterWords::isKeyword(const QString &w)
{
    return isNot(w) || isAnd(w) || isOr(w) || comparison(w)
        || oneOf(w,
            { "(", ")", "src", "dst", "sport", "dport", "dev", "fwmark", "cgroup", "autobound", "process", "pid",
                "unit" });
}
