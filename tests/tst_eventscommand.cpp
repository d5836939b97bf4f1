// tcpscope --events on real loopback connections in a private network namespace: named processes open
// and close connections while it polls; its lines say which transitions happened and who held the
// sockets, TIME_WAIT ones remembered; a filter restricts it, --duration and SIGTERM end it cleanly.
#include "childrun.h"
#include "namedchild.h"
#include "netnamespace.h"
#include "testmain.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace {
const QString kBinary = QStringLiteral(TCPSCOPE_BINARY);
constexpr int N = 20;
constexpr int IntervalMs = 200;

// `tcpscope --events ARGS`, started and polled once: its first stderr line says so.
std::unique_ptr<QProcess> startEvents(const QStringList &args, QByteArray *stderrOut = nullptr)
{
    auto p = std::make_unique<QProcess>();
    p->start(kBinary,
        QStringList { QStringLiteral("--events"), QStringLiteral("--interval"), QString::number(IntervalMs) } + args);
    QElapsedTimer t;
    t.start();
    QByteArray err;
    while (!err.contains('\n') && t.elapsed() < 10000 && p->state() != QProcess::NotRunning) {
        p->waitForReadyRead(100);
        err += p->readAllStandardError();
    }
    if (!err.contains("tcpscope: watching"))
        qWarning("tcpscope --events did not start: %s", err.constData());
    if (stderrOut)
        *stderrOut = err;
    return p;
}

// Holds a listener, accepts N connections, then closes each once its client has closed (read(2)
// returns 0 at the client's FIN): the server side goes CLOSE_WAIT, LAST_ACK, gone.
std::unique_ptr<NamedChild> server(quint16 &port)
{
    auto c = std::make_unique<NamedChild>("tsserver", [](NamedChild &self) {
        quint16 p = 0;
        const int l = NamedChild::listenLoopback(p);
        self.report(p);
        std::vector<int> fds;
        for (int i = 0; i < N; ++i)
            fds.push_back(::accept(l, nullptr, nullptr));
        self.report(1);
        char c = 0;
        for (int fd : fds) {
            while (::read(fd, &c, 1) > 0) { }
            ::close(fd);
        }
        self.report(2);
    });
    port = quint16(c->next());
    return c;
}

std::unique_ptr<NamedChild> client(quint16 port)
{
    return std::make_unique<NamedChild>("tsclient", [port](NamedChild &self) {
        int ok = 1;
        for (int i = 0; i < N; ++i)
            ok &= NamedChild::connectLoopback(port) >= 0 ? 1 : 0;
        self.report(quint32(ok)); // closed client-first when the parent finishes it
    });
}

std::vector<QJsonObject> jsonLines(const QByteArray &out)
{
    std::vector<QJsonObject> lines;
    for (const QByteArray &l : out.split('\n')) {
        if (!l.isEmpty())
            lines.push_back(QJsonDocument::fromJson(l).object());
    }
    return lines;
}

// The events whose socket has `port` on the given side, with from/to as given (empty: any).
int count(const std::vector<QJsonObject> &events, const QString &side, quint16 port, const QString &to,
    const QString &name, int remembered)
{
    int n = 0;
    for (const QJsonObject &e : events) {
        const QJsonObject p = e.value(QStringLiteral("process")).toObject();
        n += e.value(side).toString().endsWith(QLatin1Char(':') + QString::number(port))
                && e.value(QStringLiteral("to")).toString() == to && p.value(QStringLiteral("name")).toString() == name
                && (remembered < 0 || p.value(QStringLiteral("remembered")).toBool() == bool(remembered))
            ? 1
            : 0;
    }
    return n;
}
} // namespace

class TestEventsCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TCPSCOPE_REQUIRE_NAMESPACE(); }

    void clientFirstCloseIsRemembered()
    {
        quint16 port = 0;
        const auto srv = server(port);
        QVERIFY(port != 0);
        // Polled only: the paths between polls are the state machine's (observedWithEbpf has the kernel's).
        const auto events = startEvents({ QStringLiteral("--json"), QStringLiteral("--no-ebpf") });
        QCOMPARE(events->state(), QProcess::Running);
        const auto cli = client(port);
        QCOMPARE(cli->next(), 1u);
        QCOMPARE(srv->next(), 1u);
        QTest::qWait(3 * IntervalMs); // open across at least two polls
        cli->finish();
        QCOMPARE(srv->next(), 2u);
        QTest::qWait(3 * IntervalMs);
        events->terminate();
        QVERIFY(events->waitForFinished(5000));
        QCOMPARE(events->exitStatus(), QProcess::NormalExit);
        QCOMPARE(events->exitCode(), 0);
        const QByteArray out = events->readAllStandardOutput();
        QVERIFY(out.endsWith('\n'));
        const std::vector<QJsonObject> lines = jsonLines(out);
        for (const QJsonObject &e : lines) {
            QVERIFY2(!e.isEmpty(), out.constData());
            QCOMPARE(e.value(QStringLiteral("seen")).toString(), QStringLiteral("polled"));
            QVERIFY(e.value(QStringLiteral("cookie")).toString().toULongLong() != 0); // netlink
        }
        const QString remote = QStringLiteral("remote");
        const QString local = QStringLiteral("local");
        const QString client = QStringLiteral("tsclient");
        const QString server = QStringLiteral("tsserver");
        QCOMPARE(count(lines, remote, port, QStringLiteral("ESTABLISHED"), client, 0), N);
        QCOMPARE(count(lines, remote, port, QStringLiteral("TIME_WAIT"), client, 1), N);
        // An accepted socket nobody has accept(2)ed yet is held by no process: a poll that caught it in
        // the accept queue (under load) prints it with "process": null, the truth.
        QCOMPARE(count(lines, local, port, QStringLiteral("ESTABLISHED"), server, 0)
                + count(lines, local, port, QStringLiteral("ESTABLISHED"), QString(), -1),
            N);
        QVERIFY(count(lines, local, port, QStringLiteral("ESTABLISHED"), server, 0) > 0);
        // The server side closes right after the FIN: gone within a poll, last seen held by tsserver;
        // remembered only if a poll caught it in LAST_ACK, closed (inode 0) and waiting for the last ACK.
        QCOMPARE(count(lines, local, port, QStringLiteral("CLOSE"), server, -1), N);
        for (const QJsonObject &e : lines) {
            if (e.value(QStringLiteral("to")).toString() == QLatin1String("CLOSE"))
                QCOMPARE(e.value(QStringLiteral("process")).toObject().value(QStringLiteral("remembered")).toBool(),
                    e.value(QStringLiteral("from")).toString() == QLatin1String("LAST_ACK"));
        }
        // Hops between two polls are inferred (ESTABLISHED, FIN_WAIT1, FIN_WAIT2, TIME_WAIT, unless a poll
        // caught FIN_WAIT2 while the server was slow to close).
        for (const QJsonObject &e : lines) {
            const QJsonArray path = e.value(QStringLiteral("path")).toArray();
            if (e.value(QStringLiteral("from")).toString() == QLatin1String("ESTABLISHED")
                && e.value(QStringLiteral("to")).toString() == QLatin1String("TIME_WAIT"))
                QVERIFY(path.size() == 4);
            if (path.isEmpty())
                continue;
            QVERIFY(path.size() > 2);
            QCOMPARE(path.first(), e.value(QStringLiteral("from")));
            QCOMPARE(path.last(), e.value(QStringLiteral("to")));
        }
    }

    // Text: a footnote and the column titles, then one line each; a remembered owner is starred.
    void textMarksRememberedOwners()
    {
        quint16 port = 0;
        const auto srv = server(port);
        const auto events = startEvents({ QStringLiteral("--no-ebpf") });
        const auto cli = client(port);
        QCOMPARE(cli->next(), 1u);
        QCOMPARE(srv->next(), 1u);
        QTest::qWait(3 * IntervalMs);
        const QByteArray pid = QByteArray::number(cli->pid());
        cli->finish();
        QCOMPARE(srv->next(), 2u);
        QTest::qWait(3 * IntervalMs);
        events->terminate();
        QVERIFY(events->waitForFinished(5000));
        QCOMPARE(events->exitCode(), 0);
        const QByteArray out = events->readAllStandardOutput();
        QVERIFY(out.startsWith("# * remembered"));
        QVERIFY(out.split('\n').at(1).startsWith("# via: "));
        QVERIFY(out.split('\n').at(2).startsWith("TIME "));
        // From CLOSE via SYN_SENT, or from SYN_SENT when a SYN waited for room in the accept queue.
        QCOMPARE(out.count(QByteArray("-> ESTABLISHED tsclient (" + pid + ")")), N);
        QCOMPARE(out.count(QByteArray("-> TIME_WAIT   tsclient (" + pid + ")*")), N);
        QVERIFY(
            out.contains(QByteArray("CLOSE       -> ESTABLISHED tsclient (" + pid + ")  via SYN_SENT (inferred)\n")));
        QVERIFY(out.endsWith('\n'));
    }

    // With the kernel's state changes every transition is "observed", hop by hop, remembered owners kept.
    void observedWithEbpf()
    {
        quint16 port = 0;
        const auto srv = server(port);
        QByteArray err;
        const auto events = startEvents({ QStringLiteral("--json") }, &err);
        if (!err.contains(" + eBPF")) {
            if (NetNamespace::mustNotSkip())
                QFAIL(err.constData());
            QSKIP(err.constData()); // not built with libbpf or not privileged here: the message says which
        }
        const auto cli = client(port);
        QCOMPARE(cli->next(), 1u);
        QCOMPARE(srv->next(), 1u);
        QTest::qWait(3 * IntervalMs);
        cli->finish();
        QCOMPARE(srv->next(), 2u);
        QTest::qWait(3 * IntervalMs);
        events->terminate();
        QVERIFY(events->waitForFinished(5000));
        QCOMPARE(events->exitCode(), 0);
        const QByteArray out = events->readAllStandardOutput();
        const std::vector<QJsonObject> lines = jsonLines(out);
        for (const QJsonObject &e : lines) // the offending line and all of them, to tell which hop had no event
            QVERIFY2(e.value(QStringLiteral("seen")).toString() == QLatin1String("observed"),
                QByteArray(QJsonDocument(e).toJson(QJsonDocument::Compact) + "\nin:\n" + out).constData());
        QCOMPARE(
            count(lines, QStringLiteral("remote"), port, QStringLiteral("TIME_WAIT"), QStringLiteral("tsclient"), 1),
            N);
        int viaFinWait = 0;
        for (const QJsonObject &e : lines) {
            QStringList path;
            for (const QJsonValue &v : e.value(QStringLiteral("path")).toArray())
                path << v.toString();
            if (e.value(QStringLiteral("to")).toString() == QLatin1String("TIME_WAIT"))
                viaFinWait += path.join(QLatin1Char(' ')).contains(QLatin1String("ESTABLISHED FIN_WAIT1 ")) ? 1 : 0;
        }
        QVERIFY2(viaFinWait == N, out.constData()); // the kernel's path, not the cheapest one
    }

    // As nobody, with no capabilities: the BPF program cannot load; one line says why and how to fix
    // it, and the polls go on (the connections made meanwhile are still reported).
    void unprivilegedFallsBackToPolling()
    {
        quint16 port = 0;
        const int l = NamedChild::listenLoopback(port);
        QProcess events;
        events.start(QStringLiteral("setpriv"),
            { QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"), QStringLiteral("--clear-groups"),
                QStringLiteral("--inh-caps=-all"), QStringLiteral("--bounding-set=-all"), kBinary,
                QStringLiteral("--events"), QStringLiteral("--json"), QStringLiteral("--interval"),
                QString::number(IntervalMs), QStringLiteral("--duration"), QStringLiteral("2") });
        QVERIFY(events.waitForStarted());
        QTest::qWait(1000);
        std::vector<int> fds;
        for (int i = 0; i < 3; ++i)
            fds.push_back(NamedChild::connectLoopback(port));
        QVERIFY(events.waitForFinished(10'000));
        QCOMPARE(events.exitCode(), 0);
        const QByteArray err = events.readAllStandardError();
        QVERIFY2(err.contains("eBPF state changes off: ") && err.contains("CAP_BPF and CAP_PERFMON")
                && err.contains("setcap cap_bpf,cap_perfmon+ep"),
            err.constData());
        QCOMPARE(err.count("eBPF state changes off"), 1);
        QVERIFY(!err.contains("+ eBPF"));
        const std::vector<QJsonObject> lines = jsonLines(events.readAllStandardOutput());
        QVERIFY(count(lines, QStringLiteral("remote"), port, QStringLiteral("ESTABLISHED"), QString(), -1) >= 3);
        for (const QJsonObject &e : lines)
            QCOMPARE(e.value(QStringLiteral("seen")).toString(), QStringLiteral("polled"));
        for (int fd : fds)
            ::close(fd);
        ::close(l);
    }

    // Only dport = :P: the client sides of connections to P, none of those to another port.
    void filterAndDuration()
    {
        quint16 wanted = 0;
        quint16 other = 0;
        const int l1 = NamedChild::listenLoopback(wanted);
        const int l2 = NamedChild::listenLoopback(other);
        QElapsedTimer clock;
        clock.start();
        const auto events = startEvents({ QStringLiteral("--json"), QStringLiteral("--duration"), QStringLiteral("2"),
            QStringLiteral("dport = :%1").arg(wanted) });
        std::vector<int> fds;
        for (int i = 0; i < 3; ++i) {
            fds.push_back(NamedChild::connectLoopback(wanted));
            fds.push_back(NamedChild::connectLoopback(other));
        }
        QVERIFY(events->waitForFinished(5000));
        QVERIFY2(clock.elapsed() < 2000 + 1500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(clock.elapsed() >= 2000);
        QCOMPARE(events->exitCode(), 0);
        const std::vector<QJsonObject> lines = jsonLines(events->readAllStandardOutput());
        QCOMPARE(int(lines.size()), 3);
        for (const QJsonObject &e : lines) {
            QVERIFY(e.value(QStringLiteral("remote")).toString().endsWith(QLatin1Char(':') + QString::number(wanted)));
            QCOMPARE(e.value(QStringLiteral("to")).toString(), QStringLiteral("ESTABLISHED"));
        }
        for (int fd : fds)
            ::close(fd);
        ::close(l1);
        ::close(l2);
    }

    void badUsageExits2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("says");
        QTest::newRow("bad filter") << QStringList { QStringLiteral("--events"), QStringLiteral("dport = = :80") }
                                    << QByteArray("column");
        QTest::newRow("duration 0") << QStringList { QStringLiteral("--events"), QStringLiteral("--duration"),
            QStringLiteral("0") } << QByteArray("--duration takes seconds");
        QTest::newRow("duration alone") << QStringList { QStringLiteral("--duration"), QStringLiteral("5") }
                                        << QByteArray("--duration goes with --events");
        QTest::newRow("with --snapshot") << QStringList { QStringLiteral("--events"), QStringLiteral("--snapshot") }
                                         << QByteArray("does not go with --snapshot");
    }
    void badUsageExits2()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, says);
        const ChildRun r = ChildRun::of(kBinary, args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(says), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void helpListsIt()
    {
        const ChildRun r = ChildRun::of(kBinary, { QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--events") && r.out.contains("--duration <SECONDS>"));
    }
};

TCPSCOPE_TEST_MAIN(TestEventsCommand, QCoreApplication, TestMain::Isolated)
#include "tst_eventscommand.moc"
