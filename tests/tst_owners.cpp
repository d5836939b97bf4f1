// Which process holds each socket, end to end: named child processes in a private network namespace,
// read by `tcpscope --snapshot`, by the live pipeline and by the window's table model, and by an
// ordinary user who may not read root's /proc/PID/fd (proc(5): ptrace access mode) and must say so.
#include "childrun.h"
#include "models/connectiontablemodel.h"
#include "namedchild.h"
#include "pipeline/livesession.h"
#include "sources/local/netlinksource.h"
#include "sources/local/procsource.h"
#include "testmain.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
QByteArray snapshotOutput(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(TCPSCOPE_BINARY), QStringList { QStringLiteral("--snapshot") } + args);
    if (!p.waitForFinished(10000) || p.exitCode() != 0)
        return {};
    return p.readAllStandardOutput();
}

// A listener that accepts `n` connections and reports each.
std::unique_ptr<NamedChild> server(quint16 &port, int n)
{
    auto c = std::make_unique<NamedChild>("tcps-listen", [n](NamedChild &self) {
        quint16 p = 0;
        const int l = NamedChild::listenLoopback(p);
        self.report(p);
        for (int i = 0; i < n; ++i)
            self.report(::accept(l, nullptr, nullptr) >= 0 ? 1 : 0);
    });
    port = quint16(c->next());
    return c;
}

// "tcps-client" opens two connections to `port` and reports 1 when both are up.
std::unique_ptr<NamedChild> twoConnections(quint16 port)
{
    return std::make_unique<NamedChild>("tcps-client", [port](NamedChild &self) {
        const bool ok = NamedChild::connectLoopback(port) >= 0 && NamedChild::connectLoopback(port) >= 0;
        self.report(ok ? 1 : 0);
    });
}

// A listener here and a process named `name` that opens three connections to it, accepted here.
struct ThreeClients
{
    quint16 port = 0;
    int listener = -1;
    std::vector<int> accepted;
    std::unique_ptr<NamedChild> client;

    explicit ThreeClients(const char *name)
    {
        listener = NamedChild::listenLoopback(port);
        const quint16 p = port;
        client = std::make_unique<NamedChild>(name, [p](NamedChild &self) {
            for (int i = 0; i < 3; ++i)
                self.report(NamedChild::connectLoopback(p) >= 0 ? 1 : 0);
        });
        for (int i = 0; i < 3 && client->next() == 1; ++i)
            accepted.push_back(::accept(listener, nullptr, nullptr));
    }
    ~ThreeClients() { ::close(listener); }
    bool ok() const { return listener >= 0 && accepted.size() == 3; }
    // The client exits (its descriptors close, FIN first from it), then the server sides close.
    void closeClientFirst()
    {
        client->finish();
        for (int fd : accepted)
            ::close(fd);
    }
};

// Rows to `remotePort` in `state` whose Process column names tsclient, with the remembered role as given.
int rowsNamed(const ConnectionTableModel &model, quint16 remotePort, TcpState state, bool remembered)
{
    int n = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const TrackedSocket &t = model.socketAt(row);
        const QModelIndex process = model.index(row, ConnectionTableModel::ProcessColumn);
        n += t.entry.remotePort == remotePort && t.entry.state == state
                && process.data().toString().startsWith(QLatin1String("tsclient ("))
                && process.data(ConnectionTableModel::OwnerRememberedRole).toBool() == remembered
            ? 1
            : 0;
    }
    return n;
}

int countNamed(const std::vector<TrackedSocket> &sockets, quint16 remotePort, TcpState state, bool remembered)
{
    int n = 0;
    for (const TrackedSocket &t : sockets) {
        n += t.entry.remotePort == remotePort && t.entry.state == state && t.owner
                && t.owner->name == QLatin1String("tcps-closer") && t.ownerRemembered == remembered
            ? 1
            : 0;
    }
    return n;
}
} // namespace

class TestOwners : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TCPSCOPE_REQUIRE_NAMESPACE(); }

    // LISTEN, two established pairs, CLOSE_WAIT and FIN_WAIT2: every owned socket names its process.
    void snapshotNamesEveryOwner()
    {
        quint16 port = 0;
        const auto listen = server(port, 3);
        QVERIFY(port != 0);
        const auto client = twoConnections(port);
        QCOMPARE(client->next(), 1u);
        const NamedChild half("tcps-half", [port](NamedChild &self) {
            const int fd = NamedChild::connectLoopback(port);
            self.report(fd >= 0 && ::shutdown(fd, SHUT_WR) == 0 ? 1 : 0); // FIN_WAIT2 here, CLOSE_WAIT there
        });
        QCOMPARE(half.next(), 1u);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(listen->next(), 1u);
        QTest::qWait(50); // the FIN's ACK

        const QJsonObject doc
            = QJsonDocument::fromJson(snapshotOutput({ QStringLiteral("--json"), QStringLiteral("--sockets") }))
                  .object();
        const QJsonArray sockets = doc.value(QStringLiteral("sockets")).toArray();
        QCOMPARE(sockets.size(), 7);
        const std::map<QString, QStringList> expected { { QStringLiteral("LISTEN"), { QStringLiteral("tcps-listen") } },
            { QStringLiteral("ESTABLISHED"), { QStringLiteral("tcps-client"), QStringLiteral("tcps-listen") } },
            { QStringLiteral("CLOSE_WAIT"), { QStringLiteral("tcps-listen") } },
            { QStringLiteral("FIN_WAIT2"), { QStringLiteral("tcps-half") } } };
        std::map<QString, int> byName;
        for (const QJsonValue &v : sockets) {
            const QJsonObject s = v.toObject();
            const QJsonObject p = s.value(QStringLiteral("process")).toObject();
            const QString state = s.value(QStringLiteral("state")).toString();
            QVERIFY2(!p.isEmpty(), qPrintable(state + QLatin1Char(' ') + s.value(QStringLiteral("local")).toString()));
            QVERIFY2(expected.at(state).contains(p.value(QStringLiteral("name")).toString()), qPrintable(state));
            QVERIFY(p.value(QStringLiteral("pid")).toInt() > 1);
            QCOMPARE(p.value(QStringLiteral("remembered")).toBool(), false);
            ++byName[p.value(QStringLiteral("name")).toString()];
        }
        QCOMPARE(byName[QStringLiteral("tcps-listen")], 4); // listener, two accepted, one CLOSE_WAIT
        QCOMPARE(byName[QStringLiteral("tcps-client")], 2);
        QCOMPARE(doc.value(QStringLiteral("owners")).toObject().value(QStringLiteral("unknown")).toInt(), 0);
        bool listed = false;
        for (const QJsonValue &v : doc.value(QStringLiteral("processes")).toArray()) {
            const QJsonObject p = v.toObject();
            if (p.value(QStringLiteral("pid")).toInt() != listen->pid())
                continue;
            listed = true;
            const QJsonObject counts = p.value(QStringLiteral("sockets")).toObject();
            QCOMPARE(counts.value(QStringLiteral("LISTEN")).toInt(), 1);
            QCOMPARE(counts.value(QStringLiteral("ESTABLISHED")).toInt(), 2);
            QCOMPARE(counts.value(QStringLiteral("CLOSE_WAIT")).toInt(), 1);
        }
        QVERIFY(listed);
        const QByteArray text = snapshotOutput({ QStringLiteral("--sockets") });
        QVERIFY(text.contains(QByteArray("tcps-half (" + QByteArray::number(half.pid()) + ')')));
    }

    // As nobody: root's named processes hold sockets; none is attributed, and both outputs say why.
    void unprivilegedSaysWhichAreUnknown()
    {
        quint16 port = 0;
        const auto listen = server(port, 2);
        QVERIFY(port != 0);
        const auto client = twoConnections(port);
        QCOMPARE(client->next(), 1u);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(listen->next(), 1u);
        // And one of nobody's own: a listener, which only it may be named for.
        const passwd *pw = ::getpwnam("nobody");
        QVERIFY(pw);
        const uid_t uid = pw->pw_uid;
        const gid_t gid = pw->pw_gid;
        const NamedChild mine("tcps-nobody", [uid, gid](NamedChild &self) {
            // A changed uid makes the process undumpable, and its /proc/PID/fd root's (proc(5)); an
            // exec'd program of nobody's would be dumpable again.
            quint16 p = 0;
            const bool ok = ::setgroups(0, nullptr) == 0 && ::setresgid(gid, gid, gid) == 0
                && ::setresuid(uid, uid, uid) == 0 && ::prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) == 0
                && NamedChild::listenLoopback(p) >= 0;
            self.report(ok ? p : 0);
        });
        const auto minePort = quint16(mine.next());
        QVERIFY(minePort != 0);
        const auto asNobody = [](const QStringList &args) {
            return ChildRun::of(QStringLiteral("setpriv"),
                QStringList { QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                    QStringLiteral("--clear-groups"), QStringLiteral("--inh-caps=-all"),
                    QStringLiteral("--bounding-set=-all"), QStringLiteral(TCPSCOPE_BINARY),
                    QStringLiteral("--snapshot") }
                    + args);
        };
        const ChildRun json = asNobody({ QStringLiteral("--json"), QStringLiteral("--sockets") });
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(json.out).object();
        int held = 0, ours = 0; // root's sockets with an inode (held by a process); of them, on our port
        for (const QJsonValue &v : doc.value(QStringLiteral("sockets")).toArray()) {
            const QJsonObject s = v.toObject();
            const QJsonValue process = s.value(QStringLiteral("process"));
            if (s.value(QStringLiteral("local")).toString().endsWith(QStringLiteral(":%1").arg(minePort))) {
                QCOMPARE(process.toObject().value(QStringLiteral("name")).toString(), QStringLiteral("tcps-nobody"));
                continue;
            }
            QVERIFY2(process.isNull(), qPrintable(s.value(QStringLiteral("local")).toString()));
            if (s.value(QStringLiteral("inode")).toString() == QLatin1String("0"))
                continue;
            ++held;
            const QString p = QStringLiteral(":%1").arg(port);
            ours += s.value(QStringLiteral("local")).toString().endsWith(p)
                    || s.value(QStringLiteral("remote")).toString().endsWith(p)
                ? 1
                : 0;
        }
        QCOMPARE(ours, 5); // the listener, two accepted, two connected
        const QJsonObject owners = doc.value(QStringLiteral("owners")).toObject();
        QCOMPARE(owners.value(QStringLiteral("otherUsers")).toInt(), held);
        QCOMPARE(owners.value(QStringLiteral("unknown")).toInt(), held);
        QCOMPARE(owners.value(QStringLiteral("known")).toInt(), 1);
        const QString reason = QStringLiteral("%1 sockets of other users: run as root or through the agent").arg(held);
        QCOMPARE(owners.value(QStringLiteral("reason")).toString(), reason);
        QCOMPARE(doc.value(QStringLiteral("processes")).toArray().size(), 1);

        const ChildRun text = asNobody({ QStringLiteral("--sockets") });
        QVERIFY2(text.exitCode == 0, text.err.constData());
        const QList<QByteArray> lines = text.out.split('\n');
        QCOMPARE(lines.count(QByteArray("owners unknown: ") + reason.toUtf8()), 1);
        QVERIFY(!text.out.contains("tcps-listen") && !text.out.contains("tcps-client"));
        QVERIFY(text.out.contains(QByteArray("tcps-nobody (" + QByteArray::number(mine.pid()) + ')')));
    }

    void timeWaitRemembersItsProcess_data()
    {
        QTest::addColumn<bool>("netlink");
        QTest::newRow("netlink (cookie)") << true;
        QTest::newRow("/proc (connection)") << false;
    }
    // Closed client-first by a named process: its TIME_WAIT rows (inode 0) still name it, remembered.
    void timeWaitRemembersItsProcess()
    {
        QFETCH(bool, netlink);
        ThreeClients closer("tcps-closer");
        QVERIFY(closer.ok());
        const quint16 port = closer.port;
        LiveSession session;
        session.setIntervalMs(100);
        TrackerResultPtr last;
        connect(&session, &LiveSession::tracked, this, [&last](const TrackerResultPtr &r) { last = r; });
        if (netlink)
            session.setSource(std::make_unique<NetlinkSource>());
        else
            session.setSource(std::make_unique<ProcSource>());
        QTRY_COMPARE_WITH_TIMEOUT(last ? countNamed(last->sockets, port, TcpState::Established, false) : 0, 3, 5000);

        closer.closeClientFirst();
        QTRY_COMPARE_WITH_TIMEOUT(countNamed(last->sockets, port, TcpState::TimeWait, true), 3, 5000);
    }

    // The window's table, applied from each tracked poll as PollPresenter does: the Process column of
    // the established rows names tsclient; once it closed first, its TIME_WAIT rows still do, remembered.
    void tableShowsRememberedOwner()
    {
        ThreeClients client("tsclient");
        QVERIFY(client.ok());
        const quint16 port = client.port;
        ConnectionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LiveSession session;
        session.setIntervalMs(100);
        connect(&session, &LiveSession::tracked, &model, [&model](const TrackerResultPtr &r) {
            model.apply(r->sockets, r->pollMs, r->events, ConnectionTableModel::nowMs());
        });
        session.setSource(std::make_unique<NetlinkSource>());
        QTRY_COMPARE_WITH_TIMEOUT(rowsNamed(model, port, TcpState::Established, false), 3, 5000);
        client.closeClientFirst();
        QTRY_COMPARE_WITH_TIMEOUT(rowsNamed(model, port, TcpState::TimeWait, true), 3, 5000);
        QCOMPARE(rowsNamed(model, port, TcpState::Established, false), 0);
    }
};

TCPSCOPE_TEST_MAIN(TestOwners, QCoreApplication, TestMain::Isolated)
#include "tst_owners.moc"
