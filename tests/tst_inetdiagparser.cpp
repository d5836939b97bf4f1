#include "core/socketkey.h"
#include "fixturefolder.h"
#include "parse/inetdiagparser.h"
#include "parse/procnettcpparser.h"

#include <QRandomGenerator>
#include <QTest>

#include <arpa/inet.h>
#include <cstring>
#include <limits>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>

// Parses real sock_diag replies captured with /proc/net/tcp{,6} from the same sockets
// (tests/data/inetdiag/README.md) and checks that both views agree field by field.
class TestInetDiagParser : public QObject
{
    Q_OBJECT

private:
    inline static const FixtureFolder load { QStringLiteral("inetdiag") };

private Q_SLOTS:
    void agreesWithProc_data()
    {
        QTest::addColumn<QByteArray>("dump");
        QTest::addColumn<QByteArray>("proc");
        QTest::addColumn<int>("family");
        QTest::newRow("IPv4") << load("dump4.bin") << load("tcp.txt") << int(AddressFamily::IPv4);
        QTest::newRow("IPv6") << load("dump6.bin") << load("tcp6.txt") << int(AddressFamily::IPv6);
    }
    void agreesWithProc()
    {
        QFETCH(QByteArray, dump);
        QFETCH(QByteArray, proc);
        QFETCH(int, family);
        QVERIFY(!dump.isEmpty() && !proc.isEmpty());
        std::vector<SocketEntry> nl;
        ProblemList problems;
        const auto r = InetDiagParser::parse(dump, nl, problems);
        InetDiagParser::fillRequestUids(nl);
        QCOMPARE(r.status, InetDiagParser::Status::Done);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.items().value(0).toString()));
        const auto fam = AddressFamily(family);
        const ProcParseResult p = ProcNetTcpParser::parse(proc, fam, QStringLiteral("tcp"));
        QVERIFY(p.problems.isEmpty());
        QCOMPARE(nl.size(), p.sockets.size());
        QCOMPARE(nl.size(), size_t(13));
        QSet<int> states;
        QSet<quint64> cookies;
        for (const SocketEntry &a : nl) {
            // Every socket has its own cookie (0x101d... in dump4.bin); /proc has none.
            QVERIFY(a.cookie != 0);
            cookies.insert(a.cookie);
            QCOMPARE(a.family, fam);
            const auto it = std::find_if(p.sockets.begin(), p.sockets.end(),
                [&](const SocketEntry &b) { return SocketKey::of(a) == SocketKey::of(b); });
            QVERIFY2(it != p.sockets.end(), qPrintable(a.localText() + QLatin1String(" -> ") + a.remoteText()));
            const SocketEntry &b = *it;
            QCOMPARE(a.state, b.state);
            QCOMPARE(a.kind, b.kind);
            QCOMPARE(a.timer, b.timer);
            QCOMPARE(a.inode, b.inode);
            QCOMPARE(a.uid, b.uid);
            QCOMPARE(a.rxQueue, b.rxQueue);
            QCOMPARE(a.txQueue, b.txQueue);
            QCOMPARE(a.isOrphan(), b.isOrphan());
            QCOMPARE(b.cookie, quint64(0));
            // /proc was read after the dump and in 10 ms ticks: its timer is a little lower.
            QVERIFY2(qAbs(qint64(a.timerMs) - qint64(b.timerMs)) <= 200,
                qPrintable(QStringLiteral("%1 vs %2 ms").arg(a.timerMs).arg(b.timerMs)));
            states.insert(int(a.state) * 10 + int(a.kind));
        }
        // LISTEN, ESTABLISHED, TIME_WAIT, FIN_WAIT2 minisocket and full, CLOSE_WAIT, SYN_RECV request.
        QCOMPARE(states.size(), 7);
        QCOMPARE(cookies.size(), qsizetype(nl.size()));
    }

    void truncatedInputNeverCrashes()
    {
        const QByteArray dump = load("dump4.bin");
        QVERIFY(!dump.isEmpty());
        for (qsizetype n = 0; n < dump.size(); ++n) {
            std::vector<SocketEntry> out;
            ProblemList problems;
            const auto r = InetDiagParser::parse(QByteArrayView(dump.constData(), n), out, problems);
            QVERIFY(r.status != InetDiagParser::Status::Done); // the DONE message is last
            QVERIFY(out.size() <= 13);
        }
    }

    void randomMutationsAreSafe()
    {
        // Run under the asan preset this is a small fuzzer: every mutated buffer must parse without
        // reading out of bounds, and never yield more sockets than messages fit.
        const QByteArray dump = load("dump6.bin");
        QVERIFY(!dump.isEmpty());
        QRandomGenerator rng(8);
        for (int round = 0; round < 3000; ++round) {
            QByteArray m = dump;
            for (int k = 0, n = 1 + int(rng.bounded(8)); k < n; ++k)
                m[qsizetype(rng.bounded(int(m.size())))] = char(rng.bounded(256));
            std::vector<SocketEntry> out;
            ProblemList problems;
            InetDiagParser::parse(m, out, problems);
            QVERIFY(out.size() <= 13);
        }
    }

    void corruptFieldsAreReported()
    {
        QByteArray dump = load("dump4.bin");
        QVERIFY(dump.size() > 100);
        // Message 1, inet_diag_msg.idiag_family (first payload byte) := 99.
        dump[NLMSG_HDRLEN] = char(99);
        std::vector<SocketEntry> out;
        ProblemList problems;
        const auto r = InetDiagParser::parse(dump, out, problems);
        QCOMPARE(r.status, InetDiagParser::Status::Done);
        QCOMPARE(out.size(), size_t(12));
        QCOMPARE(problems.total(), 1);
    }

    void errorReplyCarriesErrno_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("expected");
        QTest::newRow("ENOENT") << -ENOENT << ENOENT;
        // Found by fuzz_inetdiag: negating INT_MIN overflowed (UBSan).
        QTest::newRow("INT_MIN") << std::numeric_limits<int>::min() << std::numeric_limits<int>::max();
    }

    void errorReplyCarriesErrno()
    {
        QFETCH(int, error);
        QFETCH(int, expected);
        struct
        {
            nlmsghdr h;
            nlmsgerr e;
        } msg {};
        msg.h.nlmsg_len = sizeof msg;
        msg.h.nlmsg_type = NLMSG_ERROR;
        msg.e.error = error;
        std::vector<SocketEntry> out;
        ProblemList problems;
        const auto r
            = InetDiagParser::parse(QByteArrayView(reinterpret_cast<const char *>(&msg), sizeof msg), out, problems);
        QCOMPARE(r.status, InetDiagParser::Status::Error);
        QCOMPARE(r.error, expected);
    }

    void requestTakesListenerUid()
    {
        SocketEntry l;
        l.state = TcpState::Listen;
        l.localPort = 80;
        l.uid = 33;
        SocketEntry q;
        q.state = TcpState::SynRecv;
        q.kind = RowKind::Request;
        q.localPort = 80;
        SocketEntry other = q;
        other.localPort = 81;
        std::vector<SocketEntry> v { q, l, other };
        InetDiagParser::fillRequestUids(v);
        QCOMPARE(v[0].uid, 33u);
        QCOMPARE(v[2].uid, 0u);
    }

    // The SOCK_DESTROY request names exactly one socket: its 4-tuple in network order and its cookie, or
    // INET_DIAG_NOCOOKIE when the poll had none (/proc mode); the kernel acks it (NLM_F_ACK).
    void destroyRequestNamesOneSocket()
    {
        SocketEntry e;
        e.family = AddressFamily::IPv4;
        e.localAddr = { 127, 0, 0, 1 };
        e.remoteAddr = { 127, 0, 0, 2 };
        e.localPort = 8080;
        e.remotePort = 54321;
        e.cookie = 0x1122334455667788ull;
        const QByteArray bytes = InetDiagParser::destroyRequest(e, 7);
        struct Request
        {
            nlmsghdr h;
            inet_diag_req_v2 r;
        } req {};
        QCOMPARE(size_t(bytes.size()), sizeof req);
        std::memcpy(&req, bytes.constData(), sizeof req);
        QCOMPARE(req.h.nlmsg_type, quint16(SOCK_DESTROY));
        QCOMPARE(req.h.nlmsg_flags, quint16(NLM_F_REQUEST | NLM_F_ACK));
        QCOMPARE(req.h.nlmsg_seq, 7u);
        QCOMPARE(req.r.sdiag_family, quint8(AF_INET));
        QCOMPARE(req.r.sdiag_protocol, quint8(IPPROTO_TCP));
        QCOMPARE(ntohs(req.r.id.idiag_sport), quint16(8080));
        QCOMPARE(ntohs(req.r.id.idiag_dport), quint16(54321));
        QCOMPARE(std::memcmp(req.r.id.idiag_dst, e.remoteAddr.data(), 16), 0);
        QCOMPARE(req.r.id.idiag_cookie[0], 0x55667788u);
        QCOMPARE(req.r.id.idiag_cookie[1], 0x11223344u);
        e.cookie = 0;
        e.family = AddressFamily::IPv6;
        std::memcpy(&req, InetDiagParser::destroyRequest(e, 8).constData(), sizeof req);
        QCOMPARE(req.r.sdiag_family, quint8(AF_INET6));
        QCOMPARE(req.r.id.idiag_cookie[0], quint32(INET_DIAG_NOCOOKIE));
        QCOMPARE(req.r.id.idiag_cookie[1], quint32(INET_DIAG_NOCOOKIE));
    }
};

QTEST_GUILESS_MAIN(TestInetDiagParser)
#include "tst_inetdiagparser.moc"
