// The lesson player: stepping, bounds, play to the end, speed; states follow the lesson's steps.
#include "teaching/lessonloader.h"
#include "teaching/lessonplayer.h"
#include "teaching/lessonstatepanel.h"
#include "teaching/lessonwindow.h"
#include "teaching/packetarrowitem.h"
#include "teaching/packetladder.h"

#include <QSignalSpy>
#include <QTest>

class TestLessonPlayer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Q_INIT_RESOURCE(resources); }

    void steppingFollowsTheLesson()
    {
        const Expected<Lesson> lesson = LessonLoader::load(QStringLiteral("active-close"));
        QVERIFY(lesson.ok());
        LessonPlayer p;
        p.setLesson(*lesson);
        QCOMPARE(p.step(), -1);
        QCOMPARE(p.clientState(), TcpState::Established);
        QSignalSpy spy(&p, &LessonPlayer::stepChanged);
        p.stepBack(); // already before the first step: nothing happens
        QCOMPARE(spy.count(), 0);
        p.stepForward();
        QCOMPARE(p.clientState(), TcpState::FinWait1);
        QCOMPARE(p.serverState(), TcpState::CloseWait);
        p.seek(100);
        QVERIFY(p.atEnd());
        QCOMPARE(p.clientState(), TcpState::Close);
        p.stepBack();
        QCOMPARE(p.clientState(), TcpState::TimeWait);
        p.restart();
        QCOMPARE(p.step(), -1);
        QCOMPARE(spy.count(), 4);
    }

    void playsEveryLessonToTheEnd_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : LessonLoader::builtinIds())
            QTest::newRow(qPrintable(id)) << id;
    }

    void playsEveryLessonToTheEnd()
    {
        QFETCH(QString, id);
        const Expected<Lesson> lesson = LessonLoader::load(id);
        QVERIFY(lesson.ok());
        LessonPlayer p;
        p.setLesson(*lesson);
        int steps = 0;
        while (!p.atEnd() && steps < 100) {
            p.stepForward();
            ++steps;
            QVERIFY(!p.lesson().steps.at(p.step()).narration.isEmpty());
        }
        QCOMPARE(steps, int(lesson->steps.size()));
    }

    void playStopsAtTheEnd()
    {
        const Expected<Lesson> lesson = LessonLoader::load(QStringLiteral("rst-abort"));
        QVERIFY(lesson.ok());
        LessonPlayer p;
        p.setLesson(*lesson);
        p.setSpeed(8.0); // 500 ms a step
        QSignalSpy playing(&p, &LessonPlayer::playingChanged);
        p.play();
        QVERIFY(p.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(!p.isPlaying(), 10000);
        QVERIFY(p.atEnd());
        QCOMPARE(p.step(), int(lesson->steps.size()) - 1);
        QCOMPARE(playing.count(), 2);
        p.play(); // playing a finished lesson starts again from the top
        QCOMPARE(p.step(), -1);
        QVERIFY(p.isPlaying());
    }

    void windowShowsLadderAndLitStates()
    {
        LessonWindow w;
        QVERIFY(w.openLesson(QStringLiteral("simultaneous-close")).ok());
        QVERIFY(!w.openLesson(QStringLiteral("nope")).error().isEmpty());
        auto *ladder = w.findChild<PacketLadder *>();
        auto *states = w.findChild<LessonStatePanel *>();
        QVERIFY(ladder && states);
        QCOMPARE(ladder->packetItems().size(), 0);
        QSignalSpy lit(&w, &LessonWindow::statesChanged);
        w.player()->seek(0); // both FINs leave, still in flight: drawn halfway
        QCOMPARE(ladder->packetItems().size(), 2);
        for (QGraphicsItem *i : ladder->packetItems())
            QCOMPARE(static_cast<PacketArrowItem *>(i)->progress(), 0.5);
        QCOMPARE(states->clientState(), TcpState::FinWait1);
        w.player()->seek(1);
        QCOMPARE(ladder->packetItems().size(), 4);
        QCOMPARE(states->clientState(), TcpState::Closing);
        QCOMPARE(states->serverState(), TcpState::Closing);
        QCOMPARE(lit.count(), 2);
        QCOMPARE(lit.last().at(0).value<TcpState>(), TcpState::Closing);
        w.setPresentation(true);
        QVERIFY(w.isPresentation());
        const QImage shot = w.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.width() >= 800);
    }

    void speedIsClamped()
    {
        LessonPlayer p;
        p.setSpeed(100);
        QCOMPARE(p.speed(), 8.0);
        p.setSpeed(0);
        QCOMPARE(p.speed(), 0.25);
    }
};

QTEST_MAIN(TestLessonPlayer)
#include "tst_lessonplayer.moc"
