// The stream format parser: framing, decoding, limits, and a fuzz run that must not crash.
#include "fixturefolder.h"
#include "parse/procnettcpparser.h"
#include "sources/remote/streamchannel.h"
#include "sources/remote/streamsource.h"
#include "sources/replay/replaysource.h"
#include "stream/streamframedecoder.h"
#include "stream/streamframereader.h"
#include "stream/streamframewriter.h"
#include "stream/streamowners.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

namespace {
const FixtureFolder fixture { QStringLiteral("stream") };

QString allProblems(const ProblemList &p)
{
    QStringList s;
    for (const Problem &x : p.items())
        s << x.toString();
    return s.join(QLatin1Char('\n'));
}

std::vector<StreamFrame> readAll(QByteArrayView bytes, ProblemList *problems = nullptr, qsizetype max = 1 << 20)
{
    StreamFrameReader r(max);
    r.feed(bytes);
    r.finish();
    std::vector<StreamFrame> out;
    while (r.hasFrame())
        out.push_back(r.takeFrame());
    if (problems)
        *problems = r.takeProblems();
    return out;
}

QByteArray smallFrame(qint64 time, int rows = 1)
{
    QByteArray tcp
        = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    for (int i = 0; i < rows; ++i)
        tcp += QByteArray("   ") + QByteArray::number(i) + ": 0100007F:" + QByteArray::number(0x1000 + i, 16).toUpper()
            + " 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1234 1 0000000000000000 100 0 0 "
              "10 0\n";
    StreamFrameWriter w;
    w.begin(QStringLiteral("h"), time, QStringLiteral("Linux"), QStringLiteral("6.1"));
    w.section("tcp", tcp);
    w.section("sysctl", "32768\t60999\n", "net.ipv4.ip_local_port_range");
    return w.end();
}
// smallFrame's frame with an "@owners" section; its rows all have inode 1234.
QByteArray withOwners(QByteArray frame, const QByteArray &section)
{
    frame.chop(5); // "@end\n"
    return frame + section + "@end\n";
}
const QByteArray nginx = "@owners full 0\n42\t33\twww-data\t1234\t/system.slice/nginx.service\tnginx: worker\n";

// Serves one scripted session per open(): its bytes, then end of stream.
class FakeChannel : public StreamChannel
{
public:
    QList<QByteArray> sessions; // "stall": open, then never a byte
    int opens = 0;
    qint64 maxChunk = 1 << 30;
    int delayMs = 0; // per read: a slow producer
    Status open() override
    {
        if (sessions.isEmpty())
            return Status::failure(QStringLiteral("refused"));
        m_data = sessions.takeFirst();
        m_open = true;
        ++opens;
        return {};
    }
    qint64 read(char *buffer, qint64 max, int timeoutMs) override
    {
        if (m_data == "stall") {
            QThread::msleep(ulong(qMin(timeoutMs, 20)));
            return 0;
        }
        QThread::msleep(ulong(delayMs));
        max = qMin(max, maxChunk);
        if (m_data.isEmpty()) {
            m_open = false;
            return -1;
        }
        const qint64 n = qMin<qint64>(max, m_data.size());
        memcpy(buffer, m_data.constData(), size_t(n));
        m_data.remove(0, n);
        return n;
    }
    void close() override { m_open = false; }
    bool isOpen() const override { return m_open; }
    QString closeReason() const override { return QStringLiteral("peer closed"); }
    QString description() const override { return QStringLiteral("fake"); }
    bool canReconnect() const override { return true; }

private:
    QByteArray m_data;
    bool m_open = false;
};
} // namespace

class TestStreamParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixtureDecodesLikeProcParser();
    void anyChunkingGivesTheSameFrames();
    void garbageTruncationAndVersions();
    void oversizedFrameIsSkipped();
    void endlessLineIsBounded();
    void escapedLinesRoundTrip();
    void missingTableIsFatalForThatFrame();
    void bsdFrameIsDecoded();
    void bsdRecordingsReplay_data();
    void bsdRecordingsReplay();
    void fuzz();
    void sourceReconnectsAndMarksTheGap();
    void sourceDrainsASlowProducerWithoutLoss();
    void sourceGivesUpOnSilence();
};

void TestStreamParser::fixtureDecodesLikeProcParser()
{
    const QByteArray text = fixture("linux-frame.txt");
    QVERIFY(!text.isEmpty());
    ProblemList problems;
    const auto frames = readAll(text, &problems);
    QCOMPARE(frames.size(), size_t(1));
    QVERIFY2(problems.isEmpty(), qPrintable(allProblems(problems)));
    const auto s = StreamFrameDecoder::split(frames[0]);
    const SnapshotData d = StreamFrameDecoder::decode(frames[0]);
    QVERIFY2(d.problems.isEmpty(), qPrintable(allProblems(d.problems)));
    QCOMPARE(d.host, QStringLiteral("vm"));
    QCOMPARE(d.timeMs, 1795304668858);
    const auto v4 = ProcNetTcpParser::parse(s.tcp, AddressFamily::IPv4, QStringLiteral("t"));
    const auto v6 = ProcNetTcpParser::parse(s.tcp6, AddressFamily::IPv6, QStringLiteral("t"));
    QVERIFY(v4.sockets.size() > 0);
    QCOMPARE(d.sockets.size(), v4.sockets.size() + v6.sockets.size());
    const Snapshot snap(d);
    QCOMPARE(snap.count(TcpState::Established), 12); // 3 connections x 2 ends x 2 families
    QCOMPARE(snap.count(TcpState::CloseWait), 4);
    QCOMPARE(snap.count(TcpState::TimeWait), 4);
    QCOMPARE(d.tunables.value(QStringLiteral("net.ipv4.ip_local_port_range")), QStringLiteral("32768\t60999"));
    QVERIFY(d.tunables.has(QStringLiteral("net.ipv4.ip_local_reserved_ports"))); // empty but present
}

void TestStreamParser::anyChunkingGivesTheSameFrames()
{
    const QByteArray stream = smallFrame(1000, 3) + smallFrame(2000, 5) + fixture("linux-frame.txt");
    const auto whole = readAll(stream);
    QCOMPARE(whole.size(), size_t(3));
    for (int chunk : { 1, 2, 7, 100, 4096 }) {
        StreamFrameReader r;
        std::vector<StreamFrame> got;
        for (qsizetype i = 0; i < stream.size(); i += chunk) {
            r.feed(QByteArrayView(stream).sliced(i, qMin<qsizetype>(chunk, stream.size() - i)));
            while (r.hasFrame())
                got.push_back(r.takeFrame());
        }
        QCOMPARE(got.size(), whole.size());
        for (size_t i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].text, whole[i].text);
            QCOMPARE(got[i].number, qint64(i + 1));
        }
    }
}

void TestStreamParser::garbageTruncationAndVersions()
{
    QByteArray frame2 = smallFrame(2000);
    frame2.chop(5); // loses "@end\n"
    const QByteArray stream = "hello\nworld\n" + smallFrame(1000) + frame2
        + smallFrame(3000).replace("@tcpscope 2", "@tcpscope 7") + smallFrame(4000) + "trailing junk\n";
    ProblemList p;
    const auto frames = readAll(stream, &p);
    QCOMPARE(frames.size(), size_t(2));
    QCOMPARE(frames[0].number, 1);
    QCOMPARE(frames[1].number, 4);
    const QString all = allProblems(p);
    QVERIFY2(all.contains(QLatin1String("before frame 1: 2 line(s) outside any frame")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("frame 2: truncated")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("frame 3: unknown format version '7'")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("after frame 4")), qPrintable(all));
    QCOMPARE(StreamFrameDecoder::decode(frames[1]).timeMs, 4000);
}

void TestStreamParser::oversizedFrameIsSkipped()
{
    const QByteArray stream = smallFrame(1000, 200) + smallFrame(2000, 1);
    ProblemList p;
    const auto frames = readAll(stream, &p, 4096);
    QCOMPARE(frames.size(), size_t(1));
    QCOMPARE(frames[0].number, 2);
    QVERIFY2(allProblems(p).contains(QLatin1String("frame 1: larger than")), qPrintable(allProblems(p)));
}

void TestStreamParser::endlessLineIsBounded()
{
    StreamFrameReader r;
    const QByteArray junk(1 << 20, 'x');
    for (int i = 0; i < 20; ++i)
        r.feed(junk); // 20 MiB without a newline: must not be buffered
    r.feed(QByteArray("\n" + smallFrame(5000)));
    QVERIFY(r.hasFrame());
    QCOMPARE(StreamFrameDecoder::decode(r.takeFrame()).timeMs, 5000);
}

void TestStreamParser::escapedLinesRoundTrip()
{
    StreamFrameWriter w;
    w.begin(QStringLiteral("h\nost"), 1, QStringLiteral("FreeBSD"), QStringLiteral("14"));
    w.section("netstat", "@end\n@tcpscope 1\nplain\n");
    const QByteArray text = w.end();
    const auto frames = readAll(text);
    QCOMPARE(frames.size(), size_t(1));
    const auto s = StreamFrameDecoder::split(frames[0]);
    QCOMPARE(s.netstat, QByteArray("@end\n@tcpscope 1\nplain\n"));
    QCOMPARE(s.header.value("host"), QByteArray("h ost"));
}

void TestStreamParser::missingTableIsFatalForThatFrame()
{
    QByteArray f = smallFrame(1000);
    f.replace("@tcp\n", "@tcq\n");
    const auto frames = readAll(QByteArray(smallFrame(500) + f));
    QCOMPARE(frames.size(), size_t(2));
    const SnapshotData d = StreamFrameDecoder::decode(frames[1]);
    QVERIFY(d.status.error().contains(QLatin1String("frame 2")));
    QVERIFY(allProblems(d.problems).contains(QLatin1String("unknown section")));
}

void TestStreamParser::bsdFrameIsDecoded()
{
    const auto frames = readAll(fixture("bsd-frame.txt"));
    QCOMPARE(frames.size(), size_t(1));
    const Snapshot s(StreamFrameDecoder::decode(frames[0]));
    QVERIFY(s.isValid());
    QCOMPARE(s.os(), QStringLiteral("FreeBSD"));
    QCOMPARE(s.host(), QStringLiteral("freebsd14"));
    QCOMPARE(s.count(TcpState::Established), 1);
    QCOMPARE(s.count(TcpState::Listen), 1);
    QCOMPARE(s.tunables().value(QStringLiteral("net.inet.tcp.msl")), QStringLiteral("30000"));
    QCOMPARE(s.timeWaitLengthMs(), 60000); // 2 x MSL
    QVERIFY2(s.problems().isEmpty(), qPrintable(allProblems(s.problems())));
}

void TestStreamParser::bsdRecordingsReplay_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("os");
    QTest::addColumn<int>("frames");
    QTest::addColumn<qint64>("timeWaitMs");
    QTest::newRow("FreeBSD") << QStringLiteral("freebsd-recording.tcps") << QStringLiteral("FreeBSD") << 3
                             << qint64(60000);
    QTest::newRow("macOS") << QStringLiteral("macos-recording.tcps") << QStringLiteral("Darwin") << 2 << qint64(30000);
}

void TestStreamParser::bsdRecordingsReplay()
{
    QFETCH(QString, file);
    QFETCH(QString, os);
    QFETCH(int, frames);
    QFETCH(qint64, timeWaitMs);
    ReplaySource replay(Fixture::path(QStringLiteral("stream/") + file));
    QVERIFY(replay.open().ok());
    QCOMPARE(replay.frameCount(), frames);
    replay.setPlaying(true);
    int previousTimeWait = -1;
    for (int i = 0; i < frames; ++i) {
        const Snapshot s = replay.poll();
        QVERIFY2(s.isValid(), qPrintable(s.status().error()));
        QCOMPARE(s.os(), os);
        QCOMPARE(s.timeWaitLengthMs(), timeWaitMs); // what the diagram's TIME-WAIT histogram spans
        QVERIFY(s.tunables().has(QStringLiteral("net.inet.tcp.msl")));
        // Every BSD state of the rendered table is there; each later frame lost one TIME_WAIT row.
        for (TcpState st : { TcpState::Listen, TcpState::SynSent, TcpState::Established, TcpState::FinWait1,
                 TcpState::FinWait2, TcpState::CloseWait, TcpState::LastAck, TcpState::Closing })
            QVERIFY2(s.count(st) > 0, qPrintable(TcpStates::kernelName(st)));
        if (previousTimeWait >= 0)
            QCOMPARE(s.count(TcpState::TimeWait), previousTimeWait - 1);
        previousTimeWait = s.count(TcpState::TimeWait);
    }
}

void TestStreamParser::fuzz()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("fuzz seed %u", seed);
    QRandomGenerator rng(seed);
    const QByteArray base = withOwners(smallFrame(1000, 4), nginx) + fixture("linux-frame.txt")
        + fixture("bsd-frame.txt") + withOwners(smallFrame(2000, 1), "@owners unchanged\n");
    const QByteArray alphabet("@\n \t:0123456789ABCDEFtcpsoe-");
    qint64 frames = 0;
    for (int iter = 0; iter < 3000; ++iter) {
        QByteArray b = base;
        const int mutations = 1 + int(rng.bounded(20));
        for (int m = 0; m < mutations && !b.isEmpty(); ++m) {
            const qsizetype at = rng.bounded(int(b.size()));
            switch (rng.bounded(6)) {
            case 0:
                b[at] = char(rng.bounded(256));
                break;
            case 1:
                b.insert(at, alphabet[rng.bounded(int(alphabet.size()))]);
                break;
            case 2:
                b.remove(at, rng.bounded(64));
                break;
            case 3:
                b.truncate(at);
                break;
            case 4:
                b.insert(at, b.mid(rng.bounded(int(b.size())), rng.bounded(200)));
                break;
            default:
                b.insert(at, QByteArray("\n@tcpscope ") + QByteArray::number(rng.bounded(3)) + '\n');
            }
        }
        if (iter % 10 == 0) { // pure noise too
            b.resize(rng.bounded(4096));
            for (char &c : b)
                c = char(rng.bounded(256));
        }
        StreamFrameReader r(64 * 1024);
        StreamOwners owners;
        qsizetype i = 0;
        while (i < b.size()) {
            const qsizetype n = 1 + rng.bounded(512);
            r.feed(QByteArrayView(b).sliced(i, qMin(n, b.size() - i)));
            i += n;
            while (r.hasFrame()) {
                const StreamFrame f = r.takeFrame();
                SnapshotData d = StreamFrameDecoder::decode(f);
                owners.feed(f, d.problems);
                const Snapshot s = owners.attached(Snapshot(std::move(d)));
                QVERIFY(s.problems().items().size() <= ProblemList::MaxKept);
                QVERIFY(!s.owners() || s.owners()->slots.size() == s.sockets().size());
                ++frames;
            }
        }
        r.finish();
        QVERIFY(r.takeProblems().items().size() <= ProblemList::MaxKept);
    }
    QVERIFY(frames > 0); // the mutations left some frames intact enough to decode
}

void TestStreamParser::sourceReconnectsAndMarksTheGap()
{
    auto channel = std::make_unique<FakeChannel>();
    FakeChannel *fake = channel.get();
    const qint64 anHourAhead = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
    fake->sessions = { smallFrame(anHourAhead, 2), smallFrame(anHourAhead + 1000, 3) };
    StreamSource::Options o;
    o.frameTimeoutMs = 500;
    o.maxBackoffMs = 1000;
    StreamSource source(std::move(channel), o);

    Snapshot s = source.poll();
    QVERIFY2(s.isValid(), qPrintable(s.status().error()));
    QCOMPARE(s.sockets().size(), size_t(2));
    QVERIFY(qAbs(s.timeMs() - QDateTime::currentMSecsSinceEpoch()) < 60'000); // this machine's clock
    QVERIFY2(allProblems(s.problems()).contains(QLatin1String("s ahead of")), qPrintable(allProblems(s.problems())));
    QVERIFY(!s.gapBefore());

    s = source.poll(); // the session ends
    QVERIFY(!s.isValid());
    QVERIFY2(
        s.status().error().contains(QLatin1String("connection lost (peer closed)")), qPrintable(s.status().error()));
    s = source.poll(); // within the backoff: no new attempt
    QVERIFY2(s.status().error().contains(QLatin1String("reconnecting in")), qPrintable(s.status().error()));
    QCOMPARE(fake->opens, 1);
    QThread::msleep(1100);
    s = source.poll();
    QVERIFY2(s.isValid(), qPrintable(s.status().error()));
    QCOMPARE(fake->opens, 2);
    QCOMPARE(s.sockets().size(), size_t(3));
    QVERIFY(s.gapBefore()); // the history shows the hole
}

void TestStreamParser::sourceDrainsASlowProducerWithoutLoss()
{
    auto channel = std::make_unique<FakeChannel>();
    QByteArray all;
    for (int i = 1; i <= 12; ++i)
        all += smallFrame(1000 * i, i);
    channel->sessions = { all };
    channel->maxChunk = 700; // frames arrive in pieces,
    channel->delayMs = 40; // slowly: the drain stops after 200 ms mid-stream
    StreamSource::Options o;
    o.useArrivalTime = false;
    StreamSource source(std::move(channel), o);
    int lastRows = 0;
    for (int polls = 0; polls < 12 && lastRows < 12; ++polls) {
        const Snapshot s = source.poll();
        QVERIFY2(s.isValid(), qPrintable(s.status().error()));
        const QString p = allProblems(s.problems());
        QVERIFY2(!p.contains(QLatin1String("truncated")) && !p.contains(QLatin1String("outside")), qPrintable(p));
        QVERIFY(int(s.sockets().size()) > lastRows); // newer every time, never a damaged one
        lastRows = int(s.sockets().size());
        QCOMPARE(s.timeMs(), 1000 * lastRows);
    }
    QCOMPARE(lastRows, 12);
    QCOMPARE(source.framesReceived(), 12);
}

void TestStreamParser::sourceGivesUpOnSilence()
{
    auto channel = std::make_unique<FakeChannel>();
    channel->sessions = { QByteArray("stall") };
    StreamSource::Options o;
    o.firstFrameTimeoutMs = 300;
    o.maxPollWaitMs = 100;
    StreamSource source(std::move(channel), o);
    Snapshot s = source.poll();
    QVERIFY2(s.status().error().contains(QLatin1String("connecting to fake")), qPrintable(s.status().error()));
    QString last;
    for (int i = 0; i < 10 && !last.contains(QLatin1String("no data")); ++i)
        last = source.poll().status().error();
    QVERIFY2(last.contains(QLatin1String("connection lost (no data for 0.3 s)")), qPrintable(last));
}

QTEST_GUILESS_MAIN(TestStreamParser)
#include "tst_streamparser.moc"
