// The server-side sh loop, run here with the system sh: it writes valid frames on Linux, takes the
// BSD branch when uname says so (fake uname/netstat/sysctl on PATH), and exits by itself when
// its reader goes away, which is what leaves nothing behind on a server.
#include "busyboxtools.h"
#include "namedchild.h"
#include "sources/remote/sshscript.h"
#include "stream/streamframedecoder.h"
#include "stream/streamframereader.h"
#include "stream/streamowners.h"
#include "stream/streamtable.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <grp.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace {
bool readFrames(QProcess &p, StreamFrameReader &r, int want, int ms)
{
    QElapsedTimer t;
    t.start();
    int got = 0;
    std::vector<StreamFrame> keep;
    while (got < want && t.elapsed() < ms) {
        p.waitForReadyRead(100);
        r.feed(p.readAllStandardOutput());
        while (r.hasFrame()) {
            keep.push_back(r.takeFrame());
            ++got;
        }
    }
    for (StreamFrame &f : keep) // put them back for the caller, in order
        r.feed(f.text);
    return got >= want;
}

// The last of `frames` frames of the loop run by `shell` (argv), decoded with owners. nested: in a
// shell of its own (": " keeps that shell from exec), so that its parent, which it watches with kill -0,
// is of the same user, as the sshd session is.
Snapshot runLoop(const QStringList &argv, const QString &path, int frames, bool nested = false)
{
    const QString script = SshScript::oneLine(SshScript::loop(100));
    QProcess p;
    if (!path.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), path);
        p.setProcessEnvironment(env);
    }
    p.start(argv.first(),
        argv.mid(1)
            + QStringList { QStringLiteral("-c"), nested ? QStringLiteral("sh -c '%1'; :").arg(script) : script });
    StreamFrameReader r;
    const bool got = readFrames(p, r, frames, 15000);
    p.kill();
    p.waitForFinished();
    if (!got)
        return {};
    // Deltas after the first frame: the table they rebuild is what the reader shows.
    StreamTable table;
    StreamOwners owners;
    Snapshot last;
    while (r.hasFrame()) {
        const StreamFrame f = r.takeFrame();
        ProblemList problems;
        table.feed(f, problems);
        owners.feed(f, problems);
        SnapshotData d = table.data();
        d.problems.append(problems);
        last = owners.attached(Snapshot(std::move(d)));
    }
    return last;
}

// The owner of the listener on `port`; nullptr when none. `why` says which kind of unknown.
const ProcessOwner *ownerOfListener(const Snapshot &s, quint16 port)
{
    for (size_t i = 0; i < s.sockets().size(); ++i) {
        const SocketEntry &e = s.sockets()[i];
        if (e.localPort == port && e.state == TcpState::Listen && s.owners())
            return s.owners()->at(i) ? s.owners()->at(i)->get() : nullptr;
    }
    return nullptr;
}

void writeScript(const QString &path, const QByteArray &body)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write("#!/bin/sh\n" + body);
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}
} // namespace

class TestSshScript : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linuxFrames_data();
    void linuxFrames();
    void bsdBranch();
    void exitsWhenReaderGoes();
    void noSingleQuotes();
    void ownersOfNamedProcesses_data();
    void ownersOfNamedProcesses();
    void unprivilegedSeesOnlyItsOwn();
    void withoutAwkNoOwners();
};

void TestSshScript::linuxFrames_data()
{
    QTest::addColumn<bool>("oneLine");
    QTest::newRow("script") << false;
    QTest::newRow("one line, as sent over ssh") << true;
}

void TestSshScript::linuxFrames()
{
    QProcess p;
    QFETCH(bool, oneLine);
    const QString script = SshScript::loop(100);
    p.start(QStringLiteral("sh"), { QStringLiteral("-c"), oneLine ? SshScript::oneLine(script) : script });
    StreamFrameReader r;
    QVERIFY(readFrames(p, r, 3, 10000));
    p.kill();
    p.waitForFinished();
    qint64 last = 0;
    StreamTable table; // a keyframe, then deltas: the sysctls of the keyframe are kept
    while (r.hasFrame()) {
        ProblemList problems;
        QVERIFY(table.feed(r.takeFrame(), problems));
        const SnapshotData d = table.data();
        QVERIFY2(d.status.ok(), qPrintable(d.status.error()));
        QVERIFY(d.problems.isEmpty() && problems.isEmpty());
        QCOMPARE(d.os, QStringLiteral("Linux"));
        QVERIFY(d.timeMs > last); // millisecond stamps (GNU date %3N) that move forward
        last = d.timeMs;
        QVERIFY(d.tunables.intValue(QStringLiteral("net.ipv4.tcp_fin_timeout")).value_or(0) > 0);
    }
}

void TestSshScript::bsdBranch()
{
    QTemporaryDir bin;
    writeScript(bin.filePath(QStringLiteral("uname")),
        "case \"$1\" in -s) echo FreeBSD;; -n) echo bsdhost;; -r) echo 14.0-RELEASE;; esac\n");
    writeScript(bin.filePath(QStringLiteral("netstat")),
        "echo 'Proto Recv-Q Send-Q Local Address Foreign Address (state)'\n"
        "echo 'tcp4 0 0 127.0.0.1.22 127.0.0.1.51234 ESTABLISHED'\necho '@end'\n");
    writeScript(bin.filePath(QStringLiteral("sysctl")), "echo 'net.inet.tcp.msl: 30000'\n");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), bin.path() + QStringLiteral(":/usr/bin:/bin"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), SshScript::loop(100) });
    StreamFrameReader r;
    QVERIFY(readFrames(p, r, 1, 10000));
    p.kill();
    p.waitForFinished();
    const StreamFrame f = r.takeFrame();
    const auto s = StreamFrameDecoder::split(f);
    QCOMPARE(s.header.value("os"), QByteArray("FreeBSD"));
    QCOMPARE(s.header.value("host"), QByteArray("bsdhost"));
    QVERIFY(!s.hasTcp);
    QVERIFY(s.netstat.contains("127.0.0.1.51234"));
    QVERIFY(s.netstat.endsWith("@end\n")); // escaped on the server as @@end, not a frame end
    QCOMPARE(s.bsdSysctl, QByteArray("net.inet.tcp.msl: 30000\n"));
    QVERIFY(s.header.value("time").endsWith("000") || s.header.value("time").size() >= 13);
}

void TestSshScript::exitsWhenReaderGoes()
{
    // head reads one frame's start and exits, closing the pipe: the loop's next write fails.
    // The pipeline (and so this shell) finishes only when the loop has exited too.
    QProcess p;
    p.start(QStringLiteral("sh"),
        { QStringLiteral("-c"), QStringLiteral("sh -c '%1' | head -c 100 > /dev/null").arg(SshScript::loop(200)) });
    QVERIFY2(p.waitForFinished(10000), "the loop kept running with nobody reading");
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
}

void TestSshScript::noSingleQuotes()
{
    for (int ms : { 100, 250, 1000, 1500, 60000 }) {
        QVERIFY(!SshScript::loop(ms).contains(QLatin1Char('\'')));
        QVERIFY(SshScript::remoteCommand(ms).startsWith(QLatin1String("exec sh -c 'TCPSCOPE_LOOP=1; trap")));
        QVERIFY(!SshScript::remoteCommand(ms).contains(QLatin1Char('\n')));
        QVERIFY(!SshScript::remoteCommand(ms).contains(QLatin1Char('!'))); // csh history expansion
    }
}

void TestSshScript::ownersOfNamedProcesses_data()
{
    QTest::addColumn<bool>("busybox");
    QTest::newRow("sh and awk of the system (dash, mawk)") << false;
    QTest::newRow("busybox sh, awk and ls") << true;
}

void TestSshScript::ownersOfNamedProcesses()
{
    QFETCH(bool, busybox);
    if (busybox && !QFile::exists(QStringLiteral("/usr/bin/busybox")))
        QSKIP("busybox is not installed (scripts/dev.sh installs it)");
    QTemporaryDir bin;
    NamedChild child("tsowned", [](NamedChild &c) {
        quint16 port = 0;
        NamedChild::listenLoopback(port);
        c.report(port);
    });
    const quint16 port = quint16(child.next());
    QVERIFY(port != 0);
    // Frame 1 is full, frames 2 and 3 "unchanged" (nothing new): the table carries over.
    const Snapshot s = busybox ? runLoop({ bin.filePath(QStringLiteral("sh")) }, busyboxPath(bin, true), 3)
                               : runLoop({ QStringLiteral("sh") }, QString(), 3);
    QVERIFY(s.isValid());
    QVERIFY2(s.problems().isEmpty(), qPrintable(s.problems().items().value(0).toString()));
    const ProcessOwner *o = ownerOfListener(s, port);
    QVERIFY(o);
    QCOMPARE(o->name, QStringLiteral("tsowned"));
    QCOMPARE(o->pid, qint32(child.pid()));
    QCOMPARE(o->uid, ::geteuid());
    QCOMPARE(o->user, ::geteuid() == 0 ? QStringLiteral("root") : QString::number(::geteuid()));
    child.finish();
}

void TestSshScript::unprivilegedSeesOnlyItsOwn()
{
    if (::geteuid() != 0)
        QSKIP("needs root to start processes of another user");
    // What a non-root ssh login runs: the same loop as nobody, beside a root process and one of nobody's.
    NamedChild root("tsroot", [](NamedChild &c) {
        quint16 port = 0;
        NamedChild::listenLoopback(port);
        c.report(port);
    });
    NamedChild own("tsnobody", [](NamedChild &c) {
        quint16 port = 0;
        // A changed uid makes it non-dumpable, which hands /proc/PID to root (proc(5)); a login is dumpable.
        if (::setgroups(0, nullptr) == 0 && ::setgid(65534) == 0 && ::setuid(65534) == 0
            && ::prctl(PR_SET_DUMPABLE, 1) == 0)
            NamedChild::listenLoopback(port);
        c.report(port);
    });
    const quint16 rootPort = quint16(root.next());
    const quint16 ownPort = quint16(own.next());
    QVERIFY(rootPort != 0 && ownPort != 0);
    const Snapshot s
        = runLoop({ QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                      QStringLiteral("--clear-groups"), QStringLiteral("sh") },
            QString(), 2, true);
    QVERIFY(s.isValid() && s.owners());
    const ProcessOwner *o = ownerOfListener(s, ownPort);
    QVERIFY(o);
    QCOMPARE(o->name, QStringLiteral("tsnobody"));
    QCOMPARE(o->uid, 65534u);
    QVERIFY(!ownerOfListener(s, rootPort));
    QVERIFY(s.owners()->count(SocketOwners::Missing::OtherUsers) >= 1);
    QVERIFY(s.owners()->reason().contains(QLatin1String("other users")));
    own.finish(); // first: it holds a copy of root's control pipe (forked after it)
    root.finish();
}

void TestSshScript::withoutAwkNoOwners()
{
    if (!QFile::exists(QStringLiteral("/usr/bin/busybox")))
        QSKIP("busybox is not installed (scripts/dev.sh installs it)");
    QTemporaryDir bin;
    const Snapshot s = runLoop({ bin.filePath(QStringLiteral("sh")) }, busyboxPath(bin, false), 2);
    QVERIFY(s.isValid());
    QVERIFY(s.problems().isEmpty());
    QVERIFY(!s.sockets().empty());
    QVERIFY(!s.owners()); // the tables as before, no @owners section
}

QTEST_GUILESS_MAIN(TestSshScript)
#include "tst_sshscript.moc"
