// The replay controls drive a real Poller over a real ReplaySource: play, pause, step, speed,
// timeline. Rendered offscreen to a PNG for a look.
#include "panels/replaycontrols.h"
#include "pipeline/poller.h"
#include "replaydriver.h"
#include "sources/local/streamprocsource.h"
#include "sources/replay/replaysource.h"
#include "stream/recorder.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestReplayControls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void drivesPollerAndSource();
};

void TestReplayControls::drivesPollerAndSource()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.tcps"));
    {
        auto rec = std::make_unique<Recorder>(path);
        QVERIFY(rec->open().ok());
        StreamProcSource s(QStringLiteral("/proc"), std::move(rec));
        for (int i = 0; i < 8; ++i) {
            s.poll();
            QTest::qWait(120); // a recorded pace of ~120 ms
        }
    }
    auto owned = std::make_unique<ReplaySource>(path);
    QVERIFY(owned->open().ok());
    ReplaySource *replay = owned.get();
    Poller poller(std::move(owned));
    std::unique_ptr<ReplayControls> owner(ReplayDriver::createControls(*replay, nullptr));
    ReplayControls &controls = *owner;
    new ReplayDriver(replay, &poller, &controls);
    QSignalSpy spy(&poller, &Poller::snapshotReady);
    controls.setSpeed(1.0);
    QVERIFY(poller.intervalMs() >= Poller::MinIntervalMs);
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(replay->shownFrame() >= 3, 10000);

    controls.setPlaying(false);
    QVERIFY(poller.isPaused());
    QTRY_VERIFY(!poller.isPolling());
    const int at = replay->shownFrame();
    controls.step(-1);
    QTRY_COMPARE(replay->shownFrame(), at - 1);
    controls.step(1);
    QTRY_COMPARE(replay->shownFrame(), at);
    controls.seek(7);
    QTRY_COMPARE(replay->shownFrame(), 7);
    QTRY_COMPARE(controls.shownFrame(), 7); // the timeline follows the snapshot
    controls.seek(0);
    QTRY_COMPARE(replay->shownFrame(), 0);

    controls.setSpeed(20.0); // ~6 ms per frame wanted: the poller stays at >= 100 ms and skips frames
    QVERIFY(poller.intervalMs() >= Poller::MinIntervalMs);
    controls.setSpeed(0.1);
    QVERIFY(poller.intervalMs() >= 1000);

    controls.resize(640, controls.sizeHint().height());
    const QImage img = controls.grab().toImage();
    QVERIFY(!img.isNull());
    img.save(dir.filePath(QStringLiteral("controls.png")));
    if (!qEnvironmentVariableIsEmpty("TCPSCOPE_SHOT_DIR"))
        img.save(qEnvironmentVariable("TCPSCOPE_SHOT_DIR") + QStringLiteral("/replaycontrols.png"));
}

QTEST_MAIN(TestReplayControls)
#include "tst_replaycontrols.moc"
