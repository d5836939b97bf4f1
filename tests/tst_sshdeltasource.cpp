// `tcpscope --ssh` against a real sshd in a private namespace holding 10 000 sockets with ~200 rows
// changing per poll: after the churn, the source shows the state counts `ss -tan` does, and the
// deltas that crossed the ssh channel are within 3% of what version 1 sent per frame. Root only.
#include "core/sshtarget.h"
#include "deltatally.h"
#include "loopbackchurn.h"
#include "sources/remote/sshchannel.h"
#include "sources/remote/sshscript.h"
#include "sources/remote/streamsource.h"
#include "testmain.h"
#include "testsshd.h"

#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QTest>

#include <unistd.h>

namespace {
constexpr int IntervalMs = 500;
constexpr int BasePairs = 5000; // 10 000 sockets
constexpr int BatchPairs = 35; // per poll: 70 rows new, 70 gone, 35 into TIME_WAIT, a listener each way

// State counts as `ss -tanH` prints them (ss(8) names the states as below), or an empty map.
QMap<TcpState, int> ssCounts()
{
    static const QMap<QByteArray, TcpState> names { { "ESTAB", TcpState::Established },
        { "SYN-SENT", TcpState::SynSent }, { "SYN-RECV", TcpState::SynRecv }, { "FIN-WAIT-1", TcpState::FinWait1 },
        { "FIN-WAIT-2", TcpState::FinWait2 }, { "TIME-WAIT", TcpState::TimeWait },
        { "CLOSE-WAIT", TcpState::CloseWait }, { "LAST-ACK", TcpState::LastAck }, { "LISTEN", TcpState::Listen },
        { "CLOSING", TcpState::Closing } };
    QByteArray out;
    int code = -1;
    if (!TestSshd::run(QStringLiteral("ss"), { QStringLiteral("-tanH") }, &out, &code) || code != 0)
        return {};
    QMap<TcpState, int> n;
    for (const QByteArray &line : out.split('\n')) {
        const QByteArray state = line.simplified().split(' ').value(0);
        if (!state.isEmpty())
            ++n[names.value(state, TcpState::Unknown)];
    }
    return n;
}

QMap<TcpState, int> countsOf(const Snapshot &s)
{
    QMap<TcpState, int> n;
    const Snapshot::Counts c = s.totalCounts();
    for (size_t i = 0; i < c.size(); ++i) {
        if (c[i] > 0)
            n.insert(TcpState(i), c[i]);
    }
    return n;
}

// Both sessions for `ms` (or until the counted one brought `frames` more frames): the source's and the
// one whose bytes are counted.
Snapshot pumpBoth(StreamSource &source, QProcess &counted, DeltaTally &tally, int ms, size_t frames = size_t(-1))
{
    QElapsedTimer t;
    t.start();
    Snapshot last;
    const size_t until = frames == size_t(-1) ? frames : tally.frames.size() + frames;
    while (t.elapsed() < ms && tally.frames.size() < until) {
        const Snapshot s = source.poll();
        if (s.isValid())
            last = s;
        counted.waitForReadyRead(20);
        tally.feed(counted.readAllStandardOutput());
    }
    return last;
}
} // namespace

class TestSshDeltaSource : public QObject
{
    Q_OBJECT
    TestSshd m_sshd;
private Q_SLOTS:
    void initTestCase();
    void tenThousandSockets();
};

void TestSshDeltaSource::initTestCase()
{
    TCPSCOPE_REQUIRE_SSHD(m_sshd);
    QVERIFY(LoopbackChurn::raiseFileLimit(2 * BasePairs + 4096));
}

void TestSshDeltaSource::tenThousandSockets()
{
    LoopbackChurn churn(BasePairs, BatchPairs);
    QVERIFY2(churn.start(), strerror(errno));
    const SshTarget t = *SshTarget::parse(m_sshd.target());
    StreamSource::Options o;
    o.maxPollWaitMs = 50;
    StreamSource source(std::make_unique<SshChannel>(t, m_sshd.path("ssh_config"), IntervalMs), o);
    // The same remote command over a second session, its bytes counted as they leave ssh.
    QProcess counted;
    counted.setStandardInputFile(QProcess::nullDevice());
    counted.start(
        QStringLiteral("ssh"), t.sshArguments(m_sshd.path("ssh_config"), SshScript::remoteCommand(IntervalMs)));
    DeltaTally tally;
    QVERIFY(pumpBoth(source, counted, tally, 3000).isValid()); // connected, first keyframes in
    for (int i = 0; i < 16; ++i) { // one step per frame of the counted session, right after it
        pumpBoth(source, counted, tally, 2 * IntervalMs, 1);
        QVERIFY2(churn.step(), strerror(errno));
    }
    pumpBoth(source, counted, tally, 3 * IntervalMs); // settled: TIME_WAIT rows stay 60 s
    const QMap<TcpState, int> ss = ssCounts();
    qsizetype v1Bytes = 0;
    DeltaTally::readProc(&v1Bytes);
    const Snapshot shown = pumpBoth(source, counted, tally, 2 * IntervalMs); // frames read after ss ran
    counted.kill();
    counted.waitForFinished();
    QVERIFY(!ss.isEmpty() && shown.isValid());
    QVERIFY2(tally.problems.isEmpty(), qPrintable(tally.problems.items().value(0).toString()));
    QCOMPARE(countsOf(shown), ss);
    QVERIFY(shown.sockets().size() > size_t(2 * BasePairs));
    // Owners: the batches open now came after the first (full) table, so they were named by deltas.
    QVERIFY(shown.owners());
    int ours = 0;
    for (size_t i = 0; i < shown.sockets().size(); ++i) {
        const ProcessOwnerPtr *o = shown.owners()->at(i);
        ours += o && *o && (*o)->pid == qint32(::getpid()) ? 1 : 0;
    }
    QCOMPARE(ours, 2 * BasePairs + 1 + 3 + 3 * (2 * BatchPairs + 1)); // + listeners, SO_REUSEPORT ones

    QVERIFY(tally.frames.size() > 16 && !tally.frames.front().delta);
    qsizetype total = 0, owners = 0, largestRows = 0;
    for (size_t i = 1; i < tally.frames.size(); ++i) {
        const DeltaTally::Frame &f = tally.frames[i];
        QVERIFY(f.delta);
        total += f.bytes;
        owners += f.fullOwnersBytes;
        largestRows = qMax(largestRows, f.bytes - f.fullOwnersBytes);
    }
    const qsizetype frames = qsizetype(tally.frames.size()) - 1;
    const auto percent = [&](qsizetype bytes) { return 100.0 * double(bytes) / double(v1Bytes); };
    qInfo("v1 frame %lld bytes, keyframe %lld; %lld deltas of %lld bytes on average (%.2f%%), %lld of them "
          "full owner tables; the largest without its owner table %lld (%.2f%%)",
        qlonglong(v1Bytes), qlonglong(tally.frames.front().bytes), qlonglong(frames), qlonglong(total / frames),
        percent(total / frames), qlonglong(owners / frames), qlonglong(largestRows), percent(largestRows));
    // Rows, gone keys, header and the owner deltas: each delta within 3% of a version 1 frame; with the
    // full owner table every OwnerSection::FullEvery frames (~8 bytes per socket), on average too.
    QVERIFY(largestRows <= v1Bytes * 3 / 100);
    QVERIFY(total / frames <= v1Bytes * 3 / 100);
}

TCPSCOPE_TEST_MAIN(TestSshDeltaSource, QCoreApplication, TestMain::Isolated)
#include "tst_sshdeltasource.moc"
