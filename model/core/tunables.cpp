#include "core/tunables.h"

#include <QRegularExpression>

std::optional<qint64> Tunables::intValue(const QString &name, int field) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.cend())
        return std::nullopt;
    const QStringList parts = it->split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (field < 0 || field >= parts.size())
        return std::nullopt;
    bool ok = false;
    const qint64 v = parts.at(field).toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

const QStringList &Tunables::linuxNames()
{
    static const QStringList names = {
        QStringLiteral("net.ipv4.tcp_fin_timeout"),
        QStringLiteral("net.ipv4.tcp_tw_reuse"),
        QStringLiteral("net.ipv4.tcp_tw_reuse_delay"),
        QStringLiteral("net.ipv4.tcp_tw_recycle"),
        QStringLiteral("net.ipv4.tcp_max_tw_buckets"),
        QStringLiteral("net.ipv4.tcp_timestamps"),
        QStringLiteral("net.ipv4.ip_local_port_range"),
        QStringLiteral("net.ipv4.ip_local_reserved_ports"),
        QStringLiteral("net.ipv4.tcp_max_orphans"),
        QStringLiteral("net.ipv4.tcp_orphan_retries"),
        QStringLiteral("net.ipv4.tcp_retries2"),
        QStringLiteral("net.ipv4.tcp_keepalive_time"),
        QStringLiteral("net.ipv4.tcp_keepalive_intvl"),
        QStringLiteral("net.ipv4.tcp_keepalive_probes"),
        QStringLiteral("net.ipv4.tcp_syn_retries"),
        QStringLiteral("net.ipv4.tcp_syn_linear_timeouts"), // Linux 6.5+
        QStringLiteral("net.ipv4.tcp_synack_retries"),
        QStringLiteral("net.ipv4.tcp_syncookies"),
        QStringLiteral("net.core.somaxconn"),
        QStringLiteral("net.ipv4.tcp_max_syn_backlog"),
        QStringLiteral("net.ipv4.tcp_abort_on_overflow"),
        QStringLiteral("net.ipv4.tcp_rfc1337"),
    };
    return names;
}

const QStringList &Tunables::bsdNames()
{
    static const QStringList names = {
        QStringLiteral("net.inet.tcp.msl"),
        QStringLiteral("net.inet.tcp.msl_local"),
        QStringLiteral("net.inet.tcp.nolocaltimewait"),
        QStringLiteral("net.inet.tcp.maxtcptw"),
        QStringLiteral("net.inet.tcp.fast_finwait2_recycle"),
        QStringLiteral("net.inet.tcp.finwait2_timeout"),
        QStringLiteral("net.inet.tcp.keepidle"),
        QStringLiteral("net.inet.tcp.keepintvl"),
        QStringLiteral("net.inet.tcp.keepcnt"),
        QStringLiteral("net.inet.tcp.keepinit"),
        QStringLiteral("net.inet.tcp.always_keepalive"),
        QStringLiteral("net.inet.tcp.syncookies"),
        QStringLiteral("net.inet.tcp.syncache.count"),
        QStringLiteral("net.inet.tcp.syncache.rexmtlimit"), // SYN-ACK retransmissions (tcp_syncache.c)
        QStringLiteral("net.inet.tcp.pcbcount"),
        QStringLiteral("net.inet.tcp.states"),
        QStringLiteral("net.inet.ip.portrange.first"),
        QStringLiteral("net.inet.ip.portrange.last"),
        QStringLiteral("net.inet.ip.portrange.hifirst"),
        QStringLiteral("net.inet.ip.portrange.hilast"),
        QStringLiteral("kern.ipc.soacceptqueue"),
        QStringLiteral("kern.ipc.somaxconn"),
    };
    return names;
}

QString Tunables::linuxProcPath(const QString &sysctlName)
{
    return QLatin1String("sys/") + QString(sysctlName).replace(QLatin1Char('.'), QLatin1Char('/'));
}
