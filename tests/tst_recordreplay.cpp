// Record -> replay: the same counts come back; damage is reported with its frame number and
// never stops the replay. Runs in a private network namespace so the counts hold still.
#include "problemtext.h"
#include "sources/local/streamprocsource.h"
#include "sources/replay/replaysource.h"
#include "stream/recorder.h"
#include "stream/recordingindex.h"
#include "stream/streamframereader.h"
#include "teaching/loopbacklab.h"
#include "testmain.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

QJsonObject runJson(const QStringList &args, int *code, QByteArray *err, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(TCPSCOPE_BINARY), args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    *code = p.exitCode();
    *err = p.readAllStandardError();
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}
// The frames of a recording as the stream they were received as (what `zstdcat FILE` prints).
QByteArray framesOf(const QString &path)
{
    RecordingIndex index;
    QByteArray out;
    QString error;
    if (index.open(path).ok()) {
        for (qsizetype i = 0; i < index.size(); ++i)
            out += index.text(i, &error);
    }
    return out;
}

// Records a stream's frames, cut at each header line whatever they hold, to a new container.
bool recordFrames(const QString &path, const QByteArray &stream)
{
    QFile::remove(path);
    Recorder rec(path);
    if (!rec.open().ok())
        return false;
    for (qsizetype at = 0; at < stream.size();) {
        qsizetype next = stream.indexOf("\n@tcpscope", at);
        next = next < 0 ? stream.size() : next + 1;
        if (!rec.append(QByteArrayView(stream).sliced(at, next - at)))
            return false;
        at = next;
    }
    return true;
}
} // namespace

class TestRecordReplay : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    LoopbackLab m_lab;
    QString record(const char *name, int frames);

private Q_SLOTS:
    void initTestCase();
    void roundTripKeepsCounts();
    void commandLineRoundTrip();
    void truncatedLastFrameIsIgnoredWithNotice();
    void corruptedFrameNamesItsNumber();
    void seekStepAndPause();
    void missingFileIsAMessage();
    void recorderStartsAndStops();
    void ownersReplay();
    void localRecordingKeepsOwners();
    void docsUseTheDialogsExtension();
};

void TestRecordReplay::initTestCase()
{
    TCPSCOPE_REQUIRE_NAMESPACE();
    QVERIFY(m_lab.listen().ok());
    QVERIFY(m_lab.established(3).ok());
    QVERIFY(m_lab.clientClosesFirst(2).ok());
    QVERIFY(m_lab.halfClosed(2, false).ok());
}

QString TestRecordReplay::record(const char *name, int frames)
{
    const QString path = m_dir.filePath(QLatin1String(name));
    auto rec = std::make_unique<Recorder>(path);
    if (!rec->open().ok())
        return {};
    StreamProcSource source(QStringLiteral("/proc"), std::move(rec));
    for (int i = 0; i < frames; ++i)
        source.poll();
    return path;
}

void TestRecordReplay::roundTripKeepsCounts()
{
    const QString path = m_dir.filePath(QStringLiteral("a.tcps"));
    auto rec = std::make_unique<Recorder>(path);
    QVERIFY(rec->open().ok());
    StreamProcSource source(QStringLiteral("/proc"), std::move(rec));
    std::vector<Snapshot> live;
    for (int i = 0; i < 4; ++i)
        live.push_back(source.poll());
    QCOMPARE(live[0].count(TcpState::Established), 6);
    QCOMPARE(live[0].count(TcpState::CloseWait), 2);

    ReplaySource replay(path);
    QVERIFY(replay.open().ok());
    QCOMPARE(replay.frameCount(), 4);
    for (const Snapshot &l : live) {
        const Snapshot r = replay.poll();
        QVERIFY2(r.isValid(), qPrintable(r.status().error()));
        QVERIFY2(r.problems().isEmpty(), qPrintable(allProblems(r.problems())));
        QCOMPARE(r.totalCounts(), l.totalCounts());
        QCOMPARE(r.tunables(), l.tunables());
        QCOMPARE(r.timeMs(), l.timeMs());
        QCOMPARE(r.host(), l.host());
    }
}

void TestRecordReplay::commandLineRoundTrip()
{
    const QString path = m_dir.filePath(QStringLiteral("cli.tcps"));
    int code = 0;
    QByteArray err;
    const QJsonObject live = runJson(
        { QStringLiteral("--snapshot"), QStringLiteral("--json"), QStringLiteral("--record"), path }, &code, &err);
    QVERIFY2(code == 0, err.constData());
    const QJsonObject replayed = runJson(
        { QStringLiteral("--snapshot"), QStringLiteral("--json"), QStringLiteral("--replay"), path }, &code, &err);
    QVERIFY2(code == 0, err.constData());
    QCOMPARE(replayed.value(QStringLiteral("counts")), live.value(QStringLiteral("counts")));
    QCOMPARE(replayed.value(QStringLiteral("tunables")), live.value(QStringLiteral("tunables")));
    const QJsonObject piped
        = runJson({ QStringLiteral("--snapshot"), QStringLiteral("--json"), QStringLiteral("--stdin") }, &code, &err,
            framesOf(path));
    QVERIFY2(code == 0, err.constData());
    QCOMPARE(piped.value(QStringLiteral("counts")), live.value(QStringLiteral("counts")));
}

void TestRecordReplay::truncatedLastFrameIsIgnoredWithNotice()
{
    const QString path = record("trunc.tcps", 3);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const QByteArray all = f.readAll();
    const qsizetype third = all.lastIndexOf("@frame "); // the last block's header
    QVERIFY(f.resize(third + (all.size() - third) / 2)); // a crash mid-write
    f.close();
    ReplaySource replay(path);
    QVERIFY(replay.open().ok());
    QCOMPARE(replay.frameCount(), 2);
    const Snapshot s = replay.poll();
    QVERIFY(s.isValid());
    QVERIFY2(allProblems(s.problems()).contains(QLatin1String("frame 3: the last frame is truncated")),
        qPrintable(allProblems(s.problems())));
}

void TestRecordReplay::corruptedFrameNamesItsNumber()
{
    const QString path = record("bad.tcps", 3);
    QByteArray all = framesOf(path);
    // Frame 2: a table row overwritten; frame 3: an unknown version.
    const qsizetype second = all.indexOf("@tcpscope", 1);
    const qsizetype row = all.indexOf("   0: ", second);
    QVERIFY(row > 0);
    all.replace(row, 20, QByteArray(20, '#'));
    const qsizetype third = all.indexOf("@tcpscope", second + 1);
    all.replace(third, 11, "@tcpscope 9");
    QVERIFY(recordFrames(path, all));

    ReplaySource replay(path);
    QVERIFY(replay.open().ok());
    QCOMPARE(replay.frameCount(), 3);
    QVERIFY(replay.poll().problems().isEmpty());
    const Snapshot two = replay.poll();
    QVERIFY(two.isValid());
    QVERIFY2(allProblems(two.problems()).contains(QLatin1String("frame 2 /proc/net/tcp")),
        qPrintable(allProblems(two.problems())));
    const Snapshot three = replay.poll();
    QVERIFY(!three.isValid());
    QVERIFY(three.status().error().contains(QLatin1String("frame 3")));
    QVERIFY(allProblems(three.problems()).contains(QLatin1String("frame 3: unknown format version")));

    // The app stays up and says which frame: replay from frame 2 on the command line.
    int code = 0;
    QByteArray err;
    all.remove(0, second);
    QFile g(m_dir.filePath(QStringLiteral("bad2.tcps")));
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(all);
    g.close();
    const QJsonObject j
        = runJson({ QStringLiteral("--snapshot"), QStringLiteral("--json"), QStringLiteral("--replay"), g.fileName() },
            &code, &err);
    QVERIFY2(code == 0, err.constData());
    QVERIFY(QJsonDocument(j).toJson().contains("frame 1 /proc/net/tcp"));
}

void TestRecordReplay::seekStepAndPause()
{
    const QString path = record("seek.tcps", 5);
    ReplaySource replay(path);
    QVERIFY(replay.open().ok());
    QCOMPARE(replay.frameCount(), 5);
    QVERIFY(replay.recordedIntervalMs() >= 100);
    const qint64 t0 = replay.poll().timeMs();
    QCOMPARE(replay.position(), 1);
    replay.seek(4);
    QCOMPARE(replay.poll().timeMs(), replay.frameTimeMs(4));
    QCOMPARE(replay.position(), 4); // stays on the last frame
    QCOMPARE(replay.shownFrame(), 4);
    replay.setPlaying(false);
    replay.step(-1);
    QCOMPARE(replay.poll().timeMs(), replay.frameTimeMs(3));
    replay.step(-10);
    QCOMPARE(replay.position(), 0);
    QCOMPARE(replay.poll().timeMs(), t0);
    QCOMPARE(replay.position(), 0); // paused: the same frame again
    replay.step(2);
    QCOMPARE(replay.poll().timeMs(), replay.frameTimeMs(2));
    replay.setPlaying(true);
    replay.seek(0);
    replay.setStride(3); // 20x on a 1 s recording: 3 frames per 150 ms poll
    replay.poll();
    QCOMPARE(replay.position(), 3);
    replay.poll();
    QCOMPARE(replay.position(), 4); // clamped to the last frame
}

void TestRecordReplay::missingFileIsAMessage()
{
    ReplaySource replay(m_dir.filePath(QStringLiteral("nope")));
    QVERIFY(!replay.open().ok());
    const Snapshot s = replay.poll();
    QVERIFY(!s.isValid());
    QVERIFY(s.status().error().contains(QLatin1String("cannot open recording")));
    QFile g(m_dir.filePath(QStringLiteral("garbage")));
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("not a recording\n");
    g.close();
    ReplaySource garbage(g.fileName());
    QVERIFY(garbage.open().error().contains(QLatin1String("no complete tcpscope frame")));
}

void TestRecordReplay::recorderStartsAndStops()
{
    auto rec = std::make_shared<Recorder>();
    QVERIFY(!rec->isRecording());
    StreamProcSource source(QStringLiteral("/proc"), rec);
    source.poll(); // idle: nothing written
    const QString path = m_dir.filePath(QStringLiteral("menu.tcps"));
    QVERIFY(rec->start(path).ok()); // the menu action, from the GUI thread
    source.poll();
    source.poll();
    rec->stop();
    source.poll();
    QCOMPARE(rec->framesWritten(), 2);
    ReplaySource replay(path);
    QVERIFY(replay.open().ok());
    QCOMPARE(replay.frameCount(), 2);
    QVERIFY(!rec->start(m_dir.filePath(QStringLiteral("no/such/dir/x"))).ok());
    QVERIFY(!rec->isRecording());
}

void TestRecordReplay::ownersReplay()
{
    // The recorder keeps what the source had: here the agent's frames, a full owner table then
    // "unchanged" ones. Any frame replays with owners, also one reached by a seek past the table.
    QProcess agent;
    agent.start(QStringLiteral(TCPSCOPE_AGENT),
        { QStringLiteral("--stdout"), QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--interval"),
            QStringLiteral("100") });
    QVERIFY(agent.waitForFinished(20000));
    StreamFrameReader reader;
    reader.feed(agent.readAllStandardOutput());
    const QString path = m_dir.filePath(QStringLiteral("owners.tcps"));
    Recorder rec(path);
    QVERIFY(rec.open().ok());
    while (reader.hasFrame())
        QVERIFY(rec.append(reader.takeFrame().text));
    QCOMPARE(rec.framesWritten(), 3);

    ReplaySource replay(path);
    QVERIFY(replay.open().ok());
    for (int frame : { 2, 0, 1, 2 }) {
        replay.seek(frame);
        const Snapshot s = replay.poll();
        QVERIFY2(s.isValid() && s.owners(), qPrintable(allProblems(s.problems())));
        QVERIFY(s.problems().isEmpty());
        int ours = 0; // the lab's sockets are held by this test process
        for (size_t i = 0; i < s.sockets().size(); ++i)
            ours += s.owners()->at(i) && (*s.owners()->at(i))->pid == ::getpid() ? 1 : 0;
        QCOMPARE(ours, 1 + 2 * 3 + 2 + 2); // listener, 3 established pairs, 2 CLOSE_WAIT, 2 FIN_WAIT2 (shut down)
    }
}

void TestRecordReplay::localRecordingKeepsOwners()
{
    // `tcpscope --record` of this host: the frames carry this host's owner table, the live snapshot
    // and the replay name the same processes.
    const QString path = m_dir.filePath(QStringLiteral("local-owners.tcps"));
    auto rec = std::make_shared<Recorder>(path);
    QVERIFY(rec->open().ok());
    StreamProcSource source(QStringLiteral("/proc"), rec);
    const auto ours = [](const Snapshot &s) {
        int n = 0;
        for (size_t i = 0; s.owners() && i < s.sockets().size(); ++i)
            n += s.owners()->at(i) && (*s.owners()->at(i))->pid == ::getpid() ? 1 : 0;
        return n;
    };
    constexpr int held = 1 + 2 * 3 + 2 + 2; // as in ownersReplay
    QCOMPARE(ours(source.poll()), held);
    QCOMPARE(ours(source.poll()), held);
    ReplaySource replay(path);
    QVERIFY(replay.open().ok());
    QCOMPARE(replay.frameCount(), 2);
    for (int frame : { 1, 0 }) {
        replay.seek(frame);
        QCOMPARE(ours(replay.poll()), held);
    }
}

void TestRecordReplay::docsUseTheDialogsExtension()
{
    // The open and record dialogs filter *.tcps; the README, docs and man page name recordings the same way.
    const auto read = [](const char *rel) {
        QFile f(QStringLiteral(TCPSCOPE_SOURCE_DIR "/") + QLatin1String(rel));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };
    QVERIFY(read("app/sourceactions.cpp").contains(QLatin1String("(*.tcps)")));
    const QRegularExpression other(QStringLiteral("\\w\\.tcpscope\\b(?!\\.)"));
    for (const char *doc : { "README.md", "docs/remote-and-replay.md", "resources/man/tcpscope.1" }) {
        const QString text = read(doc);
        QVERIFY2(!text.isEmpty(), doc);
        QVERIFY2(text.contains(QLatin1String(".tcps")), doc);
        const QRegularExpressionMatch m = other.match(text);
        QVERIFY2(!m.hasMatch(), qPrintable(QLatin1String(doc) + QStringLiteral(": ") + m.captured()));
    }
}

TCPSCOPE_TEST_MAIN(TestRecordReplay, QCoreApplication, TestMain::Isolated)

#include "tst_recordreplay.moc"
