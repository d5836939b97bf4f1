#include "sources/local/netlinksource.h"

#include "sources/local/ebpf/tcpstateeventsource.h"

#include "parse/inetdiagparser.h"
#include "sources/local/localpoll.h"
#include "sources/local/ownerscanner.h"
#include "sources/local/threadcputime.h"
#include "sources/local/tunablesreader.h"

#include <cerrno>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <QCoreApplication>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {
// Every state /proc lists: bits 1..12 without CLOSE (7, never hashed) and BOUND_INACTIVE (13, a
// diag-only pseudo-state). The SYN_RECV bit also selects NEW_SYN_RECV request sockets (inet_diag.c).
constexpr quint32 AllProcStates = (((1u << 13) - 1) & ~1u) & ~(1u << 7);
constexpr quint32 ListenOnly = 1u << 10;

QString errnoText(const char *what, int err)
{
    return QString::fromLatin1(what) + QLatin1String(": ") + QString::fromLocal8Bit(std::strerror(err));
}
} // namespace

NetlinkSource::NetlinkSource()
    : m_parallel(std::thread::hardware_concurrency() > 1)
{ }

NetlinkSource::~NetlinkSource()
{
    m_v4.close();
    m_v6.close();
}

QString NetlinkSource::description() const
{
    return QStringLiteral("netlink sock_diag");
}

Status NetlinkSource::Channel::open()
{
    if (fd >= 0)
        return {};
    fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0)
        return Status::failure(errnoText("socket(NETLINK_SOCK_DIAG)", errno));
    // A larger receive queue lets the kernel run ahead while we parse (netlink_dump refills at rcvbuf/2).
    const int rcvbuf = 1 << 20;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    // The kernel fills at most ~32 KiB per dump skb (netlink_recvmsg caps max_recvmsg_len);
    // a bigger buffer only guards against MSG_TRUNC.
    buffer.resize(64 * 1024);
    return {};
}

void NetlinkSource::Channel::close()
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

std::shared_ptr<OwnerLookup> NetlinkSource::ownerLookup()
{
    if (!m_owners)
        m_owners = std::make_shared<OwnerScanner>();
    return m_owners;
}

std::shared_ptr<StateEventFeed> NetlinkSource::stateEventFeed()
{
    // This process's network namespace: the one the dump reads.
    return m_stateEvents ? std::make_shared<TcpStateEventSource>() : nullptr;
}

bool NetlinkSource::readCounters(Counters &out)
{
    out = m_counters.read();
    return !out.values.empty();
}

bool NetlinkSource::probe()
{
    std::vector<SocketEntry> out;
    ProblemList problems;
    return m_v4.open().ok() && m_v4.dump(AF_INET, ListenOnly, out, problems).ok();
}

Status NetlinkSource::Channel::dump(int family, quint32 states, std::vector<SocketEntry> &out, ProblemList &problems)
{
    if (Status opened = open(); !opened.ok())
        return opened;
    const QString source = QStringLiteral("sock_diag");
    const QByteArray req = InetDiagParser::dumpRequest(family, states, ++seq);
    sockaddr_nl kernel {};
    kernel.nl_family = AF_NETLINK;
    QString error;
    if (::sendto(fd, req.constData(), size_t(req.size()), 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel) < 0)
        error = errnoText("sendto(sock_diag)", errno);
    while (error.isEmpty()) {
        const ssize_t n = ::recv(fd, buffer.data(), size_t(buffer.size()), 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            error = errnoText("recv(sock_diag)", errno);
            break;
        }
        if (n == 0) {
            error = QCoreApplication::translate("NetlinkSource", "sock_diag: the kernel closed the dump early");
            break;
        }
        const InetDiagParser::Result r
            = InetDiagParser::parse(QByteArrayView(buffer.constData(), n), out, problems, source);
        if (r.status == InetDiagParser::Status::Done)
            return {};
        if (r.status == InetDiagParser::Status::Error) {
            // IPv6 disabled: the AF_INET6 handler is missing and the kernel answers ENOENT.
            if (family == AF_INET6 && (r.error == ENOENT || r.error == EAFNOSUPPORT)) {
                problems.add({ source, 0,
                    QCoreApplication::translate("NetlinkSource", "no IPv6 sockets: IPv6 is disabled on this host") });
                return {};
            }
            error = r.error ? errnoText("sock_diag dump", r.error)
                            : QCoreApplication::translate("NetlinkSource", "sock_diag: malformed reply");
        }
    }
    // A half-read dump leaves replies queued: start the next poll on a fresh socket.
    close();
    return Status::failure(error);
}

Status NetlinkSource::dump(std::vector<SocketEntry> &out, ProblemList &problems)
{
    out.clear();
    if (m_firstDump) {
        // Size the first dump from sockstat (0.2 ms) rather than growing 7 MB by doubling at 100k sockets.
        m_firstDump = false;
        const Counters c = m_counters.read();
        m_lastCount = size_t(qMax<qint64>(qint64(m_lastCount), c.inUse() + qMax<qint64>(c.timeWaitSockets(), 0)));
    }
    out.reserve(m_lastCount + m_lastCount / 8);
    Status error, error6;
    if (m_parallel) {
        ProblemList problems6;
        m_v6Sockets.clear();
        m_v6Sockets.reserve(out.capacity() / 2);
        qint64 cpu6 = 0;
        std::thread v6([&] {
            const qint64 start = threadCpuTimeUs();
            error6 = m_v6.dump(AF_INET6, AllProcStates, m_v6Sockets, problems6);
            cpu6 = threadCpuTimeUs() - start;
        });
        error = m_v4.dump(AF_INET, AllProcStates, out, problems);
        v6.join();
        m_helperCpuUs = cpu6;
        out.insert(out.end(), m_v6Sockets.begin(), m_v6Sockets.end());
        problems.append(problems6);
    } else {
        m_helperCpuUs = 0;
        error = m_v4.dump(AF_INET, AllProcStates, out, problems);
        if (error.ok())
            error6 = m_v6.dump(AF_INET6, AllProcStates, out, problems);
    }
    if (error.ok())
        error = error6;
    if (!error.ok())
        return error;
    InetDiagParser::fillRequestUids(out);
    m_lastCount = qMax<size_t>(out.size(), 1024);
    return {};
}

Snapshot NetlinkSource::poll()
{
    LocalPoll poll(QStringLiteral("/proc"), description());
    SnapshotData &d = poll.data();
    d.status = dump(d.sockets, d.problems);
    return poll.finish(m_helperCpuUs);
}
