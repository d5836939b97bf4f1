#pragma once

#include <QMetaType>
#include <QString>

#include <utility>
#include <vector>

// Kernel-wide TCP counters from /proc/net/sockstat{,6}, /proc/net/snmp and /proc/net/netstat: cheap
// to read whatever the table size, so they can be polled between full snapshots. Values are keyed
// "<Prefix>.<Name>" as the files spell them: "TCP.tw", "TCP6.inuse", "Tcp.ActiveOpens", "TcpExt.TW".
struct Counters
{
    qint64 timeMs = 0;
    std::vector<std::pair<QString, qint64>> values; // in file order

    // nullopt-free lookup: false when the kernel does not print it.
    bool has(QStringView key) const;
    qint64 value(QStringView key, qint64 fallback = -1) const;
    void set(const QString &key, qint64 v);

    // The ones the chart and the advisor use (/proc/net/sockstat and snmp: net/ipv4/proc.c).
    qint64 timeWaitSockets() const { return value(u"TCP.tw"); } // TIME_WAIT + orphaned FIN_WAIT2 minisockets
    qint64 orphans() const { return value(u"TCP.orphan"); }
    qint64 inUse() const; // TCP.inuse + TCP6.inuse: full sockets (not TIME_WAIT, not requests)
    qint64 activeOpens() const { return value(u"Tcp.ActiveOpens"); }
    qint64 passiveOpens() const { return value(u"Tcp.PassiveOpens"); }
    // Minisockets (TIME_WAIT or orphaned FIN_WAIT2) scheduled with the normal timeout: counted on entry,
    // not on expiry (net/ipv4/inet_timewait_sock.c __inet_twsk_schedule, LINUX_MIB_TIMEWAITED).
    qint64 timeWaitsStarted() const { return value(u"TcpExt.TW"); }
    qint64 timeWaitReused() const { return value(u"TcpExt.TWRecycled"); } // despite the name: tcp_tw_reuse hits
    qint64 timeWaitOverflows() const { return value(u"TcpExt.TCPTimeWaitOverflow"); }
    // A full accept queue refused a SYN or a handshake's last ACK (net/ipv4/tcp_input.c tcp_conn_request,
    // tcp_ipv4.c tcp_v4_syn_recv_sock); ListenDrops counts those and every other drop at a listener.
    qint64 listenOverflows() const { return value(u"TcpExt.ListenOverflows"); }
    qint64 listenDrops() const { return value(u"TcpExt.ListenDrops"); }
};

Q_DECLARE_METATYPE(Counters)
