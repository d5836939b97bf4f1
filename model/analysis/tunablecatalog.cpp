#include "analysis/tunablecatalog.h"

#include <QRegularExpression>

namespace {
TunableInfo linux(
    const char *name, const char *def, const char *does, const char *doesNot, const char *ref, bool formula = false)
{
    return { QString::fromLatin1(name), QStringLiteral("Linux"), QString::fromUtf8(def), formula, false,
        QString::fromUtf8(does), QString::fromUtf8(doesNot), QString::fromUtf8(ref) };
}

TunableInfo bsd(
    const char *name, const char *def, const char *does, const char *doesNot, const char *ref, bool formula = false)
{
    TunableInfo i = linux(name, def, does, doesNot, ref, formula);
    i.os = QStringLiteral("FreeBSD");
    return i;
}

std::vector<TunableInfo> build()
{
    std::vector<TunableInfo> v;
    // Linux: texts follow tcp-domain.md §3, which cites net/ipv4/*.c and ip-sysctl.rst.
    TunableInfo twLen = linux("TCP_TIMEWAIT_LEN", "60 s",
        "TIME_WAIT lasts a fixed 60 s (60*HZ); a FIN received in the FIN_WAIT2 substate re-arms a full 60 s.",
        "No sysctl shortens it: not tcp_fin_timeout, and tcp_tw_reuse_delay only lets connect() take a TIME_WAIT "
        "4-tuple over sooner; the socket's own timer stays 60 s.",
        "include/net/tcp.h, net/ipv4/tcp_minisocks.c");
    twLen.readOnly = true;
    v.push_back(twLen);
    v.push_back(linux("net.ipv4.tcp_fin_timeout", "60",
        "Seconds an orphaned FIN_WAIT_2 socket (closed by its program, waiting for the peer's FIN) lives; "
        "the kernel uses max(value, 3.5 x RTO).",
        "Not the TIME_WAIT length, and no limit for FIN_WAIT_2 sockets a program still holds after shutdown().",
        "ip-sysctl.rst; tcp(7); net/ipv4/tcp.c"));
    v.push_back(linux("net.ipv4.tcp_tw_reuse", "2",
        "Lets connect() take over a 4-tuple held by TIME_WAIT if the old connection used timestamps and "
        "tcp_tw_reuse_delay has passed. 0 off, 1 on, 2 loopback only (values 0/1/2, default 2 since commit "
        "79e9fed46038; a boolean up to 4.18).",
        "No effect on incoming connections (servers) or on FIN_WAIT2-substate sockets; it does not shorten "
        "TIME_WAIT.",
        "net/ipv4/tcp_ipv4.c tcp_twsk_unique; ip-sysctl.rst; commit 79e9fed46038"));
    v.push_back(linux("net.ipv4.tcp_tw_reuse_delay", "1000",
        "Milliseconds (1-60000) since a TIME_WAIT socket's last timestamp before tcp_tw_reuse may hand its "
        "4-tuple to a new outgoing connection. Linux 6.14+; before, a fixed 1 s.",
        "Does not shorten TIME_WAIT: sockets that are not reused still last 60 s.",
        "ip-sysctl.rst; commits ca6a6f93867a, 19ce8cd30465"));
    v.push_back(linux("net.ipv4.tcp_tw_recycle", "0 (removed in 4.12)",
        "Cut TIME_WAIT to about the RTO and dropped SYNs with a timestamp older than the last one seen from "
        "that host.",
        "Not safe: clients behind one NAT were silently refused. Removed in 4.12 (4396e46187ca); absent on "
        "current kernels.",
        "tcp(7); RFC 7323 §5; Bernat 2014"));
    v.push_back(linux("net.ipv4.tcp_max_tw_buckets", "ehash entries / 2",
        "Cap on TIME_WAIT minisockets (FIN_WAIT2 substate included); at the cap a closing socket skips "
        "TIME_WAIT and TCPTimeWaitOverflow counts it.",
        "Not a tuning knob for speed: sockets past the cap lose TIME_WAIT's protection; TIME_WAIT is not "
        "shorter for the others.",
        "net/ipv4/inet_timewait_sock.c inet_twsk_alloc; tcp_ipv4.c tcp_set_hashinfo", true));
    v.push_back(linux("net.ipv4.tcp_timestamps", "1",
        "RFC 7323 timestamps: 0 off, 1 on with a random offset, 2 on without offsets. PAWS and tcp_tw_reuse "
        "need them.",
        "Turning them off does not remove TIME_WAIT; it only stops PAWS and makes tcp_tw_reuse impossible.",
        "tcp(7); RFC 7323; net/core/secure_seq.c"));
    v.push_back(linux("net.ipv4.ip_local_port_range", "32768 60999",
        "Ports the kernel picks for connect() and bind(0). Each destination (local IP, remote IP, remote port) "
        "can use last - first + 1 ports minus reserved ones.",
        "Does not limit explicit bind(), nor connections per port: only the 4-tuple must be unique.",
        "ip-sysctl.rst; net/ipv4/inet_hashtables.c"));
    v.push_back(linux("net.ipv4.ip_local_reserved_ports", "(empty)",
        "Ports inside ip_local_port_range that automatic assignment skips.",
        "Does not stop a program from bind()ing them explicitly.", "ip-sysctl.rst"));
    v.push_back(linux("net.ipv4.tcp_max_orphans", "ehash entries / 2",
        "Cap (host-wide, not per namespace) on sockets closed by their program but still in the kernel; above "
        "it they are reset. Each can hold about 64 KB.",
        "Not the TIME_WAIT limit (that is tcp_max_tw_buckets).", "ip-sysctl.rst; net/ipv4/tcp.c tcp_init", true));
    v.push_back(linux("net.ipv4.tcp_orphan_retries", "0",
        "Retransmissions before an orphaned socket's unacknowledged data or FIN is given up.",
        "0 does not mean no retries: it means 8 while the peer looks alive (RTO < 120 s).",
        "net/ipv4/tcp_timer.c tcp_orphan_retries"));
    v.push_back(linux("net.ipv4.tcp_syncookies", "1",
        "0 off; 1 answer with SYN cookies when a listener's SYN queue overflows; 2 always.",
        "Does not help when the accept queue is full: those SYNs are still dropped (ListenOverflows).",
        "ip-sysctl.rst; net/ipv4/tcp_input.c tcp_conn_request"));
    v.push_back(linux("net.core.somaxconn", "4096",
        "Upper bound on every listen() backlog (queue of connections waiting for accept()). 128 before 5.4.",
        "Does not raise a backlog the program asked for: listen(fd, 128) stays 128.", "ip-sysctl.rst; listen(2)"));
    v.push_back(linux("net.ipv4.tcp_max_syn_backlog", "max(128, ehash / 128)",
        "Per-listener limit of half-open (SYN_RECV) requests, about 304 bytes each.",
        "Not the accept queue of completed connections (the listen() backlog, capped by somaxconn).",
        "ip-sysctl.rst; net/ipv4/tcp_ipv4.c", true));
    v.push_back(linux("net.ipv4.tcp_rfc1337", "0",
        "0: an in-window RST received in TIME_WAIT ends it early (TIME_WAIT assassination, RFC 1337); 1: the "
        "RST is ignored.",
        "ip-sysctl.rst words this backwards; the code (tcp_minisocks.c) and tcp(7) agree with this line.",
        "RFC 1337; net/ipv4/tcp_minisocks.c; tcp(7)"));

    // FreeBSD (macOS where noted): tcp-domain.md §4, from tcp(4), tcp_timer.c, in_pcb.c.
    v.push_back(bsd("net.inet.tcp.msl", "30000",
        "Maximum segment lifetime in ms; TIME_WAIT lasts 2 x msl: 60 s by default (macOS: MSL 15 s, 30 s).",
        "There is no separate TIME_WAIT sysctl, and lowering msl also weakens protection from old duplicates.",
        "tcp(4); sys/netinet/tcp_timer.h"));
    v.push_back(bsd("net.inet.tcp.fast_finwait2_recycle", "0",
        "When 1, a FIN_WAIT_2 socket whose receive side is closed is dropped after finwait2_timeout.",
        "Does not touch TIME_WAIT, nor FIN_WAIT_2 sockets that can still receive.", "tcp(4); tcp_timer.c"));
    v.push_back(bsd("net.inet.tcp.finwait2_timeout", "60000", "FIN_WAIT_2 timeout in ms used by fast_finwait2_recycle.",
        "No effect unless fast_finwait2_recycle is 1; not the TIME_WAIT length.", "tcp(4); tcp_input.c"));
    v.push_back(bsd("net.inet.tcp.maxtcptw", "kern.ipc.maxsockets / 5",
        "Maximum number of compressed TIME_WAIT structures (older tcp(4)).",
        "Does not change how long TIME_WAIT lasts (2 x msl). FreeBSD has since reworked TIME_WAIT: check "
        "sysctl -d.",
        "tcp(4)", true));
    v.push_back(bsd("net.inet.tcp.nolocaltimewait", "0",
        "When 1, connections whose both ends are on this host skip TIME_WAIT (older tcp(4)).",
        "No effect on connections to other hosts; newer FreeBSD has msl_local instead (not verified).", "tcp(4)"));
    v.push_back(
        bsd("net.inet.ip.portrange.first", "10000", "First port of the automatic (ephemeral) range; macOS uses 49152.",
            "Does not restrict explicit bind(); only the 4-tuple must be unique.", "in_pcb.c; in.h"));
    v.push_back(bsd("net.inet.ip.portrange.last", "65535", "Last port of the automatic (ephemeral) range.",
        "Does not restrict explicit bind(); only the 4-tuple must be unique.", "in_pcb.c; in.h"));
    return v;
}
} // namespace

const std::vector<TunableInfo> &TunableCatalog::all()
{
    static const std::vector<TunableInfo> entries = build();
    return entries;
}

const TunableInfo *TunableCatalog::find(const QString &name)
{
    for (const TunableInfo &i : all()) {
        if (i.name == name)
            return &i;
    }
    return nullptr;
}

std::vector<const TunableInfo *> TunableCatalog::forOs(const QString &os)
{
    const QString family = os == QLatin1String("Linux") ? os : QStringLiteral("FreeBSD");
    std::vector<const TunableInfo *> out;
    for (const TunableInfo &i : all()) {
        if (i.os == family)
            out.push_back(&i);
    }
    return out;
}

bool TunableCatalog::isDefault(const TunableInfo &info, const QString &value)
{
    if (info.defaultIsFormula || info.readOnly)
        return false;
    if (info.defaultValue == QLatin1String("(empty)"))
        return value.trimmed().isEmpty();
    return value.simplified()
        == info.defaultValue.section(QLatin1Char(' '), 0, info.name.contains(QLatin1String("range")) ? 1 : 0);
}

QString TunableCatalog::oneLine(const TunableInfo &info)
{
    return info.does + QLatin1Char(' ') + info.doesNot;
}
