// Every built-in lesson loads, and each of its steps is a legal move of the TCP state machine.
#include "core/tcpstatemachine.h"
#include "fixture.h"
#include "teaching/lessonloader.h"
#include "teaching/lessontext.h"
#include "teaching/lessonvalidator.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

class TestLessons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Q_INIT_RESOURCE(resources); }

    void everyRequiredLessonExists()
    {
        const QStringList ids = LessonLoader::builtinIds();
        const QStringList required = { QStringLiteral("three-way-handshake"), QStringLiteral("active-close"),
            QStringLiteral("passive-close"), QStringLiteral("simultaneous-close"), QStringLiteral("half-close"),
            QStringLiteral("rst-abort"), QStringLiteral("why-time-wait"), QStringLiteral("server-closes-first"),
            QStringLiteral("ephemeral-port-exhaustion"), QStringLiteral("tcp-tw-reuse"),
            QStringLiteral("tcp-tw-recycle-nat"), QStringLiteral("bsd-time-wait") };
        for (const QString &id : required)
            QVERIFY2(ids.contains(id), qPrintable(id));
        QCOMPARE(ids.constFirst(), QStringLiteral("three-way-handshake"));
    }

    void lessonIsSound_data()
    {
        QTest::addColumn<QString>("id");
        const QStringList files = QDir(LessonLoader::builtinDirectory()).entryList({ QStringLiteral("*.json") });
        QVERIFY(files.size() >= 12);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f.chopped(5);
    }

    void lessonIsSound()
    {
        QFETCH(QString, id);
        const Expected<Lesson> lesson = LessonLoader::load(id);
        QVERIFY2(lesson.ok(), qPrintable(lesson.error()));
        const QStringList problems = LessonValidator::check(*lesson);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // Walk the lesson as the player does: every step's state pair follows from the previous one.
        TcpState c = lesson->clientStart;
        TcpState s = lesson->serverStart;
        for (const LessonStep &step : lesson->steps) {
            QVERIFY(c == step.client || TcpStateMachine::isLegal(c, step.client));
            QVERIFY(s == step.server || TcpStateMachine::isLegal(s, step.server));
            c = step.client;
            s = step.server;
        }
    }

    void closingLessonsVisitTheirStates_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<TcpState>("state");
        QTest::newRow("active") << QStringLiteral("active-close") << TcpState::TimeWait;
        QTest::newRow("passive") << QStringLiteral("passive-close") << TcpState::LastAck;
        QTest::newRow("simultaneous") << QStringLiteral("simultaneous-close") << TcpState::Closing;
        QTest::newRow("half") << QStringLiteral("half-close") << TcpState::FinWait2;
    }

    void closingLessonsVisitTheirStates()
    {
        QFETCH(QString, id);
        QFETCH(TcpState, state);
        const Expected<Lesson> lesson = LessonLoader::load(id);
        QVERIFY(lesson.ok());
        bool seen = false;
        for (const LessonStep &s : lesson->steps)
            seen = seen || s.client == state || s.server == state;
        QVERIFY(seen);
    }

    // Facts a kernel networking review corrected; each row names the primary source the text follows.
    void reviewedFacts_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("mustSay");
        QTest::addColumn<QStringList>("mustNotSay");
        const auto row = [](const char *id, QStringList say, QStringList not_) {
            QTest::newRow(id) << QString::fromLatin1(id) << say << not_;
        };
        // RFC 4254 §5.3: ssh ends input with SSH_MSG_CHANNEL_EOF, not a TCP FIN.
        row("half-close", { QStringLiteral("rsh host sort < file"), QStringLiteral("SSH_MSG_CHANNEL_EOF") },
            { QStringLiteral("This is how \"ssh host") });
        // net/ipv4/tcp_minisocks.c tcp_timewait_state_process; /proc/slabinfo tw_sock_TCP.
        row("server-closes-first",
            { QStringLiteral("PAWS does not reject it and"),
                QStringLiteral("older TSval is refused even with a higher sequence number"),
                QStringLiteral("Linux 7.0"), QStringLiteral("port-randomising NAT"),
                QStringLiteral("256-byte tw_sock_TCP"), QStringLiteral("PAWSTimewait") },
            { QStringLiteral("accepts it because its sequence number") });
        // commit 79e9fed46038 (4.18); tcp_twsk_unique before and after 6.14.
        row("tcp-tw-reuse",
            { QStringLiteral("up to 4.17"), QStringLiteral("since Linux 4.18"),
                QStringLiteral("counted from the entry into TIME-WAIT"),
                QStringLiteral("ktime_get_seconds() > tw_ts_recent_stamp"), QStringLiteral("timestamps on both ends"),
                QStringLiteral("only if tw_ts_recent_stamp is set"), QStringLiteral("Windows") },
            { QStringLiteral("since its last timestamp") });
        // RFC 1337; tcp_minisocks.c tcp_timewait_state_process kills TIME-WAIT on an RST unless tcp_rfc1337 = 1.
        row("why-time-wait",
            { QStringLiteral("TIME-WAIT assassination"), QStringLiteral("net.ipv4.tcp_rfc1337 = 0, the Linux default"),
                QStringLiteral("With tcp_rfc1337 = 1 the RST is ignored"), QStringLiteral("ECONNRESET") },
            { QStringLiteral("the server application would see an error") });
        // FreeBSD 14.0 release notes: nolocaltimewait defaults to 1.
        row("bsd-time-wait", { QStringLiteral("FreeBSD 14.0"), QStringLiteral("nolocaltimewait=1") }, {});
        // The loopback lab: the client ACKs the server's FIN, so only the client passes CLOSING.
        row("simultaneous-close",
            { QStringLiteral("only the client passes CLOSING"), QStringLiteral("holds the client's FIN back") },
            { QStringLiteral("shows this on the real kernel") });
        // RFC 9293 §3.10.5 is ABORT; §3.10.7 is SEGMENT ARRIVES.
        row("rst-abort", { QStringLiteral("RFC 9293 §3.10.5; socket(7)") },
            { QStringLiteral("RFC 9293 §3.10.7; socket(7)") });
        // inet_csk_get_port / __inet_hash_connect / tcp_twsk_unique; ip(7) IP_BIND_ADDRESS_NO_PORT.
        row("ephemeral-port-exhaustion",
            { QStringLiteral("bind() before connect()"), QStringLiteral("lost to every destination"),
                QStringLiteral("whatever tcp_tw_reuse says"), QStringLiteral("(or both SO_REUSEPORT)"),
                QStringLiteral("setsockopt(IP_BIND_ADDRESS_NO_PORT) (Linux 4.2"),
                QStringLiteral("IP_LOCAL_PORT_RANGE (Linux 6.3") },
            {});
    }

    void reviewedFacts()
    {
        QFETCH(QString, id);
        QFETCH(QStringList, mustSay);
        QFETCH(QStringList, mustNotSay);
        const Expected<Lesson> lesson = LessonLoader::load(id, LessonText::english());
        QVERIFY(lesson.ok());
        QString text = lesson->summary + QLatin1Char('\n') + lesson->references.join(QLatin1Char('\n'));
        for (const LessonStep &s : lesson->steps)
            text += QLatin1Char('\n') + s.narration + QLatin1Char('\n') + s.reference;
        for (const QString &m : mustSay)
            QVERIFY2(text.contains(m), qPrintable(id + QStringLiteral(": missing ") + m));
        for (const QString &m : mustNotSay)
            QVERIFY2(!text.contains(m), qPrintable(id + QStringLiteral(": still says ") + m));
    }

    // RFC 1337: the server's RST ends the client's TIME-WAIT early; the step says which tcp_rfc1337 does that.
    void rstAssassinatesTimeWait()
    {
        const Expected<Lesson> lesson = LessonLoader::load(QStringLiteral("why-time-wait"), LessonText::english());
        QVERIFY(lesson.ok());
        bool seen = false;
        for (int i = 1; i < lesson->steps.size(); ++i) {
            const LessonStep &s = lesson->steps.at(i);
            const bool rst = std::any_of(s.packets.cbegin(), s.packets.cend(), [](const LessonPacket &p) {
                return p.from == LessonPacket::Endpoint::Server && p.flags.contains(QLatin1String("RST"));
            });
            if (rst && lesson->clientAt(i - 1) == TcpState::TimeWait && s.client == TcpState::Close) {
                QVERIFY(s.narration.contains(QLatin1String("tcp_rfc1337 = 0")));
                QVERIFY(s.narration.contains(QLatin1String("tcp_rfc1337 = 1")));
                seen = true;
            }
        }
        QVERIFY(seen);
        // The lesson still ends with both ends closed, and the summary names the sysctl.
        QCOMPARE(lesson->steps.constLast().client, TcpState::Close);
        QVERIFY(lesson->summary.contains(QLatin1String("tcp_rfc1337")));
    }

    // The lab reaches CLOSING on the client only; the summary must not promise both ends.
    void simultaneousSummaryKeepsTheLabApart()
    {
        const Expected<Lesson> lesson = LessonLoader::load(QStringLiteral("simultaneous-close"), LessonText::english());
        QVERIFY(lesson.ok());
        QVERIFY(lesson->summary.contains(QLatin1String("only the client passes CLOSING")));
    }

    void rstLeavesNoTimeWait()
    {
        const Expected<Lesson> lesson = LessonLoader::load(QStringLiteral("rst-abort"));
        QVERIFY(lesson.ok());
        for (const LessonStep &s : lesson->steps)
            QVERIFY(s.client != TcpState::TimeWait && s.server != TcpState::TimeWait);
    }

    void illegalStepIsRejected()
    {
        const QByteArray json = R"({"title":"t","summary":"s","references":["RFC 9293"],
            "start":{"client":"ESTABLISHED","server":"ESTABLISHED"},
            "steps":[{"title":"bad","client":"TIME-WAIT","server":"ESTABLISHED","narration":"n","reference":"r",
                      "packets":[{"from":"client","flags":"FIN,BOGUS"}]}]})";
        const Expected<Lesson> lesson = LessonLoader::parse(json, QStringLiteral("bad"));
        QVERIFY2(lesson.ok(), qPrintable(lesson.error()));
        const QStringList problems = LessonValidator::check(*lesson);
        QCOMPARE(problems.size(), 2);
        QVERIFY(problems.at(0).contains(QLatin1String("ESTABLISHED -> TIME-WAIT")));
        QVERIFY(problems.at(1).contains(QLatin1String("BOGUS")));
    }

    void commandLineListsAndOpensLessons()
    {
        QProcess list;
        list.start(QStringLiteral(TCPSCOPE_BINARY), { QStringLiteral("--list-lessons") });
        QVERIFY(list.waitForFinished(10000));
        QCOMPARE(list.exitCode(), 0);
        const QString out = QString::fromUtf8(list.readAllStandardOutput());
        for (const QString &id : LessonLoader::builtinIds())
            QVERIFY2(out.contains(id), qPrintable(id));

        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("lesson.png"));
        QProcess shot;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        shot.setProcessEnvironment(env);
        shot.start(QStringLiteral(TCPSCOPE_BINARY),
            { QStringLiteral("--lesson"), QStringLiteral("active-close"), QStringLiteral("--screenshot"), png });
        QVERIFY(shot.waitForFinished(20000));
        QCOMPARE(shot.exitCode(), 0);
        QFile f(png);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(4) == QByteArray("\x89PNG"));

        QProcess bad;
        bad.start(QStringLiteral(TCPSCOPE_BINARY), { QStringLiteral("--lesson"), QStringLiteral("no-such") });
        QVERIFY(bad.waitForFinished(10000));
        QCOMPARE(bad.exitCode(), 2);
    }

    void badInputIsAnError()
    {
        const Expected<Lesson> notJson = LessonLoader::parse("{", QStringLiteral("x"));
        QVERIFY(!notJson.ok());
        QVERIFY(!notJson.error().isEmpty());
        QVERIFY(!LessonLoader::parse(R"({"start":{"client":"NOPE","server":"LISTEN"}})", QStringLiteral("x")).ok());
        // seq = -5001 once reached a double -> quint32 conversion (UB; fuzz_lesson regression input).
        QFile crash(Fixture::path(QStringLiteral("../fuzz/regressions/fuzz_lesson/negative-seq.json")));
        QVERIFY(crash.open(QIODevice::ReadOnly));
        const Expected<Lesson> negative = LessonLoader::parse(crash.readAll(), QStringLiteral("x"));
        QVERIFY(!negative.ok());
        QVERIFY(!negative.error().isEmpty());
        const Expected<Lesson> missing = LessonLoader::load(QStringLiteral("no-such-lesson"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().contains(QLatin1String("--list-lessons")));
        // A huge file (a log picked by mistake) is refused without reading it all.
        QTemporaryDir tmp;
        QFile big(tmp.filePath(QStringLiteral("big.json")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write(QByteArray(LessonLoader::MaxFileBytes + 1, ' '));
        big.close();
        const Expected<Lesson> tooBig = LessonLoader::loadFile(big.fileName());
        QVERIFY(!tooBig.ok());
        QVERIFY2(tooBig.error().contains(QLatin1String("larger than")), qPrintable(tooBig.error()));
    }
};

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
