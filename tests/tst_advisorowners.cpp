// The pile rules name the processes that hold the sockets: from a tracker fed snapshots with owners
// (TIME_WAIT: the owner remembered from before the close), from one snapshot's owners without a
// tracker, and one line saying why when none is known. Real named processes: tst_advisorlive.
#include "analysis/advisor.h"
#include "report/snapshotjson.h"
#include "snapshotbuilder.h"
#include "tracker/connectiontracker.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>
#include <QTranslator>

namespace {
ProcessOwnerPtr process(qint32 pid, const char *name)
{
    ProcessOwner o;
    o.pid = pid;
    o.startTicks = quint64(pid) * 10;
    o.name = QString::fromLatin1(name);
    return std::make_shared<const ProcessOwner>(o);
}

// `s` with the socket at position i held by owners[pick(i)] (-1: none); a socket with inode 0 has none.
Snapshot owned(const Snapshot &s, const std::vector<ProcessOwnerPtr> &owners, const std::function<int(size_t)> &pick)
{
    SocketOwners o;
    o.processes = owners;
    for (size_t i = 0; i < s.sockets().size(); ++i) {
        const int p = s.sockets()[i].inode != 0 ? pick(i) : -1;
        o.slots.push_back(quint32(p + 1));
    }
    return s.withOwners(std::move(o));
}

// 25 CLOSE_WAIT sockets on listening port 8080 at time t.
Snapshot closeWaits(qint64 t)
{
    SnapshotBuilder b(t);
    b.add(TcpState::Listen, 8080, 0);
    for (int i = 0; i < 25; ++i)
        b.add(TcpState::CloseWait, 8080, quint16(40000 + i));
    return b.build();
}

// 150 connections accepted on port 8080, in `state` (TIME_WAIT: inode 0, held by no process).
Snapshot accepted(qint64 t, TcpState state)
{
    SnapshotBuilder b(t);
    b.add(TcpState::Listen, 8080, 0);
    for (int i = 0; i < 150; ++i)
        b.add(state, 8080, quint16(40000 + i));
    return b.build();
}

const Advisory *find(const std::vector<Advisory> &all, const char *id)
{
    for (const Advisory &a : all) {
        if (a.id == QLatin1String(id))
            return &a;
    }
    return nullptr;
}
} // namespace

class TestAdvisorOwners : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void closeWaitNamesTopProcesses();
    void timeWaitNamesTheRememberedOwner();
    void unknownOwnersSayWhy();
    void holdersSpeakTraditionalChinese();
};

void TestAdvisorOwners::closeWaitNamesTopProcesses()
{
    const std::vector<ProcessOwnerPtr> owners { process(4121, "api-server"), process(4200, "worker"),
        process(4300, "cron"), process(4400, "sshd") };
    // 16 api-server, 5 worker, 3 cron, 1 sshd: three are named, the fourth is left out.
    const auto pick = [](size_t i) { return i == 0 ? 0 : i <= 16 ? 0 : i <= 21 ? 1 : i <= 24 ? 2 : 3; };
    ConnectionTracker tracker;
    tracker.update(owned(closeWaits(1'000'000), owners, pick));
    const Snapshot later = owned(closeWaits(1'090'000), owners, pick);
    tracker.update(later);

    const auto a = Advisor::closeWaitPiling(later, &tracker);
    QVERIFY(a);
    QCOMPARE(a->processes.size(), size_t(3));
    QCOMPARE(a->processes[0].pid, 4121);
    QCOMPARE(a->processes[0].name, QStringLiteral("api-server"));
    QCOMPARE(a->processes[0].count, 16);
    QCOMPARE(a->processes[0].remembered, false);
    QCOMPARE(a->processes[0].oldestMs, 90'000);
    QVERIFY(a->processes[0].oldestAtLeast); // there at the first poll: 90 s is a lower bound
    QCOMPARE(a->processes[2].name, QStringLiteral("cron"));
    QVERIFY2(a->evidence.contains(
                 QLatin1String("\napi-server (pid 4121) holds 16 CLOSE_WAIT sockets, the oldest for at least 90 s\n"
                               "worker (pid 4200) holds 5 CLOSE_WAIT sockets")),
        qPrintable(a->evidence));
    QVERIFY(!a->evidence.contains(QLatin1String("sshd")));
    QVERIFY2(a->action.startsWith(QLatin1String("Fix api-server (pid 4121), worker (pid 4200), cron (pid 4300) so")),
        qPrintable(a->action));
    QVERIFY(!a->action.contains(QLatin1String("ss -tanp")));

    // One snapshot, no tracker (tcpscope --snapshot): the snapshot's owners, no ages.
    const auto once = Advisor::closeWaitPiling(later, nullptr);
    QVERIFY(once);
    QCOMPARE(once->processes.size(), size_t(3));
    QCOMPARE(once->processes[0].oldestMs, -1);
    QVERIFY2(once->evidence.contains(QLatin1String("\napi-server (pid 4121) holds 16 CLOSE_WAIT sockets\n")),
        qPrintable(once->evidence));

    const QJsonArray json = SnapshotJson::advisoryToJson(*a).value(QStringLiteral("processes")).toArray();
    QCOMPARE(json.size(), 3);
    QCOMPARE(json[0].toObject(),
        (QJsonObject { { QStringLiteral("pid"), 4121 }, { QStringLiteral("name"), QStringLiteral("api-server") },
            { QStringLiteral("count"), 16 }, { QStringLiteral("remembered"), false },
            { QStringLiteral("oldest_ms"), 90'000 }, { QStringLiteral("oldest_is_lower_bound"), true } }));
}

void TestAdvisorOwners::timeWaitNamesTheRememberedOwner()
{
    const std::vector<ProcessOwnerPtr> nginx { process(812, "nginx") };
    const auto all = [](size_t) { return 0; };
    ConnectionTracker tracker;
    tracker.update(owned(accepted(1'000'000, TcpState::Established), nginx, all));
    const Snapshot closed = owned(accepted(1'002'000, TcpState::TimeWait), nginx, all);
    tracker.update(closed);

    const auto a = Advisor::serverClosesFirst(closed, &tracker);
    QVERIFY(a);
    QCOMPARE(a->processes.size(), size_t(1));
    QCOMPARE(a->processes[0].name, QStringLiteral("nginx"));
    QCOMPARE(a->processes[0].count, 150);
    QVERIFY(a->processes[0].remembered);
    QVERIFY2(a->evidence.endsWith(QLatin1String(
                 "\nnginx (pid 812): 150 TIME_WAIT sockets (remembered: they were nginx's when last owned)")),
        qPrintable(a->evidence));
    const QJsonObject p
        = SnapshotJson::advisoryToJson(*a).value(QStringLiteral("processes")).toArray().at(0).toObject();
    QCOMPARE(p.value(QStringLiteral("remembered")).toBool(), true);

    // Through evaluate(), as the pipeline calls it: the same holder.
    const std::vector<Advisory> found = Advisor::evaluate(closed, &tracker);
    const Advisory *e = find(found, "server-closes-first");
    QVERIFY(e);
    QCOMPARE(e->processes.size(), size_t(1));
}

void TestAdvisorOwners::unknownOwnersSayWhy()
{
    // Another user's sockets: no owner, and the snapshot's owner scan says why. One reason for the whole
    // snapshot (26 with the listener) is the reason for the rule's 25 too.
    const auto unknown = [](std::initializer_list<std::pair<SocketOwners::Missing, int>> missing) {
        const Snapshot s = closeWaits(1'000);
        SocketOwners o;
        o.slots.assign(s.sockets().size(), 0);
        for (const auto &[m, n] : missing)
            o.missing[size_t(m)] = n;
        return Advisor::closeWaitPiling(s.withOwners(std::move(o)), nullptr);
    };
    const auto a = unknown({ { SocketOwners::Missing::OtherUsers, 26 } });
    QVERIFY(a);
    QVERIFY(a->processes.empty());
    QVERIFY2(a->evidence.endsWith(
                 QLatin1String("\nowners unknown: 25 sockets of other users: run as root or through the agent")),
        qPrintable(a->evidence));
    QVERIFY(a->action.startsWith(QLatin1String("Find the owner: ss -tanp state close-wait.")));
    // Two reasons: which socket has which is not known, so the snapshot's counts are given.
    const auto two = unknown({ { SocketOwners::Missing::OtherUsers, 23 }, { SocketOwners::Missing::NotScanned, 3 } });
    QVERIFY2(two->evidence.endsWith(QLatin1String("\nowners unknown: 23 sockets of other users: run as root or "
                                                  "through the agent; 3 sockets new since the last scan")),
        qPrintable(two->evidence));

    // TIME_WAIT in one snapshot: no inode, and nothing saw who held them.
    const Snapshot tw = owned(accepted(1'000, TcpState::TimeWait), {}, [](size_t) { return -1; });
    const auto t = Advisor::serverClosesFirst(tw);
    QVERIFY(t);
    QVERIFY2(t->evidence.endsWith(QLatin1String("\nowners unknown: no process holds them any more (inode 0); the live "
                                                "view names the process that held them before they closed")),
        qPrintable(t->evidence));
    // A tracker that never saw them owned says so.
    ConnectionTracker fresh;
    fresh.update(tw);
    QVERIFY(
        Advisor::serverClosesFirst(tw, &fresh)->evidence.endsWith(QLatin1String("none was seen holding them before")));

    // A source that reports no owners at all (a peer, a recording): nothing added.
    const auto remote = Advisor::closeWaitPiling(closeWaits(1'000), nullptr);
    QVERIFY(remote);
    QVERIFY(!remote->evidence.contains(QLatin1String("owner")));
}

void TestAdvisorOwners::holdersSpeakTraditionalChinese()
{
    Q_INIT_RESOURCE(resources);
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/tcpscope_zh_TW.qm")));
    QVERIFY(QCoreApplication::installTranslator(&zh));
    const auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });
    const std::vector<ProcessOwnerPtr> owners { process(4121, "api-server") };
    const auto a = Advisor::closeWaitPiling(owned(closeWaits(1'000), owners, [](size_t) { return 0; }), nullptr);
    QVERIFY(a);
    const QString line = a->evidence.section(QLatin1Char('\n'), -1);
    QVERIFY2(line.contains(QLatin1String("api-server")) && line.contains(QString::fromUtf8("持有")), qPrintable(line));
    QVERIFY2(a->action.contains(QLatin1String("api-server")) && a->action.contains(QLatin1String("pid 4121")),
        qPrintable(a->action));
    QVERIFY(!a->action.contains(QLatin1String("Fix")));
}

QTEST_GUILESS_MAIN(TestAdvisorOwners)

#include "tst_advisorowners.moc"
