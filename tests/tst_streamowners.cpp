// The "@owners" section of the stream format (docs/stream-format.md): a full table and "unchanged"
// frames name sockets, what the agent writes reads back the same, a live stream keeps the table of a
// frame it skipped, and hostile tables are refused with a problem.
#include "stream/ownerencoder.h"
#include "stream/streamframedecoder.h"
#include "stream/streamframereader.h"
#include "stream/streamframewriter.h"
#include "stream/streamowners.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {
// One Linux frame: a listener on 127.0.0.1:8080 of uid 33 and inode `inode`, then `owners`.
QByteArray frame(qint64 timeMs, const QByteArray &owners, quint64 inode = 1234)
{
    StreamFrameWriter w;
    w.begin(QStringLiteral("web1"), timeMs, QStringLiteral("Linux"), QStringLiteral("6.1"));
    const QByteArray header
        = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    const QByteArray row
        = QByteArray("   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000    33        0 ")
        + QByteArray::number(inode) + " 1 0000000000000000 100 0 0 10 0\n";
    w.section("tcp", QByteArray(header + row));
    QByteArray f = w.end();
    f.chop(5); // "@end\n": the section goes last, as the agent writes it
    return f + owners + "@end\n";
}

const QByteArray nginx = "@owners full 0\n42\t33\twww-data\t1234\t/system.slice/nginx.service\tnginx: worker\n";

std::vector<StreamFrame> frames(const QByteArray &bytes)
{
    StreamFrameReader r;
    r.feed(bytes);
    r.finish();
    std::vector<StreamFrame> out;
    while (r.hasFrame())
        out.push_back(r.takeFrame());
    return out;
}

QString text(const ProblemList &p)
{
    QStringList s;
    for (const Problem &x : p.items())
        s << x.toString();
    return s.join(QLatin1Char('\n'));
}
} // namespace

class TestStreamOwners : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullThenUnchanged();
    void withoutSectionNoOwners();
    void encoderRoundTrip();
    void otherUsersAndUnfound();
    void foundLaterIsSent();
    void deltasNameOnlyNewSockets();
    void liveStreamKeepsASkippedTable();
    void hostile_data();
    void hostile();
};

void TestStreamOwners::fullThenUnchanged()
{
    StreamOwners owners;
    ProblemList problems;
    for (const StreamFrame &f : frames(frame(1000, nginx) + frame(2000, "@owners unchanged\n"))) {
        SnapshotData d = StreamFrameDecoder::decode(f);
        QVERIFY2(d.problems.isEmpty(), qPrintable(text(d.problems))); // a known section, not "unknown"
        owners.feed(f, problems);
        const Snapshot s = owners.attached(Snapshot(std::move(d)));
        QVERIFY(s.owners());
        const ProcessOwner &o = **s.owners()->at(0);
        QCOMPARE(o.pid, 42);
        QCOMPARE(o.uid, 33u);
        QCOMPARE(o.user, QStringLiteral("www-data"));
        QCOMPARE(o.name, QStringLiteral("nginx: worker"));
        QCOMPARE(o.unit, QStringLiteral("nginx.service")); // from the cgroup path, as this host's
    }
    QVERIFY(problems.isEmpty());
}

void TestStreamOwners::withoutSectionNoOwners()
{
    // Version 1 frames of older producers (and BSD): no owners, as before; an "unchanged" with no
    // table seen (joined mid-stream) names nobody rather than guessing.
    StreamOwners owners;
    ProblemList problems;
    for (const QByteArray &owned : { QByteArray(), QByteArray("@owners unchanged\n") }) {
        const StreamFrame f = frames(frame(1000, owned)).at(0);
        owners.feed(f, problems);
        QVERIFY(!owners.attached(Snapshot(StreamFrameDecoder::decode(f))).owners());
    }
    QVERIFY(problems.isEmpty());
}

void TestStreamOwners::encoderRoundTrip()
{
    StreamOwners owners;
    ProblemList problems;
    const StreamFrame f = frames(frame(1000, nginx)).at(0);
    owners.feed(f, problems);
    const Snapshot s = owners.attached(Snapshot(StreamFrameDecoder::decode(f)));
    OwnerEncoder encoder(3);
    const QByteArray full = encoder.section(s, 0);
    QVERIFY(full.startsWith("@owners full 0\n"));
    QCOMPARE(encoder.section(s, 0), QByteArray("@owners unchanged\n"));
    QCOMPARE(encoder.section(s, 0), QByteArray("@owners unchanged\n"));
    QVERIFY(encoder.section(s, 0).startsWith("@owners full")); // every 3rd frame
    const Snapshot other = Snapshot(StreamFrameDecoder::decode(frames(frame(1000, {}, 99)).at(0)));
    QVERIFY(encoder.needsFull(other)); // a new inode
    encoder.restart(); // a new client
    QVERIFY(encoder.needsFull(s));

    const StreamFrame back = frames(frame(2000, full)).at(0);
    owners.feed(back, problems);
    const Snapshot b = owners.attached(Snapshot(StreamFrameDecoder::decode(back)));
    QVERIFY(problems.isEmpty());
    QCOMPARE((*b.owners()->at(0))->label(), QStringLiteral("nginx: worker (42)"));
    QCOMPARE((*b.owners()->at(0))->unit, QStringLiteral("nginx.service"));
    QCOMPARE((*b.owners()->at(0))->user, QStringLiteral("www-data"));
}

// Between full tables a producer sends the owners of new sockets only ("@owners delta"); the reader
// merges them into its table, and writes the merged table back as one full section for a keyframe.
void TestStreamOwners::deltasNameOnlyNewSockets()
{
    StreamOwners owners;
    ProblemList problems;
    const StreamFrame f = frames(frame(1000, nginx)).at(0);
    owners.feed(f, problems);
    const Snapshot first = owners.attached(Snapshot(StreamFrameDecoder::decode(f)));
    // A second socket (inode 99) appears, held by another process.
    const StreamFrame g = frames(frame(2000, "@owners full 0\n7\t0\troot\t99\t-\tsshd\n", 99)).at(0);
    StreamOwners scan;
    scan.feed(g, problems);
    SnapshotData both = StreamFrameDecoder::decode(f);
    both.sockets.push_back(Snapshot(StreamFrameDecoder::decode(g)).sockets().at(0));
    SocketOwners o;
    o.processes = { *first.owners()->at(0), *scan.attached(Snapshot(StreamFrameDecoder::decode(g))).owners()->at(0) };
    o.slots = { 1, 2 };
    const Snapshot two = Snapshot(std::move(both)).withOwners(std::move(o));
    OwnerEncoder encoder(30);
    QVERIFY(encoder.section(first, 0).startsWith("@owners full 0\n"));
    const QByteArray delta = encoder.section(two, 0);
    QCOMPARE(delta, QByteArray("@owners delta 0\n7\t0\troot\t99\t-\tsshd\n")); // nginx's socket is known
    QCOMPARE(encoder.section(two, 0), QByteArray("@owners unchanged\n"));

    // The reader: nginx from the full table, sshd from the delta.
    owners.feed(frames(frame(2000, delta)).at(0), problems);
    const Snapshot named = owners.attached(two);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.items().value(0).message));
    QCOMPARE((*named.owners()->at(0))->name, QStringLiteral("nginx: worker"));
    QCOMPARE((*named.owners()->at(1))->name, QStringLiteral("sshd"));
    // The merged table as one full section names both again.
    StreamOwners fresh;
    fresh.feed(frames(frame(3000, owners.fullSection())).at(0), problems);
    const Snapshot again = fresh.attached(two);
    QCOMPARE((*again.owners()->at(0))->name, QStringLiteral("nginx: worker"));
    QCOMPARE((*again.owners()->at(1))->name, QStringLiteral("sshd"));
    // A delta before any full table names nothing (a reader that joined late waits for a full one).
    StreamOwners late;
    late.feed(frames(frame(2000, delta)).at(0), problems);
    QVERIFY(!late.attach(two));
}

// A frame written before the first owner scan names its sockets as not found ("?"); once a scan
// finds them, the next delta names them (a recording of this host starts that way).
void TestStreamOwners::foundLaterIsSent()
{
    StreamOwners owners;
    ProblemList problems;
    const StreamFrame f = frames(frame(1000, nginx)).at(0);
    owners.feed(f, problems);
    const Snapshot named = owners.attached(Snapshot(StreamFrameDecoder::decode(f)));
    SocketOwners none;
    none.slots = { 0 };
    const Snapshot unscanned = Snapshot(StreamFrameDecoder::decode(f)).withOwners(std::move(none));
    OwnerEncoder encoder(30);
    const QByteArray full = encoder.section(unscanned, 0);
    QCOMPARE(full, QByteArray("@owners full 0\n?\t" + QByteArray::number(named.sockets()[0].inode) + '\n'));
    QCOMPARE(encoder.section(unscanned, 0), QByteArray("@owners unchanged\n")); // still not found: not resent
    QVERIFY(!encoder.needsFull(unscanned));
    const QByteArray delta = encoder.section(named, 0);
    QVERIFY2(delta.startsWith("@owners delta 0\n42\t33\twww-data\t"), delta.constData());
    QCOMPARE(encoder.section(named, 0), QByteArray("@owners unchanged\n"));

    StreamOwners reader;
    reader.feed(frames(frame(1000, full)).at(0), problems);
    QVERIFY(!reader.attached(named).owners()->at(0));
    reader.feed(frames(frame(2000, delta)).at(0), problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE((*reader.attached(named).owners()->at(0))->name, QStringLiteral("nginx: worker"));
}

void TestStreamOwners::otherUsersAndUnfound()
{
    StreamOwners owners;
    ProblemList problems;
    // Scanned as uid 1000: the socket of uid 33 is another user's, whatever the table says of others.
    const StreamFrame a = frames(frame(1000, "@owners full 1000\n")).at(0);
    owners.feed(a, problems);
    Snapshot s = owners.attached(Snapshot(StreamFrameDecoder::decode(a)));
    QCOMPARE(s.owners()->count(SocketOwners::Missing::OtherUsers), 1);
    QVERIFY(s.owners()->reason().contains(QLatin1String("other users")));
    // As root: scanned and held by nobody readable.
    const StreamFrame b = frames(frame(1000, "@owners full 0\n?\t1234\n")).at(0);
    owners.feed(b, problems);
    s = owners.attached(Snapshot(StreamFrameDecoder::decode(b)));
    QCOMPARE(s.owners()->count(SocketOwners::Missing::NotFound), 1);
    QVERIFY(problems.isEmpty());
}

void TestStreamOwners::liveStreamKeepsASkippedTable()
{
    // --stdin shows the newest frame; its "unchanged" is named by the full table of the frame before.
    QProcess p;
    p.start(QStringLiteral(TCPSCOPE_BINARY),
        { QStringLiteral("--stdin"), QStringLiteral("--snapshot"), QStringLiteral("--json"),
            QStringLiteral("--sockets") });
    p.write(frame(1000, nginx) + frame(2000, "@owners unchanged\n"));
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(30000));
    const QJsonObject j = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(j.value(QStringLiteral("owners")).toObject().value(QStringLiteral("known")).toInt(), 1);
    const QJsonObject process
        = j.value(QStringLiteral("sockets")).toArray().at(0).toObject().value(QStringLiteral("process")).toObject();
    QCOMPARE(process.value(QStringLiteral("name")).toString(), QStringLiteral("nginx: worker"));
    QCOMPARE(process.value(QStringLiteral("unit")).toString(), QStringLiteral("nginx.service"));
}

void TestStreamOwners::hostile_data()
{
    QTest::addColumn<QByteArray>("section");
    QTest::addColumn<QString>("problem");
    const QByteArray h = "@owners full 0\n";
    QTest::newRow("pid") << h + "4x2\t0\troot\t1234\t-\tc\n"
                         << "line 1: bad pid '4x2'";
    QTest::newRow("pid 0") << h + "0\t0\troot\t1234\t-\tc\n"
                           << "bad pid";
    QTest::newRow("pid too big") << h + "99999999999\t0\troot\t1234\t-\tc\n"
                                 << "bad pid";
    QTest::newRow("uid") << h + "42\t-1\troot\t1234\t-\tc\n"
                         << "bad uid";
    QTest::newRow("missing fields") << h + "42\t0\troot\n"
                                    << "expected 6 tab-separated fields";
    QTest::newRow("huge comm") << h + "42\t0\troot\t1234\t-\t" + QByteArray(5000, 'c') + '\n' << "too long";
    QTest::newRow("empty user") << h + "42\t0\t\t1234\t-\tc\n"
                                << "too long";
    QTest::newRow("inode") << h + "42\t0\troot\t12,,3\t-\tc\n"
                           << "bad inode list";
    QTest::newRow("inode 0") << h + "42\t0\troot\t0\t-\tc\n"
                             << "bad inode list";
    QTest::newRow("unfound") << h + "42\t0\troot\t1234\t-\tc\n?\tabc\n"
                             << "line 2: bad inode list";
    QTest::newRow("scanner uid") << QByteArray("@owners full root\n") << "bad scanner uid";
    QTest::newRow("kind") << QByteArray("@owners maybe\n") << "neither 'full UID' nor 'unchanged'";
}

void TestStreamOwners::hostile()
{
    QFETCH(QByteArray, section);
    QFETCH(QString, problem);
    const std::vector<StreamFrame> f = frames(frame(1000, nginx) + frame(2000, section));
    QCOMPARE(f.size(), size_t(2));
    StreamOwners owners;
    ProblemList problems;
    owners.feed(f[0], problems);
    QVERIFY(owners.hasTable());
    owners.feed(f[1], problems);
    QVERIFY2(text(problems).contains(problem), qPrintable(text(problems)));
    QVERIFY2(text(problems).startsWith(QLatin1String("stream: frame 2: @owners")), qPrintable(text(problems)));
    // The bad table replaces the good one: no owner is better than one from an older table.
    const SnapshotData d = StreamFrameDecoder::decode(f[1]);
    QVERIFY(d.status.ok());
    QVERIFY(!owners.attached(Snapshot(d)).owners());
}

QTEST_GUILESS_MAIN(TestStreamOwners)
#include "tst_streamowners.moc"
