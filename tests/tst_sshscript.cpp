// The server-side sh loop, run here with the system sh: it writes valid frames on Linux, takes the
// BSD branch when uname says so (fake uname/netstat/sysctl on PATH), and exits by itself when
// its reader goes away, which is what leaves nothing behind on a server.
#include "sources/remote/sshscript.h"
#include "stream/streamframedecoder.h"
#include "stream/streamframereader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
    while (r.hasFrame()) {
        const SnapshotData d = StreamFrameDecoder::decode(r.takeFrame());
        QVERIFY2(d.status.ok(), qPrintable(d.status.error()));
        QVERIFY(d.problems.isEmpty());
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

QTEST_GUILESS_MAIN(TestSshScript)
#include "tst_sshscript.moc"
