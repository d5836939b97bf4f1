#include "parse/procpidparser.h"

#include <QTest>

// The /proc/PID file parsers (proc(5)) on text as the kernel writes it.
class TestProcPidParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stat()
    {
        // comm with a space and a ')' (fs/proc/array.c prints it raw); starttime is field 22.
        const QByteArray line = "4242 (tcps )x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 "
                                "12345678 200 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
        const auto s = ProcPidParser::stat(line);
        QVERIFY(s);
        QCOMPARE(s->comm, QStringLiteral("tcps )x"));
        QCOMPARE(s->startTicks, quint64(987654));
        QVERIFY(!ProcPidParser::stat("4242 (cut"));
        QVERIFY(!ProcPidParser::stat("4242 (short) S 1 2 3"));
    }

    void socketInode()
    {
        QCOMPARE(ProcPidParser::socketInode("socket:[12345]"), quint64(12345));
        QCOMPARE(ProcPidParser::socketInode("pipe:[12345]"), quint64(0));
        QCOMPARE(ProcPidParser::socketInode("/dev/null"), quint64(0));
        QCOMPARE(ProcPidParser::socketInode("socket:[x]"), quint64(0));
    }

    void unit_data()
    {
        QTest::addColumn<QByteArray>("cgroup");
        QTest::addColumn<QString>("unit");
        QTest::newRow("service") << QByteArray("0::/system.slice/nginx.service\n") << QStringLiteral("nginx.service");
        QTest::newRow("user app") << QByteArray("0::/user.slice/user-1000.slice/user@1000.service/app.slice/"
                                                "app-org.gnome.Terminal.slice/vte-spawn-1.scope\n")
                                  << QStringLiteral("vte-spawn-1.scope");
        const QByteArray id = "4f9a1c2b3d4e5f60718293a4b5c6d7e8f90123456789abcdef0123456789abcd";
        QTest::newRow("docker systemd") << QByteArray("0::/system.slice/docker-" + id + ".scope\n")
                                        << QStringLiteral("docker-4f9a1c2b3d4e");
        QTest::newRow("docker cgroupfs v1")
            << QByteArray("12:pids:/docker/" + id + "\n1:name=systemd:/docker/" + id + "\n")
            << QStringLiteral("docker-4f9a1c2b3d4e");
        QTest::newRow("podman") << QByteArray("0::/machine.slice/libpod-" + id + ".scope/container\n")
                                << QStringLiteral("podman-4f9a1c2b3d4e");
        QTest::newRow("v1 named systemd")
            << QByteArray("3:cpu:/\n1:name=systemd:/system.slice/sshd.service\n") << QStringLiteral("sshd.service");
        QTest::newRow("root cgroup") << QByteArray("0::/\n") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }
    void unit()
    {
        QFETCH(QByteArray, cgroup);
        QFETCH(QString, unit);
        QCOMPARE(ProcPidParser::unit(cgroup), unit);
    }
};

QTEST_APPLESS_MAIN(TestProcPidParser)
#include "tst_procpidparser.moc"
