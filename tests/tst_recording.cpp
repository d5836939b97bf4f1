// Recording containers (docs/stream-format.md, "Recordings"): key and delta frames round-trip through
// Recorder and ReplaySource; a recorder killed mid-write, a full disk and a read-only target leave a
// file that replays up to its last whole frame; a seek gives what sequential play gives.
// The test binary is also its own child process: `tst_recording --child MODE PATH` (see childMain).
#include "fixture.h"
#include "netnamespace.h"
#include "problemtext.h"
#include "sources/replay/replaysource.h"
#include "stream/recorder.h"
#include "stream/recordingblock.h"
#include "stream/recordingindex.h"
#include "syntheticstream.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <csignal>
#include <cstdio>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

namespace {
// The sockets of a snapshot as text, sorted: what two ways of reaching a frame must agree on.
QStringList sockets(const Snapshot &s)
{
    QStringList out;
    for (const SocketEntry &e : s.sockets()) {
        out << QStringLiteral("%1 %2 %3 %4 %5 %6")
                   .arg(e.localText(), e.remoteText())
                   .arg(int(e.state))
                   .arg(e.inode)
                   .arg(e.timerMs)
                   .arg(e.rxQueue);
    }
    out.sort();
    return out;
}

// A frame of `bytes` of hex lines in a @tcp section: the same text every time, so every block is as long.
QByteArray bulkFrame(qsizetype bytes)
{
    QByteArray out = "@tcpscope 1\n@host bulk\n@time 1732230000000\n@os Linux\n@kernel 6.1\n@tcp\n";
    QRandomGenerator random(7);
    while (out.size() < bytes)
        out += QByteArray::number(random.generate64(), 16).rightJustified(16, '0') + '\n';
    return out + "@end\n";
}

// Child modes: "write PATH" appends bulk frames until killed; "fill PATH" until the disk is full, then
// replays what is there; "start PATH" tries to start. Each prints what the parent checks.
int childMain(const QByteArray &mode, const QString &path)
{
    Recorder rec;
    const Status started = rec.start(path);
    if (mode == "start" || !started.ok()) {
        std::printf("start: %s\n", qPrintable(started.ok() ? QStringLiteral("ok") : started.error()));
        return 0;
    }
    if (mode == "write") {
        const QByteArray frame = bulkFrame(16 << 20);
        for (;;)
            rec.append(frame);
    }
    SyntheticStream stream(500);
    while (rec.append(stream.next(rec.keyDue()))) { }
    ReplaySource replay(path);
    const Status opened = replay.open();
    std::printf("error: %s\nwritten: %lld\nreplayed: %d\nopened: %s\nlast: %s\n", qPrintable(rec.error()),
        rec.framesWritten(), replay.frameCount(), qPrintable(opened.error()),
        replay.frameCount() ? (replay.seek(replay.frameCount() - 1), replay.poll().isValid() ? "valid" : "invalid")
                            : "none");
    return 0;
}

// Runs this binary's childMain under `unshare -m` on a fresh tmpfs at dir (options as for mount -o).
QByteArray inTmpfs(const QString &options, const QByteArray &mode, const QString &dir, const QString &file)
{
    const QString script
        = QStringLiteral("mount -t tmpfs -o %1 tcpscope-test \"$1\" && exec \"$2\" --child %3 \"$1/%4\"")
              .arg(options, QString::fromLatin1(mode), file);
    QProcess p;
    p.start(QStringLiteral("unshare"),
        { QStringLiteral("-m"), QStringLiteral("--propagation"), QStringLiteral("private"), QStringLiteral("sh"),
            QStringLiteral("-c"), script, QStringLiteral("sh"), dir, QCoreApplication::applicationFilePath() });
    p.waitForFinished(60000);
    return p.readAllStandardOutput() + p.readAllStandardError();
}
} // namespace

class TestRecording : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    // Skips (or fails in CI) when this process cannot make a mount namespace.
    bool canMount();

private Q_SLOTS:
    void blockHeaderRoundTrip();
    void keyAndDeltaRoundTrip();
    void killedRecorderLeavesAReadableFile();
    void fullDiskKeepsTheRecording();
    void readOnlyTargetIsRefused();
    void otherFilesAreNotAppendedTo();
    void plainRecordingsStillReplay();
    void zstdcatPrintsTheFrames();
    void seekMatchesSequentialPlay();
    void indexingShowsProgressAndCancels();
};

bool TestRecording::canMount()
{
    if (::geteuid() == 0 && !QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        return true;
    if (NetNamespace::mustNotSkip())
        qFatal("CI runs as root with unshare(1): the full-disk and read-only tests must run");
    return false;
}

void TestRecording::blockHeaderRoundTrip()
{
    const QByteArray delta = SyntheticStream(10).next(false);
    RecordingBlock b = RecordingBlock::describe(delta);
    QVERIFY(!b.key);
    QCOMPARE(b.seq, 1);
    QCOMPARE(b.timeMs, 1'732'230'001'000);
    b.packedBytes = 77;
    const QByteArray h = b.header();
    QCOMPARE(RecordingBlock::skippableSize(h), h.size() - RecordingBlock::SkippableHeaderBytes);
    const auto back = RecordingBlock::parse(QByteArrayView(h).sliced(RecordingBlock::SkippableHeaderBytes));
    QVERIFY(back);
    QCOMPARE(back->key, false);
    QCOMPARE(back->seq, 1);
    QCOMPARE(back->rawBytes, delta.size());
    QCOMPARE(back->packedBytes, 77);
    QVERIFY(!RecordingBlock::parse("@frame key seq=1 time=x raw=1 packed=1"));
    QVERIFY(
        RecordingBlock::describe("@tcpscope 1\n@time 5\n@tcp\n@end\n@owners full 0\n1\t0\t-\t5\t-\tx\n@end\n").owners
        == RecordingBlock::Owners::Full);
}

void TestRecording::keyAndDeltaRoundTrip()
{
    const QString path = m_dir.filePath(QStringLiteral("round.tcps"));
    Recorder rec(path);
    QVERIFY(rec.open().ok());
    SyntheticStream stream(300, 12);
    for (int i = 0; i < 130; ++i) {
        const bool key = rec.keyDue();
        QCOMPARE(key, i % StreamFrame::RecordingKeyEvery == 0);
        QVERIFY(rec.append(stream.next(key)));
    }
    QCOMPARE(rec.framesWritten(), 130);
    QVERIFY2(rec.bytesWritten() * 3 < rec.rawBytesWritten(), // mostly small deltas, compressed
        qPrintable(QStringLiteral("%1 of %2").arg(rec.bytesWritten()).arg(rec.rawBytesWritten())));
    RecordingIndex index;
    QVERIFY(index.open(path).ok());
    QVERIFY(index.isContainer());
    QCOMPARE(index.size(), 130);
    QCOMPARE(index.keyAtOrBefore(59), 0);
    QCOMPARE(index.keyAtOrBefore(60), 60);
    QCOMPARE(index.keyAtOrBefore(129), 120);
    QCOMPARE(index.entries()[5].block.seq, 6);

    ReplaySource replay(path);
    QVERIFY(replay.open().ok());
    QCOMPARE(replay.frameCount(), 130);
    for (int i = 0; i < 130; ++i) {
        const Snapshot s = replay.poll();
        QVERIFY2(s.isValid(), qPrintable(s.status().error()));
        QVERIFY2(s.problems().isEmpty(), qPrintable(allProblems(s.problems())));
        QCOMPARE(s.sockets().size(), size_t(300));
        QCOMPARE(s.timeMs(), replay.frameTimeMs(i));
    }
}

void TestRecording::killedRecorderLeavesAReadableFile()
{
    // A 16 MB frame takes milliseconds to write: kill the child while the file grows inside a block.
    const QString path = m_dir.filePath(QStringLiteral("killed.tcps"));
    const QByteArray frame = bulkFrame(16 << 20);
    RecordingBlock b = RecordingBlock::describe(frame);
    QString error;
    b.packedBytes = FrameCompressor().compress(frame, &error).size();
    const qint64 block = b.header().size() + b.packedBytes;
    const qint64 magic = RecordingBlock::fileMagic().size();
    bool torn = false;
    for (int attempt = 0; attempt < 5 && !torn; ++attempt) {
        QFile::remove(path);
        QProcess child;
        child.start(
            QCoreApplication::applicationFilePath(), { QStringLiteral("--child"), QStringLiteral("write"), path });
        QVERIFY(child.waitForStarted());
        QElapsedTimer waited;
        waited.start();
        qint64 size = 0;
        while (waited.elapsed() < 20000 && (size <= magic + block || (size - magic) % block == 0))
            size = QFileInfo(path).size(); // QFileInfo caches nothing here: a new object each time
        ::kill(pid_t(child.processId()), SIGKILL);
        child.waitForFinished();
        size = QFileInfo(path).size();
        torn = (size - magic) % block != 0;
        RecordingIndex index;
        QVERIFY(index.open(path).ok());
        QCOMPARE(index.size(), (size - magic) / block);
        QCOMPARE(index.validEnd(), magic + index.size() * block);
        if (torn) {
            QVERIFY2(allProblems(index.problems())
                         .contains(QStringLiteral("frame %1: the last frame is truncated").arg(index.size() + 1)),
                qPrintable(allProblems(index.problems())));
        }
        ReplaySource replay(path);
        QVERIFY(replay.open().ok());
        replay.seek(replay.frameCount() - 1);
        const Snapshot last = replay.poll();
        QVERIFY2(last.isValid(), qPrintable(last.status().error()));
    }
    QVERIFY2(torn, "the child was never killed inside a write");
    // Recording again to the file continues it after its last whole block.
    RecordingIndex before;
    QVERIFY(before.open(path).ok());
    Recorder rec(path);
    QVERIFY(rec.open().ok());
    QVERIFY(rec.append(SyntheticStream(5).next(true)));
    rec.stop();
    RecordingIndex after;
    QVERIFY(after.open(path).ok());
    QCOMPARE(after.size(), before.size() + 1);
    QVERIFY(after.problems().isEmpty());
}

void TestRecording::fullDiskKeepsTheRecording()
{
    if (!canMount())
        QSKIP("needs root and unshare(1) for a private mount namespace with a 1 MiB tmpfs");
    const QByteArray out = inTmpfs(QStringLiteral("size=1m"), "fill", m_dir.path(), QStringLiteral("full.tcps"));
    QVERIFY2(out.contains(QByteArray("error: recording to " + m_dir.path().toUtf8()
                 + "/full.tcps stopped: no space left on device; the recording so far is intact")),
        out.constData());
    const qsizetype w = out.indexOf("written: "), r = out.indexOf("replayed: ");
    QVERIFY2(w > 0 && r > 0, out.constData());
    const int written = out.mid(w + 9, out.indexOf('\n', w) - w - 9).toInt();
    QVERIFY2(written > 10, out.constData());
    QCOMPARE(out.mid(r + 10, out.indexOf('\n', r) - r - 10).toInt(), written);
    QVERIFY2(out.contains("opened: \n") && out.contains("last: valid"), out.constData()); // no notice either
}

void TestRecording::readOnlyTargetIsRefused()
{
    if (!canMount())
        QSKIP("needs root and unshare(1) for a private mount namespace with a read-only tmpfs");
    // Root writes through a chmod 555 directory: a read-only mount is what refuses it.
    const QByteArray out = inTmpfs(QStringLiteral("ro,size=1m"), "start", m_dir.path(), QStringLiteral("ro.tcps"));
    QVERIFY2(out.contains(
                 QByteArray("start: cannot record to " + m_dir.path().toUtf8() + "/ro.tcps: Read-only file system")),
        out.constData());
}

void TestRecording::otherFilesAreNotAppendedTo()
{
    const QString path = m_dir.filePath(QStringLiteral("plain.tcps"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(SyntheticStream(3).next(true)); // a plain-text stream
    f.close();
    Recorder rec;
    const Status s = rec.start(path);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QLatin1String("something other than a tcpscope recording")), qPrintable(s.error()));
    QVERIFY(!rec.isRecording());
    QCOMPARE(QFileInfo(path).size(), SyntheticStream(3).next(true).size());
    QVERIFY(!rec.start(m_dir.path()).ok()); // a directory
}

void TestRecording::plainRecordingsStillReplay()
{
    // A version 1 recording as older tcpscope wrote it, and a plain version 2 stream saved to a file.
    ReplaySource v1(Fixture::path(QStringLiteral("stream/freebsd-recording.tcps")));
    QVERIFY(v1.open().ok());
    QVERIFY(v1.frameCount() > 1);
    for (int i = 0; i < v1.frameCount(); ++i)
        QVERIFY(v1.poll().isValid());
    const QString path = m_dir.filePath(QStringLiteral("v2.txt"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    SyntheticStream stream(50, 4);
    for (int i = 0; i < 70; ++i)
        f.write(stream.next(i % 60 == 0));
    f.close();
    RecordingIndex index;
    QVERIFY(index.open(path).ok());
    QVERIFY(!index.isContainer());
    QCOMPARE(index.size(), 70);
    QCOMPARE(index.keyAtOrBefore(65), 60);
    QCOMPARE(index.entries()[3].block.seq, 4);
    ReplaySource replay(path);
    QVERIFY(replay.open().ok());
    replay.seek(65);
    const Snapshot s = replay.poll();
    QVERIFY2(s.isValid() && s.sockets().size() == 50, qPrintable(allProblems(s.problems())));
}

void TestRecording::zstdcatPrintsTheFrames()
{
    // The container is a valid zstd stream (its text lines are skippable frames): `zstdcat FILE`
    // gives the frames as received, ready for `tcpscope --stdin`.
    const QString zstd = QStandardPaths::findExecutable(QStringLiteral("zstd"));
    if (zstd.isEmpty()) {
        if (NetNamespace::mustNotSkip())
            QFAIL("zstd(1) is missing: scripts/dev.sh installs it");
        QSKIP("zstd(1) is not installed");
    }
    const QString path = m_dir.filePath(QStringLiteral("cat.tcps"));
    Recorder rec(path);
    QVERIFY(rec.open().ok());
    SyntheticStream stream(40, 4);
    QByteArray frames;
    for (int i = 0; i < 5; ++i) {
        frames += stream.next(i == 0);
        QVERIFY(rec.append(QByteArrayView(frames).sliced(frames.lastIndexOf("@tcpscope"))));
    }
    QProcess p;
    p.start(zstd, { QStringLiteral("-dc"), path });
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(p.readAllStandardOutput(), frames);
}

void TestRecording::seekMatchesSequentialPlay()
{
    const QString path = m_dir.filePath(QStringLiteral("seek.tcps"));
    Recorder rec(path);
    QVERIFY(rec.open().ok());
    SyntheticStream stream(3000, 40);
    for (int i = 0; i < 600; ++i)
        QVERIFY(rec.append(stream.next(rec.keyDue())));
    rec.stop();
    ReplaySource sequential(path);
    QVERIFY(sequential.open().ok());
    std::map<int, QStringList> seen;
    for (int i = 0; i < 600; ++i) {
        const Snapshot s = sequential.poll();
        QVERIFY2(s.isValid(), qPrintable(s.status().error()));
        if (i % 97 == 0 || i == 299 || i == 300 || i == 599)
            seen[i] = sockets(s);
    }
    ReplaySource seeking(path);
    QVERIFY(seeking.open().ok());
    for (int frame : { 300, 299, 599, 0, 97, 485, 388, 194, 291 }) {
        seeking.seek(frame);
        const Snapshot s = seeking.poll();
        QVERIFY2(s.isValid(), qPrintable(s.status().error()));
        QCOMPARE(s.timeMs(), seeking.frameTimeMs(frame));
        QCOMPARE(sockets(s), seen[frame]);
    }
}

// A large plain-text recording takes a while to index: the index reports how far it got, in bytes of
// the file, and stops when asked to (the window's progress dialog, Cancel).
void TestRecording::indexingShowsProgressAndCancels()
{
    const QString path = m_dir.filePath(QStringLiteral("big.txt.tcps"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    SyntheticStream stream(2000);
    while (f.size() < (qint64(24) << 20))
        f.write(stream.next(true));
    f.close();
    std::vector<qint64> seen;
    RecordingIndex index;
    QVERIFY(index
                .open(path,
                    [&seen, &path](qint64 done, qint64 total) {
                        seen.push_back(done);
                        return total == QFileInfo(path).size();
                    })
                .ok());
    QVERIFY2(seen.size() >= 4, qPrintable(QString::number(seen.size())));
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QVERIFY(index.size() > 10);
    RecordingIndex cancelled;
    const Status s = cancelled.open(path, [](qint64, qint64) { return false; });
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QLatin1String("cancelled")), qPrintable(s.error()));
    QCOMPARE(cancelled.size(), 0);
}

int main(int argc, char **argv)
{
    if (argc == 4 && QByteArrayView(argv[1]) == "--child") {
        QCoreApplication app(argc, argv);
        return childMain(argv[2], QString::fromLocal8Bit(argv[3]));
    }
    QCoreApplication app(argc, argv);
    TestRecording test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recording.moc"
