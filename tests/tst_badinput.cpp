// The bad-input table of docs/robustness.md, one test per row: each kind of bad input gives the user a
// message, and nothing that came before it (tracked connections, history) or after it is lost.
#include "fixture.h"
#include "history/statehistory.h"
#include "sources/local/procsource.h"
#include "sources/local/streamprocsource.h"
#include "sources/remote/sshchannel.h"
#include "sources/remote/streamfdchannel.h"
#include "sources/remote/streamsource.h"
#include "stream/streamframedecoder.h"
#include "stream/streamframereader.h"
#include "stream/streamframewriter.h"
#include "tracker/connectiontracker.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {
const QString FixtureRoot = Fixture::path(QStringLiteral("procroot/linux-6.18"));

// Copies the fixture /proc tree, so a test can delete or lock files in it.
bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir src(from);
    for (const QFileInfo &fi : src.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + fi.fileName();
        if (fi.isDir() ? !copyTree(fi.filePath(), target) : !QFile::copy(fi.filePath(), target))
            return false;
    }
    return true;
}

QString allProblems(const ProblemList &p)
{
    QStringList out;
    for (const Problem &x : p.items())
        out << x.toString();
    return out.join(QLatin1Char('\n'));
}

// Everything downstream of a source: what the user would lose if bad input did damage.
struct Pipeline
{
    ConnectionTracker tracker;
    StateHistory history { 1000 };
    void take(const Snapshot &s)
    {
        tracker.update(s);
        history.append(s);
    }
};

QByteArray goodFrame(qint64 timeMs)
{
    return StreamProcSource::captureFrame(FixtureRoot, timeMs);
}

// Reads a whole stream; returns the decoded snapshots of the frames that survived.
std::vector<Snapshot> readStream(const QByteArray &stream, ProblemList &problems, int chunk = 4096)
{
    StreamFrameReader r(1 << 20);
    std::vector<Snapshot> out;
    for (qsizetype i = 0; i < stream.size(); i += chunk) {
        r.feed(QByteArrayView(stream).sliced(i, qMin<qsizetype>(chunk, stream.size() - i)));
        while (r.hasFrame())
            out.emplace_back(StreamFrameDecoder::decode(r.takeFrame()));
    }
    r.finish();
    while (r.hasFrame())
        out.emplace_back(StreamFrameDecoder::decode(r.takeFrame()));
    problems = r.takeProblems();
    return out;
}
} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void malformedLine();
    void binaryData();
    void truncatedFrame();
    void oversizedFrame();
    void unknownVersion();
    void vanishedProcFile();
    void permissionDenied();
    void sshKilled();
    void agentGone();

private:
    int m_goodSockets = 0;
};

void TestBadInput::initTestCase()
{
    const Snapshot s(StreamFrameDecoder::decode({ 1, goodFrame(1000) }));
    QVERIFY2(s.isValid(), qPrintable(s.status().error()));
    m_goodSockets = int(s.sockets().size());
    QVERIFY(m_goodSockets > 10);
}

void TestBadInput::malformedLine()
{
    // One /proc line cut in half inside a frame: that line is reported, the rest of the frame is kept.
    QByteArray f = goodFrame(2000);
    const qsizetype at = f.indexOf("   1: ");
    QVERIFY(at > 0);
    f.insert(at, "   9: 0100007F:ZZZZ garbage\n");
    ProblemList problems;
    const auto snaps = readStream(goodFrame(1000) + f + goodFrame(3000), problems);
    QCOMPARE(snaps.size(), size_t(3));
    for (const Snapshot &s : snaps)
        QCOMPARE(int(s.sockets().size()), m_goodSockets);
    QCOMPARE(snaps[1].problems().total(), 1);
    QVERIFY2(allProblems(snaps[1].problems()).contains(QLatin1String("/proc/net/tcp:3: expected at least 10 fields")),
        qPrintable(allProblems(snaps[1].problems())));
}

void TestBadInput::binaryData()
{
    // Random bytes (with NULs) between frames and inside a table: ignored and counted, frames around intact.
    QByteArray noise;
    quint32 x = 12345;
    for (int i = 0; i < 20000; ++i) {
        x = x * 1103515245u + 12345u;
        noise += char(x >> 24);
    }
    QByteArray inside = goodFrame(2000);
    inside.insert(inside.indexOf("@tcp6"), noise.first(3000).replace('@', 'x').replace('\n', ' ') + '\n');
    ProblemList problems;
    const auto snaps
        = readStream(goodFrame(1000) + noise.replace('@', 'x') + '\n' + inside + goodFrame(3000), problems);
    QCOMPARE(snaps.size(), size_t(3));
    QCOMPARE(int(snaps[0].sockets().size()), m_goodSockets);
    QCOMPARE(int(snaps[2].sockets().size()), m_goodSockets);
    QCOMPARE(int(snaps[1].sockets().size()), m_goodSockets); // the noise line is reported, not a socket
    QVERIFY(!snaps[1].problems().isEmpty());
    QVERIFY2(allProblems(problems).contains(QLatin1String("outside any frame")), qPrintable(allProblems(problems)));
}

void TestBadInput::truncatedFrame()
{
    // A frame cut off after a line (a producer restarted) then a new frame, and a last frame cut
    // mid-line (ssh dropped): each cut one is dropped with a notice.
    const QByteArray whole = goodFrame(2000);
    const QByteArray cut = whole.first(whole.indexOf('\n', 700) + 1);
    ProblemList problems;
    const auto snaps = readStream(goodFrame(1000) + cut + goodFrame(3000) + whole.first(700), problems, 333);
    QCOMPARE(snaps.size(), size_t(2));
    QCOMPARE(snaps[1].timeMs(), 3000);
    QCOMPARE(int(snaps[1].sockets().size()), m_goodSockets);
    const QString p = allProblems(problems);
    QVERIFY2(p.contains(QLatin1String("frame 2: truncated")), qPrintable(p));
    QVERIFY2(p.contains(QLatin1String("frame 4: truncated at end of input")), qPrintable(p));
}

void TestBadInput::oversizedFrame()
{
    // A frame over the reader's 1 MiB limit here (64 MiB by default) is skipped without being buffered.
    QByteArray big = goodFrame(2000);
    const QByteArray row = "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 "
                           "1 1 0000000000000000 100 0 0 10 0\n";
    big.insert(big.indexOf("@tcp6"), row.repeated((2 << 20) / row.size()));
    ProblemList problems;
    const auto snaps = readStream(goodFrame(1000) + big + goodFrame(3000), problems, 65536);
    QCOMPARE(snaps.size(), size_t(2));
    QCOMPARE(snaps[1].timeMs(), 3000);
    QVERIFY2(allProblems(problems).contains(QLatin1String("frame 2: larger than the 1 MiB limit")),
        qPrintable(allProblems(problems)));
}

void TestBadInput::unknownVersion()
{
    QByteArray v3 = goodFrame(2000);
    v3.replace("@tcpscope 2\n", "@tcpscope 3\n"); // captureFrame writes the current version, 2
    ProblemList problems;
    const auto snaps = readStream(goodFrame(1000) + v3 + goodFrame(3000), problems);
    QCOMPARE(snaps.size(), size_t(2));
    QCOMPARE(int(snaps[1].sockets().size()), m_goodSockets);
    QVERIFY2(allProblems(problems).contains(QLatin1String("frame 2: unknown format version '3'")),
        qPrintable(allProblems(problems)));
}

void TestBadInput::vanishedProcFile()
{
    QTemporaryDir tmp;
    const QString root = tmp.path() + QLatin1String("/proc");
    QVERIFY(copyTree(FixtureRoot, root));
    ProcSource source(root);
    Pipeline p;
    p.take(source.poll());
    const qsizetype tracked = p.tracker.size();
    QVERIFY(tracked > 10);
    // tcp6 gone between polls (IPv6 switched off, a container without it): a notice, IPv4 still shown.
    QVERIFY(QFile::rename(root + QLatin1String("/net/tcp6"), root + QLatin1String("/net/tcp6.gone")));
    const Snapshot no6 = source.poll();
    QVERIFY(no6.isValid());
    QVERIFY2(
        allProblems(no6.problems()).contains(QLatin1String("not present")), qPrintable(allProblems(no6.problems())));
    QVERIFY(!no6.sockets().empty());
    p.take(no6);
    // tcp gone too: the poll fails with a message; nothing tracked is declared closed, history keeps its samples.
    QVERIFY(QFile::rename(root + QLatin1String("/net/tcp"), root + QLatin1String("/net/tcp.gone")));
    const Snapshot none = source.poll();
    QVERIFY(!none.isValid());
    QVERIFY2(none.status().error().contains(QLatin1String("cannot read")), qPrintable(none.status().error()));
    const qsizetype before = p.tracker.size();
    const qsizetype samples = p.history.size();
    QVERIFY(p.tracker.update(none).empty());
    p.history.append(none);
    QCOMPARE(p.tracker.size(), before);
    QCOMPARE(p.history.size(), samples);
    // Back again: polling resumes by itself and the history marks the hole.
    QVERIFY(QFile::rename(root + QLatin1String("/net/tcp.gone"), root + QLatin1String("/net/tcp")));
    QVERIFY(QFile::rename(root + QLatin1String("/net/tcp6.gone"), root + QLatin1String("/net/tcp6")));
    p.take(source.poll());
    QCOMPARE(p.tracker.size(), tracked);
    QCOMPARE(p.history.size(), samples + 1);
    QVERIFY(p.history.last().gapBefore);
}

void TestBadInput::permissionDenied()
{
    // net/tcp unreadable: the poll fails with strerror's "Permission denied"; an unreadable sysctl is
    // one problem and the sockets are still shown. root ignores file modes, so as root the check runs in
    // a forked child that has dropped to uid/gid 65534 (nobody): the test runs in CI as root, never skips.
    QTemporaryDir tmp;
    const QString root = tmp.path() + QLatin1String("/proc");
    QVERIFY(copyTree(FixtureRoot, root));
    QVERIFY(::chmod(tmp.path().toLocal8Bit().constData(), 0755) == 0);
    const QByteArray tcp = (root + QLatin1String("/net/tcp")).toLocal8Bit();
    const QByteArray sysctl = (root + QLatin1String("/sys/net/ipv4/tcp_fin_timeout")).toLocal8Bit();

    // Locked before the fork: mode 000, owned by us (root in CI).
    QVERIFY(::chmod(sysctl.constData(), 0) == 0);
    ProcSource asWe(root);
    const QString second = root + QLatin1String("2");
    QVERIFY(copyTree(FixtureRoot, second));
    QVERIFY(::chmod((second + QLatin1String("/net/tcp")).toLocal8Bit().constData(), 0) == 0);

    int fds[2];
    QVERIFY(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    QVERIFY(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        if (::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(3);
        QByteArray report;
        // Only a sysctl locked: a problem, the sockets still there.
        const Snapshot one = ProcSource(root).poll();
        report += (one.isValid() && !one.sockets().empty() ? "valid " : "invalid ")
            + allProblems(one.problems()).toUtf8() + '\n';
        // The socket table locked: the poll fails with a message.
        report += ProcSource(second).poll().status().error().toUtf8() + '\n';
        const ssize_t n = ::write(fds[1], report.constData(), size_t(report.size()));
        ::_exit(n == report.size() ? 0 : 5);
    }
    ::close(fds[1]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    QByteArray out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        out.append(buf, n);
    ::close(fds[0]);
    QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, qPrintable(QStringLiteral("child status %1").arg(status)));
    const QList<QByteArray> lines = out.split('\n');
    QVERIFY2(lines.size() >= 2, out.constData());
    QVERIFY2(
        lines[0].startsWith("valid ") && lines[0].contains("tcp_fin_timeout") && lines[0].contains("Permission denied"),
        out.constData());
    QVERIFY2(
        lines[1].contains("cannot read") && lines[1].contains("/net/tcp") && lines[1].contains("Permission denied"),
        out.constData());
    (void)tcp;
    (void)asWe;
}

void TestBadInput::sshKilled()
{
    // The ssh client dies (killed, network gone): a message, then a reconnect with backoff; samples
    // already in the history stay, the first snapshot after the reconnect carries gapBefore.
    QTemporaryDir tmp;
    const QString frame = tmp.path() + QLatin1String("/frame");
    QFile f(frame);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(goodFrame(1000));
    f.close();
    const QString fake = tmp.path() + QLatin1String("/ssh");
    QFile s(fake);
    QVERIFY(s.open(QIODevice::WriteOnly));
    // Stands in for ssh(1): serves two frames, then is killed by SIGKILL as `kill -9` would.
    s.write(QStringLiteral("#!/bin/sh\ncat '%1'; sleep 0.2; cat '%1'; sleep 0.2; kill -9 $$\n").arg(frame).toUtf8());
    s.close();
    QVERIFY(s.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const Expected<SshTarget> parsed = SshTarget::parse(QStringLiteral("db1"));
    QVERIFY(parsed.ok());
    const SshTarget &target = *parsed;
    StreamSource::Options o;
    o.maxPollWaitMs = 200;
    o.maxBackoffMs = 1000;
    StreamSource source(std::make_unique<SshChannel>(target, QString(), 1000, fake), o);
    Pipeline p;
    QString message;
    int valid = 0;
    bool gapSeen = false;
    for (int i = 0; i < 100 && !gapSeen; ++i) {
        QThread::msleep(100); // the poller's interval: a poll during the reconnect backoff returns at once
        const Snapshot snap = source.poll();
        if (snap.isValid()) {
            ++valid;
            gapSeen = snap.gapBefore();
        } else if (snap.status().error().contains(QLatin1String("connection lost"))) {
            message = snap.status().error();
        }
        p.take(snap);
    }
    QVERIFY2(message.contains(QLatin1String("ssh db1")), qPrintable(message));
    QVERIFY(gapSeen);
    QVERIFY(valid >= 2);
    QCOMPARE(p.history.size(), qsizetype(valid)); // nothing already recorded was lost
    QVERIFY(p.history.last().gapBefore);
    QCOMPARE(int(p.tracker.size()), m_goodSockets);
}

void TestBadInput::agentGone()
{
    // tcpscope-agent stops (killed, host rebooted): a message naming the connection, reconnects once
    // the agent is back on the same port; history kept, the hole marked.
    const QStringList args = { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--interval"),
        QStringLiteral("100"), QStringLiteral("--proc-root"), FixtureRoot };
    auto start = [](QProcess &agent, const QStringList &a) -> quint16 {
        agent.start(QStringLiteral(TCPSCOPE_AGENT), a);
        static const QRegularExpression re(QStringLiteral("listening on \\S+ port (\\d+)"));
        QByteArray err;
        for (int i = 0; i < 50; ++i) {
            agent.waitForReadyRead(200);
            err += agent.readAllStandardError();
            const auto m = re.match(QString::fromUtf8(err));
            if (m.hasMatch())
                return quint16(m.captured(1).toUInt());
        }
        return 0;
    };
    QProcess agent;
    const quint16 port = start(agent, args);
    QVERIFY(port > 0);
    StreamSource::Options o;
    o.maxPollWaitMs = 200;
    o.maxBackoffMs = 1000;
    StreamSource source(
        std::unique_ptr<StreamChannel>(StreamFdChannel::tcpChannel(QStringLiteral("127.0.0.1"), port)), o);
    Pipeline p;
    int valid = 0;
    for (int i = 0; i < 50 && valid < 3; ++i) {
        const Snapshot s = source.poll();
        valid += s.isValid();
        p.take(s);
    }
    QCOMPARE(valid, 3);
    agent.kill();
    agent.waitForFinished();
    QString message;
    for (int i = 0; i < 50 && message.isEmpty(); ++i) {
        const Snapshot s = source.poll();
        if (s.status().error().contains(QLatin1String("connection lost")))
            message = s.status().error();
        p.take(s);
    }
    QVERIFY2(message.contains(QLatin1String("127.0.0.1")), qPrintable(message));
    QCOMPARE(p.history.size(), 3);
    QCOMPARE(int(p.tracker.size()), m_goodSockets);
    QProcess again;
    QList<QString> a2 = args;
    a2[1] = QStringLiteral("127.0.0.1:%1").arg(port);
    QCOMPARE(start(again, a2), port);
    bool gap = false;
    for (int i = 0; i < 100 && !gap; ++i) {
        QThread::msleep(100); // the poller's interval
        const Snapshot s = source.poll();
        gap = s.isValid() && s.gapBefore();
        p.take(s);
    }
    QVERIFY(gap);
    QCOMPARE(p.history.size(), 4);
    QVERIFY(p.history.last().gapBefore);
    again.kill();
    again.waitForFinished();
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
