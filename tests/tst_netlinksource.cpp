#include "core/socketkey.h"
#include "sources/local/netlinksource.h"
#include "sources/local/procsource.h"
#include "teaching/loopbacklab.h"
#include "testmain.h"

#include <QCoreApplication>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>

namespace {

// States LoopbackLab has no recipe for, made with raw loopback sockets. Descriptors stay open
// until the process exits (the namespace dies with it).
struct ExtraStates
{
    int family;
    std::vector<int> fds;

    int sock(bool nonBlocking = false)
    {
        const int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC | (nonBlocking ? SOCK_NONBLOCK : 0), 0);
        fds.push_back(fd);
        return fd;
    }
    socklen_t addr(sockaddr_storage &ss, quint16 port) const
    {
        std::memset(&ss, 0, sizeof ss);
        if (family == AF_INET) {
            auto *a = reinterpret_cast<sockaddr_in *>(&ss);
            a->sin_family = AF_INET;
            a->sin_port = htons(port);
            a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            return sizeof *a;
        }
        auto *a = reinterpret_cast<sockaddr_in6 *>(&ss);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        a->sin6_addr = in6addr_loopback;
        return sizeof *a;
    }
    quint16 listener(int backlog, int &fd)
    {
        fd = sock();
        sockaddr_storage ss;
        socklen_t len = addr(ss, 0);
        if (::bind(fd, reinterpret_cast<sockaddr *>(&ss), len) < 0 || ::listen(fd, backlog) < 0)
            return 0;
        len = sizeof ss;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &len);
        return family == AF_INET ? ntohs(reinterpret_cast<sockaddr_in *>(&ss)->sin_port)
                                 : ntohs(reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port);
    }
    bool connectTo(int fd, quint16 port)
    {
        sockaddr_storage ss;
        const socklen_t len = addr(ss, port);
        return ::connect(fd, reinterpret_cast<sockaddr *>(&ss), len) == 0 || errno == EINPROGRESS;
    }
    static void fill(int fd)
    {
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        static char chunk[65536];
        while (::send(fd, chunk, sizeof chunk, MSG_NOSIGNAL) > 0) { }
    }

    // SYN_SENT: a listener whose accept queue (backlog 0) is full drops further SYNs
    // (tcp_conn_request: sk_acceptq_is_full), so a second client keeps retransmitting its SYN.
    bool synSent()
    {
        int l = -1;
        const quint16 port = listener(0, l);
        return port && connectTo(sock(), port) && connectTo(sock(true), port);
    }
    // FIN_WAIT1 (client) and LAST_ACK (server): the FIN waits behind data the peer's full
    // receive window will not take (zero-window probing).
    bool finWait1AndLastAck()
    {
        int l = -1;
        const quint16 port = listener(16, l);
        const int c1 = sock();
        if (!port || !connectTo(c1, port))
            return false;
        const int s1 = ::accept4(l, nullptr, nullptr, SOCK_CLOEXEC);
        fill(c1);
        ::close(c1); // FIN_WAIT1, orphaned
        fds.erase(std::find(fds.begin(), fds.end(), c1));
        fds.push_back(s1);
        const int c2 = sock();
        if (!connectTo(c2, port))
            return false;
        const int s2 = ::accept4(l, nullptr, nullptr, SOCK_CLOEXEC);
        ::shutdown(c2, SHUT_WR); // server: CLOSE_WAIT
        QTest::qWait(50);
        fill(s2);
        ::close(s2); // LAST_ACK with the FIN queued behind data
        return true;
    }
};

using Key = std::tuple<int, QString, QString>;
std::map<Key, SocketEntry> byKey(const Snapshot &s)
{
    std::map<Key, SocketEntry> m;
    for (const SocketEntry &e : s.sockets())
        m[{ int(e.family), e.localText(), e.remoteText() + QString::number(e.state == TcpState::Listen ? e.inode : 0) }]
            = e;
    return m;
}
} // namespace

// The netlink and /proc sources read the same sockets in a private namespace: same sockets, same
// states and row kinds, same inodes, uids and queues, timers within tolerance (sock_diag(7), proc(5)).
class TestNetlinkSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TCPSCOPE_REQUIRE_NAMESPACE(); }

    void agreesWithProc()
    {
        std::vector<std::unique_ptr<LoopbackLab>> labs;
        std::vector<std::unique_ptr<ExtraStates>> extras;
        for (AddressFamily f : { AddressFamily::IPv4, AddressFamily::IPv6 }) {
            auto lab = std::make_unique<LoopbackLab>(f);
            LoopbackLab::Mix mix;
            mix.established = 3;
            mix.timeWait = mix.serverTimeWait = mix.closeWait = mix.finWait2 = mix.synRecv = 2;
            const Status made = lab->populate(mix);
            QVERIFY2(made.ok(), qPrintable(made.error()));
            labs.push_back(std::move(lab));
            auto x = std::make_unique<ExtraStates>();
            x->family = f == AddressFamily::IPv4 ? AF_INET : AF_INET6;
            QVERIFY(x->synSent());
            QVERIFY(x->finWait1AndLastAck());
            extras.push_back(std::move(x));
        }
        QTest::qWait(100);

        NetlinkSource netlink;
        QVERIFY(netlink.probe());
        const Snapshot a = netlink.poll();
        ProcSource proc;
        const Snapshot b = proc.poll();
        QVERIFY2(a.isValid(), qPrintable(a.status().error()));
        QVERIFY(b.isValid());
        // The pacer's budget is CPU: both sources measure it (the IPv6 thread's share included).
        QVERIFY(a.pollCpuUs() > 0 && b.pollCpuUs() > 0);
        QVERIFY2(a.pollCpuUs() <= 2 * a.pollDurationUs() + 1000, qPrintable(QString::number(a.pollCpuUs())));
        QCOMPARE(a.duplicatesDropped(), 0);
        QCOMPARE(a.counts(AddressFamily::IPv4), b.counts(AddressFamily::IPv4));
        QCOMPARE(a.counts(AddressFamily::IPv6), b.counts(AddressFamily::IPv6));

        // Every state this kernel lets loopback reach, in both families (CLOSING needs a truly
        // simultaneous close and is not reproducible here).
        const TcpState expected[] = { TcpState::Listen, TcpState::SynSent, TcpState::SynRecv, TcpState::Established,
            TcpState::FinWait1, TcpState::FinWait2, TcpState::TimeWait, TcpState::CloseWait, TcpState::LastAck };
        for (AddressFamily f : { AddressFamily::IPv4, AddressFamily::IPv6 }) {
            for (TcpState s : expected)
                QVERIFY2(a.counts(f)[TcpStates::index(s)] > 0,
                    qPrintable(TcpStates::kernelName(s) + QStringLiteral(" missing in IPv%1").arg(int(f))));
        }

        const auto ma = byKey(a);
        const auto mb = byKey(b);
        QCOMPARE(ma.size(), a.sockets().size());
        QCOMPARE(ma.size(), mb.size());
        int minisockets = 0, requests = 0;
        for (const auto &[key, x] : ma) {
            const auto it = mb.find(key);
            QVERIFY2(it != mb.end(), qPrintable(x.localText() + QLatin1String(" -> ") + x.remoteText()));
            const SocketEntry &y = it->second;
            const QString what = TcpStates::kernelName(x.state) + QLatin1Char(' ') + x.localText();
            QVERIFY2(x.state == y.state, qPrintable(what));
            QVERIFY2(x.kind == y.kind, qPrintable(what));
            QVERIFY2(x.timer == y.timer, qPrintable(what));
            QVERIFY2(x.inode == y.inode, qPrintable(what));
            QVERIFY2(x.uid == y.uid, qPrintable(what));
            QVERIFY2(x.rxQueue == y.rxQueue, qPrintable(what));
            // Send queues move while the zero-window sockets probe; compare the idle ones.
            if (x.timer != TimerKind::ZeroWindowProbe)
                QVERIFY2(x.txQueue == y.txQueue, qPrintable(what));
            // TIME_WAIT timers only count down: /proc (read second, 10 ms ticks) is at most a little lower.
            // Retransmit timers re-arm when they fire, so only their kind is compared.
            if (x.timer == TimerKind::TimeWait) {
                const qint64 d = qint64(x.timerMs) - qint64(y.timerMs);
                QVERIFY2(d >= -10 && d <= 1000, qPrintable(what + QStringLiteral(": %1 ms").arg(d)));
            }
            minisockets += x.kind == RowKind::TimeWaitSock && x.state == TcpState::FinWait2;
            requests += x.kind == RowKind::Request;
        }
        QCOMPARE(minisockets, 4); // orphaned FIN_WAIT2 as timewait minisockets, 2 per family
        QCOMPARE(requests, 4);
    }
};

TCPSCOPE_TEST_MAIN(TestNetlinkSource, QCoreApplication, TestMain::Isolated)

#include "tst_netlinksource.moc"
