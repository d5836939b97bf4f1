// The SSH source against a real sshd inside a private network namespace: what it shows must be
// exactly that namespace's sockets and tunables; a killed sshd is reported and reconnected; no
// remote shell loop outlives the client. Root only (sshd must run as root to log in as root).
#include "core/sshtarget.h"
#include "sources/local/procsource.h"
#include "sources/local/tunablesreader.h"
#include "sources/remote/sshchannel.h"
#include "sources/remote/sshscript.h"
#include "sources/remote/streamsource.h"
#include "teaching/loopbacklab.h"
#include "testmain.h"
#include "testsshd.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// Remote shell loops anywhere on this machine: argv is ["sh", "-c", "TCPSCOPE_LOOP=1 ..."].
// "net:[4026531833]": the namespace a process is in (readlink, since QFile makes the target a path).
QByteArray netNamespaceOf(const QString &pid)
{
    char buf[64] = {};
    const ssize_t n
        = ::readlink(QFile::encodeName(QStringLiteral("/proc/%1/ns/net").arg(pid)).constData(), buf, sizeof buf - 1);
    return n > 0 ? QByteArray(buf, int(n)) : QByteArray();
}

int remoteLoops()
{
    // Only this test's namespace: other runs of the suite on the same machine have loops of their own.
    // A loop's $(...) subshells carry the same command line for a moment: count only the top shells.
    const QByteArray ownNet = netNamespaceOf(QStringLiteral("self"));
    QMap<QString, QString> loops; // pid -> parent pid
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList({ QStringLiteral("[0-9]*") }, QDir::Dirs);
    for (const QString &pid : pids) {
        if (netNamespaceOf(pid) != ownNet)
            continue;
        const QList<QByteArray> argv = TestSshd::cmdline(pid);
        if (argv.size() >= 3 && argv[0].endsWith("sh") && argv[1] == "-c" && argv[2].startsWith(SshScript::Marker)) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            const QByteArray text = stat.open(QIODevice::ReadOnly) ? stat.readAll() : QByteArray();
            // "pid (comm) state ppid ...": the ppid follows the last ')'.
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            loops.insert(pid, QString::fromLatin1(fields.value(1)));
        }
    }
    int n = 0;
    for (auto it = loops.cbegin(); it != loops.cend(); ++it)
        n += loops.contains(it.value()) ? 0 : 1;
    return n;
}

} // namespace

class TestSshSource : public QObject
{
    Q_OBJECT
private:
    TestSshd m_sshd;
    LoopbackLab m_lab;
    LoopbackLab m_lab6 { AddressFamily::IPv6 };
    QString path(const char *name) const { return m_sshd.path(name); }
    QString target() const { return m_sshd.target(); }
    static bool run(const QString &program, const QStringList &args, QByteArray *out = nullptr, int *code = nullptr,
        QByteArray *err = nullptr)
    {
        return TestSshd::run(program, args, out, code, err);
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void hostValidation_data();
    void hostValidation();
    void snapshotShowsExactlyTheNamespace();
    void failuresAreExplained();
    void compressPassesDashC();
    void reconnectsAfterSshdDies();
};

void TestSshSource::initTestCase()
{
    TCPSCOPE_REQUIRE_SSHD(m_sshd);

    // Known sockets in ESTABLISHED, TIME_WAIT, CLOSE_WAIT and FIN_WAIT2 (the lab listener's port tells them apart).
    Status made = m_lab.listen().status();
    if (made.ok())
        made = m_lab.established(2);
    if (made.ok())
        made = m_lab.clientClosesFirst(2); // 2 TIME_WAIT
    if (made.ok())
        made = m_lab.halfClosed(2, false); // 2 CLOSE_WAIT + 2 FIN_WAIT2
    QVERIFY2(made.ok(), qPrintable(made.error()));
    // IPv6 too, so /proc/net/tcp6 is carried and decoded (::1 is up with lo in the namespace).
    made = m_lab6.listen().status();
    if (made.ok())
        made = m_lab6.established(1);
    if (made.ok())
        made = m_lab6.clientClosesFirst(1);
    QVERIFY2(made.ok(), qPrintable(made.error()));
}

void TestSshSource::cleanupTestCase()
{
    if (m_sshd.running())
        m_sshd.kill();
}

void TestSshSource::hostValidation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("host") << "db1" << true << "db1";
    QTest::newRow("user@host:port") << "root@127.0.0.1:2222" << true << "root@127.0.0.1:2222";
    QTest::newRow("v6") << "me@[::1]:22" << true << "me@[::1]:22";
    QTest::newRow("option") << "-oProxyCommand=touch /tmp/x" << false << "";
    QTest::newRow("option after user") << "me@-oProxyCommand=x" << false << "";
    QTest::newRow("shell") << "db1;reboot" << false << "";
    QTest::newRow("space") << "db1 -p 1" << false << "";
    QTest::newRow("backtick") << "`id`" << false << "";
    QTest::newRow("port range") << "db1:70000" << false << "";
    QTest::newRow("empty") << "" << false << "";
}

void TestSshSource::hostValidation()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, canonical);
    const Expected<SshTarget> parsed = SshTarget::parse(text);
    QCOMPARE(parsed.ok(), ok);
    if (!ok)
        return;
    const SshTarget &t = *parsed;
    QCOMPARE(t.toString(), canonical);
    const QStringList args = t.sshArguments(QStringLiteral("/cfg"), QStringLiteral("cmd"));
    QCOMPARE(args.at(args.size() - 3), QStringLiteral("--")); // nothing after "--" is an option
    QCOMPARE(args.at(args.size() - 2), t.host);
    QVERIFY(args.contains(QStringLiteral("BatchMode=yes")));
}

void TestSshSource::snapshotShowsExactlyTheNamespace()
{
    QByteArray out, err;
    int code = -1;
    QVERIFY(run(QStringLiteral(TCPSCOPE_BINARY),
        { QStringLiteral("--snapshot"), QStringLiteral("--json"), QStringLiteral("--sockets"), QStringLiteral("--ssh"),
            target(), QStringLiteral("--ssh-config"), path("ssh_config") },
        &out, &code, &err));
    QVERIFY2(code == 0, err.constData());
    const QJsonObject j = QJsonDocument::fromJson(out).object();
    QCOMPARE(j.value(QStringLiteral("source")).toString(), QStringLiteral("ssh ") + target());

    // Every socket is the lab's or sshd's; the lab's match the namespace exactly.
    const QString lab = QStringLiteral(":%1").arg(m_lab.lastListenPort());
    const QString lab6 = QStringLiteral("]:%1").arg(m_lab6.lastListenPort());
    auto isLab = [&](const QString &a) { return a.endsWith(lab) || a.endsWith(lab6); };
    const QString sshd = QStringLiteral(":%1").arg(m_sshd.port());
    QMap<QString, int> labStates, sshdStates;
    QSet<QString> remoteLab;
    for (const QJsonValue &v : j.value(QStringLiteral("sockets")).toArray()) {
        const QJsonObject s = v.toObject();
        const QString local = s.value(QStringLiteral("local")).toString();
        const QString remote = s.value(QStringLiteral("remote")).toString();
        const QString state = s.value(QStringLiteral("state")).toString();
        if (isLab(local) || isLab(remote)) {
            ++labStates[state];
            // Owners over ssh (the @owners section): the lab's live sockets are this test process's.
            const QJsonObject process = s.value(QStringLiteral("process")).toObject();
            if (state == QLatin1String("LISTEN") || state == QLatin1String("ESTABLISHED"))
                QCOMPARE(process.value(QStringLiteral("pid")).toInt(), int(::getpid()));
            remoteLab.insert(local + QLatin1Char(' ') + remote + QLatin1Char(' ') + state);
        } else if (local.endsWith(sshd) || remote.endsWith(sshd)) {
            ++sshdStates[state];
        } else {
            QFAIL(qPrintable(QStringLiteral("socket from outside the namespace: %1 %2").arg(local, remote)));
        }
    }
    const QMap<QString, int> expected { { QStringLiteral("LISTEN"), 2 }, { QStringLiteral("ESTABLISHED"), 6 },
        { QStringLiteral("TIME_WAIT"), 3 }, { QStringLiteral("CLOSE_WAIT"), 2 }, { QStringLiteral("FIN_WAIT2"), 2 } };
    QCOMPARE(labStates, expected);
    const QJsonObject owners = j.value(QStringLiteral("owners")).toObject();
    QCOMPARE(owners.value(QStringLiteral("otherUsers")).toInt(), 0); // logged in as root
    QVERIFY(owners.value(QStringLiteral("known")).toInt() >= 10);
    // sshd: its listener and exactly our one session (both ends); earlier sessions only in TIME_WAIT.
    QCOMPARE(sshdStates.value(QStringLiteral("LISTEN")), 1);
    QCOMPARE(sshdStates.value(QStringLiteral("ESTABLISHED")), 2);
    QCOMPARE(sshdStates.size() - sshdStates.contains(QStringLiteral("TIME_WAIT")), 2);

    // The same sockets as this process sees locally in the namespace.
    const Snapshot local = ProcSource().poll();
    QSet<QString> localLab;
    for (const SocketEntry &s : local.sockets())
        if (isLab(s.localText()) || isLab(s.remoteText()))
            localLab.insert(
                s.localText() + QLatin1Char(' ') + s.remoteText() + QLatin1Char(' ') + TcpStates::kernelName(s.state));
    QCOMPARE(remoteLab, localLab);
    const QJsonObject v6
        = j.value(QStringLiteral("countsByFamily")).toObject().value(QStringLiteral("ipv6")).toObject();
    QCOMPARE(v6.value(QStringLiteral("ESTABLISHED")).toInt(), 2);
    QCOMPARE(v6.value(QStringLiteral("LISTEN")).toInt(), 1);

    // Tunables: the namespace's own values, as read here.
    const QJsonObject tun = j.value(QStringLiteral("tunables")).toObject();
    const Tunables here = TunablesReader::read(QStringLiteral("/proc"));
    QVERIFY(!here.isEmpty());
    for (const QString &name : here.names())
        QCOMPARE(tun.value(name).toString(), here.value(name).simplified());
    QCOMPARE(j.value(QStringLiteral("kernel")).toString(), TunablesReader::readKernelRelease(QStringLiteral("/proc")));
    // The client has exited: its loop on the server must be gone too.
    QVERIFY2(TestSshd::waitFor([] { return remoteLoops() == 0; }, 5000), "a tcpscope shell loop outlived the client");
}

void TestSshSource::failuresAreExplained()
{
    struct Case
    {
        QString config;
        QString target;
        QString expect;
    };
    // No key offered; a strict known_hosts that lacks the host key; a port nobody listens on.
    const QString noKey = m_sshd.writeFile("nokey_config",
        QStringLiteral("Host *\n  IdentityFile %1\n  IdentitiesOnly yes\n  UserKnownHostsFile %2\n"
                       "  GlobalKnownHostsFile /dev/null\n  StrictHostKeyChecking accept-new\n")
            .arg(path("missing-key"), path("known_hosts")));
    const QString strict = m_sshd.writeFile("strict_config",
        QStringLiteral("Host *\n  IdentityFile %1\n  UserKnownHostsFile %2\n  GlobalKnownHostsFile /dev/null\n"
                       "  StrictHostKeyChecking yes\n")
            .arg(path("clientkey"), path("empty_known_hosts")));
    const QList<Case> cases {
        { noKey, target(), QStringLiteral("ssh-add") },
        { strict, target(), QStringLiteral("host key") },
        { path("ssh_config"), QStringLiteral("root@127.0.0.1:%1").arg(TestSshd::freePort()),
            QStringLiteral("connection refused") },
    };
    for (const Case &c : cases) {
        QByteArray out, err;
        int code = 0;
        QVERIFY(run(QStringLiteral(TCPSCOPE_BINARY),
            { QStringLiteral("--snapshot"), QStringLiteral("--ssh"), c.target, QStringLiteral("--ssh-config"),
                c.config },
            &out, &code, &err));
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(c.expect.toUtf8()), err.constData());
    }
    const SshTarget t = *SshTarget::parse(target());
    SshChannel missing(t, QString(), 1000, QStringLiteral("/nonexistent/ssh"));
    QVERIFY(missing.open().error().contains(QLatin1String("openssh-client")));
}

void TestSshSource::compressPassesDashC()
{
    // A stand-in for ssh that writes its arguments, one a line, and exits.
    const QString argsFile = path("ssh-args");
    const QString fake = m_sshd.writeFile("fake-ssh", QStringLiteral("#!/bin/sh\nprintf '%s\\n' \"$@\" > %1\n").arg(argsFile));
    QFile::setPermissions(fake, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const SshTarget t = *SshTarget::parse(target());
    for (const bool compress : { false, true }) {
        QFile::remove(argsFile);
        SshChannel channel(t, QString(), 1000, fake);
        channel.setCompress(compress);
        QVERIFY(channel.open().ok());
        char buffer[64];
        QElapsedTimer timer;
        timer.start();
        while (channel.read(buffer, sizeof buffer, 200) >= 0 && timer.elapsed() < 10000) { }
        QFile f(argsFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList args = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        QCOMPARE(args.contains(QStringLiteral("-C")), compress);
        if (compress) // an option: before the "--" that ends them
            QVERIFY(args.indexOf(QStringLiteral("-C")) < args.indexOf(QStringLiteral("--")));
    }
}

void TestSshSource::reconnectsAfterSshdDies()
{
    // Loops of the earlier tests' sessions end by themselves at their next write (within a poll interval).
    QVERIFY2(TestSshd::waitFor([] { return remoteLoops() == 0; }, 5000), "a shell loop outlived its ssh session");
    const Expected<SshTarget> parsed = SshTarget::parse(target());
    QVERIFY(parsed.ok());
    const SshTarget &t = *parsed;
    StreamSource::Options o;
    o.frameTimeoutMs = 3000;
    o.maxBackoffMs = 2000;
    auto source = std::make_unique<StreamSource>(std::make_unique<SshChannel>(t, path("ssh_config"), 300), o);
    Snapshot s = source->poll();
    QVERIFY2(s.isValid(), qPrintable(s.status().error()));
    QVERIFY(!s.gapBefore());
    QCOMPARE(s.count(TcpState::CloseWait), 2);
    s = source->poll();
    QVERIFY2(s.isValid(), qPrintable(s.status().error()));
    QCOMPARE(remoteLoops(), 1); // one persistent session, not one per poll

    m_sshd.kill();
    // The loss is reported; the orphaned loop on the "server" ends by itself.
    bool reported = false;
    for (int i = 0; i < 10 && !reported; ++i) {
        s = source->poll();
        reported = !s.isValid();
    }
    QVERIFY(reported);
    QVERIFY2(s.status().error().contains(QLatin1String("reconnecting")), qPrintable(s.status().error()));
    QVERIFY2(TestSshd::waitFor([] { return remoteLoops() == 0; }, 5000), "the shell loop outlived its sshd");
    s = source->poll();
    QVERIFY(!s.isValid());
    QVERIFY2(s.status().error().contains(QLatin1String("reconnecting")), qPrintable(s.status().error()));

    QVERIFY(m_sshd.start());
    bool back = false;
    QElapsedTimer clock;
    clock.start();
    while (!back && clock.elapsed() < 30000) {
        s = source->poll();
        back = s.isValid();
        if (!back)
            QThread::msleep(200);
    }
    QVERIFY2(back, qPrintable(s.status().error()));
    QVERIFY(s.gapBefore()); // the history marks the hole
    QCOMPARE(s.count(TcpState::CloseWait), 2);
    QCOMPARE(remoteLoops(), 1);
    source.reset(); // the window closes
    QVERIFY2(TestSshd::waitFor([] { return remoteLoops() == 0; }, 5000), "a tcpscope shell loop outlived the client");
}

TCPSCOPE_TEST_MAIN(TestSshSource, QCoreApplication, TestMain::Isolated)

#include "tst_sshsource.moc"
