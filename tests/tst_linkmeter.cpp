// What the status bar says about a remote link: LinkMeter's figures on the snapshots of a StreamSource
// fed through a pipe (bytes per second, the last frame's size), and the warning when frames queue up,
// arrive later and later, or a delta is lost.
#include "core/linkstats.h"
#include "linkstatuslabel.h"
#include "pollstatusbar.h"
#include "sources/remote/linkmeter.h"
#include "sources/remote/streamchannel.h"
#include "sources/remote/streamsource.h"
#include "stream/streamframewriter.h"
#include "testmain.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace {
// The read end of a pipe, as StreamFdChannel reads stdin.
class PipeChannel : public StreamChannel
{
public:
    explicit PipeChannel(int fd)
        : m_fd(fd)
    { }
    ~PipeChannel() override { close(); }
    Status open() override { return m_fd >= 0 ? Status() : Status::failure(QStringLiteral("closed")); }
    qint64 read(char *buffer, qint64 max, int timeoutMs) override
    {
        pollfd p { m_fd, POLLIN, 0 };
        if (::poll(&p, 1, timeoutMs) <= 0)
            return 0;
        const ssize_t n = ::read(m_fd, buffer, size_t(max));
        return n > 0 ? n : -1;
    }
    void close() override
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    bool isOpen() const override { return m_fd >= 0; }
    QString closeReason() const override { return QStringLiteral("pipe closed"); }
    QString description() const override { return QStringLiteral("pipe"); }
    bool canReconnect() const override { return false; }

private:
    int m_fd;
};

QByteArray frame(qint64 timeMs, int rows)
{
    QByteArray tcp
        = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    for (int i = 0; i < rows; ++i)
        tcp += QByteArray::number(i).rightJustified(4)
            + ": 0100007F:1F90 0100007F:" + QByteArray::number(0x8000 + i, 16).toUpper()
            + " 01 00000000:00000000 00:00000000 00000000     0        0 " + QByteArray::number(1000 + i)
            + " 1 0000000000000000 20 4 30 10 -1\n";
    StreamFrameWriter w;
    w.begin(QStringLiteral("db1"), timeMs, QStringLiteral("Linux"), QStringLiteral("6.1.0"));
    w.section("tcp", tcp);
    return w.end();
}
} // namespace

class TestLinkMeter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void figuresFromAPipe();
    void framesThatQueueUpWarn();
    void lateFramesWarn();
    void lostDeltaWarns();
    void labelSaysWhatToDo();
    void statusBarShowsTheLink();
    void firstFrameShowsProgressAndCancel();
};

void TestLinkMeter::figuresFromAPipe()
{
    int fds[2];
    QVERIFY(::pipe(fds) == 0);
    StreamSource source(std::make_unique<PipeChannel>(fds[0]), {});
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    qint64 sent = 0;
    Snapshot s;
    for (int i = 0; i < 3; ++i) {
        const QByteArray f = frame(t0 + 100 * i, 50);
        QCOMPARE(::write(fds[1], f.constData(), size_t(f.size())), ssize_t(f.size()));
        sent += f.size();
        s = source.poll();
        QVERIFY2(s.isValid(), qPrintable(s.status().error()));
        QCOMPARE(s.link().lastFrameBytes, qint64(f.size()));
        QTest::qWait(100);
    }
    QVERIFY(s.link().measured);
    // Three frames within the first second: the rate is over one second at least.
    QCOMPARE(s.link().bytesPerSecond, sent);
    QVERIFY2(!s.link().cannotKeepUp(), qPrintable(LinkStatusLabel::trouble(s.link())));
    ::close(fds[1]);
}

void TestLinkMeter::framesThatQueueUpWarn()
{
    int fds[2];
    QVERIFY(::pipe(fds) == 0);
    StreamSource source(std::make_unique<PipeChannel>(fds[0]), {});
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    QByteArray three;
    for (int i = 0; i < 3; ++i)
        three += frame(t0 + 100 * i, 20);
    QCOMPARE(::write(fds[1], three.constData(), size_t(three.size())), ssize_t(three.size()));
    const Snapshot s = source.poll();
    QVERIFY(s.isValid());
    QCOMPARE(s.link().framesSkipped, qint64(2));
    QVERIFY(s.link().cannotKeepUp());
    QCOMPARE(LinkStatusLabel::trouble(s.link()), QStringLiteral("2 frame(s) skipped"));
    ::close(fds[1]);
}

void TestLinkMeter::lateFramesWarn()
{
    LinkMeter m;
    // Frames 1 s apart by @time that arrive 1.5 s apart: the link falls behind by 0.5 s a frame.
    const qint64 clockSkew = -40'000; // the server's clock is behind: the baseline absorbs it
    // Up to one interval late is a frame waiting for the next poll; beyond 2 spacings + 1 s it warns.
    for (int i = 0; i < 10; ++i) {
        m.shown(1000, 1000 * i + clockSkew, 0, 1500 * i);
        QCOMPARE(m.stats(1500 * i).cannotKeepUp(), 500 * i > 2 * 1000 + 1000);
    }
    QCOMPARE(m.stats(13'500).lateMs, qint64(4500));
    // On time again: the warning stays for LinkStats::WarnForMs after the last late frame, then goes.
    m.shown(1000, 15'000 + clockSkew, 0, 15'000);
    QVERIFY(m.stats(15'000).cannotKeepUp());
    QVERIFY(!m.stats(13'500 + LinkStats::WarnForMs + 1).cannotKeepUp());
}

void TestLinkMeter::lostDeltaWarns()
{
    LinkMeter m;
    m.received(500, 0);
    m.deltaLost(100);
    QCOMPARE(m.stats(200).deltasLost, qint64(1));
    QCOMPARE(m.stats(200).bytesPerSecond, qint64(500)); // over one second at least
    QCOMPARE(m.stats(100 + LinkStats::WarnForMs + 1).deltasLost, qint64(0));
    QCOMPARE(m.stats(LinkMeter::WindowMs + 1).bytesPerSecond, qint64(0));
}

void TestLinkMeter::labelSaysWhatToDo()
{
    LinkStatusLabel label;
    LinkStats s;
    label.setStats(s);
    QVERIFY(label.isHidden()); // this host: nothing to say
    s.measured = true;
    s.bytesPerSecond = 12'300;
    s.lastFrameBytes = 600'000;
    label.setStats(s);
    QVERIFY(!label.isHidden());
    QCOMPARE(label.text(), QStringLiteral("link 12.3 kB/s, last frame 600.0 kB"));
    s.lateMs = 4200;
    label.setStats(s);
    QVERIFY2(label.text().contains(QStringLiteral("frames 4.2 s late")), qPrintable(label.text()));
    QVERIFY(label.text().contains(QStringLiteral("--ssh-compress")));
    QVERIFY(label.text().contains(QStringLiteral("--interval")));
}

void TestLinkMeter::statusBarShowsTheLink()
{
    PollStatusBar bar;
    SnapshotData d;
    d.host = QStringLiteral("db1");
    bar.setSnapshot(Snapshot(d)); // this host: no link figures
    QVERIFY(!bar.text().contains(QStringLiteral("link")));
    d.link.measured = true;
    d.link.bytesPerSecond = 2'000'000;
    d.link.lastFrameBytes = 16'200'000;
    d.link.framesSkipped = 3;
    bar.setSnapshot(Snapshot(d));
    QVERIFY2(bar.text().contains(QStringLiteral("link 2.0 MB/s, last frame 16.2 MB")), qPrintable(bar.text()));
    QVERIFY(bar.text().contains(QStringLiteral("3 frame(s) skipped")));
    QVERIFY(bar.text().contains(QStringLiteral("or the agent")));
}

// A big host's first frame over a slow link: the status says how much has come, and Cancel is offered
// until the first frame is shown.
void TestLinkMeter::firstFrameShowsProgressAndCancel()
{
    int fds[2];
    QVERIFY(::pipe(fds) == 0);
    QVERIFY(::fcntl(fds[1], F_SETPIPE_SZ, 1 << 20) >= 0); // the whole frame fits: the writes never block
    StreamSource::Options options;
    options.maxPollWaitMs = 200;
    StreamSource source(std::make_unique<PipeChannel>(fds[0]), options);
    PollStatusBar bar;
    Snapshot s = source.poll();
    QVERIFY(!s.isValid() && s.connecting());
    QVERIFY2(s.status().error().startsWith(QLatin1String("connecting to pipe")), qPrintable(s.status().error()));
    bar.setSnapshot(s);
    QVERIFY(bar.cancelShown());
    QVERIFY2(!bar.text().contains(QLatin1String("last good poll")), qPrintable(bar.text())); // not a failure yet
    const QByteArray f = frame(QDateTime::currentMSecsSinceEpoch(), 2000);
    const qsizetype half = f.size() / 2;
    QCOMPARE(::write(fds[1], f.constData(), size_t(half)), ssize_t(half));
    s = source.poll();
    QVERIFY(s.connecting());
    QVERIFY2(s.status().error().contains(
                 QStringLiteral("receiving the first frame from pipe: %1 KB so far").arg(half / 1024)),
        qPrintable(s.status().error()));
    QSignalSpy cancel(&bar, &PollStatusBar::cancelRequested);
    bar.setSnapshot(s);
    for (QToolButton *b : bar.findChildren<QToolButton *>()) {
        if (b->text() == QLatin1String("Cancel"))
            b->click();
    }
    QCOMPARE(cancel.count(), 1);
    QCOMPARE(::write(fds[1], f.constData() + half, size_t(f.size() - half)), ssize_t(f.size() - half));
    s = source.poll();
    QVERIFY2(s.isValid(), qPrintable(s.status().error()));
    bar.setSnapshot(s);
    QVERIFY(!bar.cancelShown());
    ::close(fds[1]);
}

TCPSCOPE_TEST_MAIN(TestLinkMeter, QApplication, TestMain::None)

#include "tst_linkmeter.moc"
