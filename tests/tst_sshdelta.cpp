// The awk differ of the ssh script (sources/remote/sshdiffer.*) under churn, in a namespace of its own:
// the table StreamTable rebuilds from its keyframe and deltas is the one /proc shows, under dash with
// mawk and under busybox sh and awk, and every delta is small.
#include "busyboxtools.h"
#include "deltatally.h"
#include "loopbackchurn.h"
#include "sources/remote/sshscript.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int IntervalMs = 100;

// Reads what the loop wrote for `ms`, or until `frames` more frames arrived.
void pump(QProcess &p, DeltaTally &tally, int ms, size_t frames = size_t(-1))
{
    QElapsedTimer t;
    t.start();
    const size_t until = frames == size_t(-1) ? frames : tally.frames.size() + frames;
    while (t.elapsed() < ms && tally.frames.size() < until) {
        p.waitForReadyRead(qMax(1, int(ms - t.elapsed())));
        tally.feed(p.readAllStandardOutput());
    }
}
} // namespace

class TestSshDelta : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void churnRebuildsTheTable_data();
    void churnRebuildsTheTable();
    void keyframesAndChangedSysctls();
};

void TestSshDelta::churnRebuildsTheTable_data()
{
    QTest::addColumn<bool>("busybox");
    QTest::newRow("dash and mawk") << false;
    QTest::newRow("busybox sh and awk") << true;
}

void TestSshDelta::churnRebuildsTheTable()
{
    TCPSCOPE_REQUIRE_NAMESPACE();
    QFETCH(bool, busybox);
    if (busybox && !QFile::exists(QStringLiteral("/usr/bin/busybox")))
        QSKIP("busybox is not installed (scripts/dev.sh installs it)");
    QVERIFY(LoopbackChurn::raiseFileLimit(4096));
    LoopbackChurn churn(500, 10);
    QVERIFY(churn.start());
    QTemporaryDir bin;
    QProcess p;
    if (busybox) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), busyboxPath(bin, true));
        p.setProcessEnvironment(env);
    }
    p.start(busybox ? bin.filePath(QStringLiteral("sh")) : QStringLiteral("/bin/sh"),
        { QStringLiteral("-c"), SshScript::oneLine(SshScript::loop(IntervalMs)) });
    DeltaTally tally;
    pump(p, tally, 5000, 1);
    QCOMPARE(tally.frames.size(), size_t(1));
    for (int i = 0; i < 30; ++i) { // ~two steps per frame
        QVERIFY(churn.step());
        pump(p, tally, IntervalMs / 2);
    }
    pump(p, tally, 500); // the churn settles: TIME_WAIT rows stay 60 s (TCP_TIMEWAIT_LEN, include/net/tcp.h)
    const size_t settled = tally.frames.size();
    qsizetype v1Bytes = 0;
    const std::vector<SocketEntry> proc = DeltaTally::readProc(&v1Bytes);
    pump(p, tally, 5000, 2); // frames read after /proc was
    p.kill();
    p.waitForFinished();
    QVERIFY2(tally.problems.isEmpty(), qPrintable(tally.problems.items().value(0).toString()));
    QVERIFY(tally.frames.size() >= settled + 2);
    QVERIFY(tally.table.synced());
    QCOMPARE(tally.table.keyframes(), qint64(1));
    qInfo("frames %zu deltas %lld", tally.frames.size(), qlonglong(tally.table.deltas()));
    QVERIFY(tally.table.deltas() >= 10);
    const QString diff = DeltaTally::mismatch(tally.table.data().sockets, proc, 1500);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // A delta under churn carries the rows of a few steps (~60 rows each), a small part of a v1 frame
    // (1000+ rows); once the churn stopped, only the frame's header lines. Full owner tables aside.
    QVERIFY(!tally.frames.front().delta);
    qsizetype largest = 0;
    for (size_t i = 1; i < tally.frames.size(); ++i) {
        const DeltaTally::Frame &f = tally.frames[i];
        QVERIFY(f.delta);
        const qsizetype rows = f.bytes - f.fullOwnersBytes;
        QVERIFY2(rows < v1Bytes / 5, qPrintable(QStringLiteral("frame %1: %2 bytes").arg(i + 1).arg(rows)));
        largest = qMax(largest, rows);
        if (i > settled)
            QVERIFY2(rows < 400, qPrintable(QStringLiteral("frame %1: %2 bytes at rest").arg(i + 1).arg(rows)));
    }
    qInfo("%zu frames, %zu rows (%lld bytes of /proc text); keyframe %lld bytes, largest delta %lld (full owner tables "
          "aside)",
        tally.frames.size(), proc.size(), qlonglong(v1Bytes), qlonglong(tally.frames.front().bytes),
        qlonglong(largest));
}

void TestSshDelta::keyframesAndChangedSysctls()
{
    TCPSCOPE_REQUIRE_NAMESPACE();
    // tcp_fin_timeout is per namespace (net/ipv4/sysctl_net_ipv4.c): this one dies with the test.
    QFile f(QStringLiteral("/proc/sys/net/ipv4/tcp_fin_timeout"));
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 changed = f.readAll().trimmed().toLongLong() == 33 ? 34 : 33;
    QProcess p;
    p.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), SshScript::oneLine(SshScript::loop(IntervalMs, 5)) });
    DeltaTally tally;
    pump(p, tally, 5000, 3);
    QVERIFY(f.seek(0));
    QVERIFY(f.write(QByteArray::number(changed) + '\n') > 0);
    f.close();
    const size_t written = tally.frames.size();
    pump(p, tally, 5000, 9);
    p.kill();
    p.waitForFinished();
    QVERIFY2(tally.problems.isEmpty(), qPrintable(tally.problems.items().value(0).toString()));
    QVERIFY(tally.frames.size() >= 11);
    qsizetype sentAfter = 0;
    for (size_t i = 0; i < tally.frames.size(); ++i) {
        const DeltaTally::Frame &fr = tally.frames[i];
        QCOMPARE(fr.delta, i % 5 != 0); // @seq 1, 6, 11: keyframes, with every sysctl
        if (fr.delta && i < written)
            QCOMPARE(fr.sysctls, 0); // nothing changed
        else if (fr.delta)
            sentAfter += fr.sysctls;
        else
            QVERIFY(fr.sysctls > 10);
    }
    QCOMPARE(sentAfter, 1); // in the delta after the write (the awk sleeps when it happens), once
    QCOMPARE(tally.table.data().tunables.intValue(QStringLiteral("net.ipv4.tcp_fin_timeout")), std::optional(changed));
}

TCPSCOPE_TEST_MAIN(TestSshDelta, QCoreApplication, TestMain::Isolated)
#include "tst_sshdelta.moc"
