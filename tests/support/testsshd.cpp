#include "testsshd.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

bool TestSshd::waitFor(const std::function<bool()> &f, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!f()) {
        if (t.elapsed() > ms)
            return false;
        QThread::msleep(50);
    }
    return true;
}
quint16 TestSshd::freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) < 0) // then sshd fails to start, and says so
        a.sin_port = 0;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

QList<QByteArray> TestSshd::cmdline(const QString &pid)
{
    QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().split('\0');
}

qint64 TestSshd::parentOf(const QString &pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = f.readAll();
    const QList<QByteArray> rest = s.mid(s.lastIndexOf(')') + 2).split(' ');
    return rest.size() > 1 ? rest[1].toLongLong() : -1;
}

bool TestSshd::run(const QString &program, const QStringList &args, QByteArray *out, int *code, QByteArray *err)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return false;
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    if (code)
        *code = p.exitCode();
    return p.exitStatus() == QProcess::NormalExit;
}

QString TestSshd::writeFile(const char *name, const QString &text) const
{
    QFile f(path(name));
    f.open(QIODevice::WriteOnly);
    f.write(text.toUtf8());
    return f.fileName();
}

bool TestSshd::start()
{
    QFile::remove(path("sshd.pid"));
    int code = -1;
    QByteArray err;
    if (!run(QStringLiteral("/usr/sbin/sshd"),
            { QStringLiteral("-f"), path("sshd_config"), QStringLiteral("-E"), path("sshd.log") }, nullptr, &code, &err)
        || code != 0) {
        qWarning("sshd failed (%d): %s", code, err.constData());
        return false;
    }
    return waitFor(
        [&] {
            QFile f(path("sshd.pid"));
            if (!f.open(QIODevice::ReadOnly))
                return false;
            m_pid = f.readAll().trimmed().toLongLong();
            return m_pid > 0;
        },
        5000);
}

void TestSshd::kill()
{
    QList<qint64> victims { m_pid };
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList({ QStringLiteral("[0-9]*") }, QDir::Dirs);
    bool grew = true;
    while (grew) {
        grew = false;
        for (const QString &pid : pids) {
            const qint64 p = pid.toLongLong();
            if (!victims.contains(p) && victims.contains(parentOf(pid)) && !cmdline(pid).value(0).endsWith("sh")) {
                victims.append(p);
                grew = true;
            }
        }
    }
    for (qint64 p : victims)
        ::kill(pid_t(p), SIGKILL);
    m_pid = 0;
}

bool TestSshd::setUp(QString *error)
{
    const auto fail = [&](const QString &why) {
        *error = why;
        return false;
    };
    if (!m_dir.isValid())
        return fail(QStringLiteral("no temporary directory"));
    QDir().mkpath(QStringLiteral("/run/sshd")); // sshd's privilege separation directory
    for (const char *key : { "hostkey", "clientkey" }) {
        if (!run(QStringLiteral("ssh-keygen"),
                { QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                    QString(), QStringLiteral("-f"), path(key) }))
            return fail(QStringLiteral("ssh-keygen failed"));
    }
    if (!QFile::copy(path("clientkey.pub"), path("authorized_keys")))
        return fail(QStringLiteral("cannot write authorized_keys"));
    m_port = freePort();
    writeFile("sshd_config",
        QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nAuthorizedKeysFile %3\n"
                       "PermitRootLogin prohibit-password\nPasswordAuthentication no\n"
                       "KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\nPidFile %4\nLogLevel ERROR\n")
            .arg(m_port)
            .arg(path("hostkey"), path("authorized_keys"), path("sshd.pid")));
    // accept-new with a per-test known_hosts: the first connection learns the generated host key.
    writeFile("ssh_config",
        QStringLiteral("Host *\n  IdentityFile %1\n  IdentitiesOnly yes\n  UserKnownHostsFile %2\n"
                       "  GlobalKnownHostsFile /dev/null\n  StrictHostKeyChecking accept-new\n  LogLevel ERROR\n")
            .arg(path("clientkey"), path("known_hosts")));
    return start() || fail(QStringLiteral("sshd did not start"));
}
