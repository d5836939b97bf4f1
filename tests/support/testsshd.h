#pragma once

#include "testmain.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <unistd.h>

#include <functional>

// A private sshd for the tests that run `tcpscope --ssh` for real: generated host and client keys,
// an sshd_config that lets root in with the client key only, and an ssh_config (path("ssh_config"))
// that trusts the host key on first use. Root only (sshd logs in as root); run it in a namespace.
class TestSshd
{
public:
    TestSshd() = default;
    TestSshd(const TestSshd &) = delete;
    TestSshd &operator=(const TestSshd &) = delete;
    // A test that forgets kill() (or fails first) must not leave sshd running after it.
    ~TestSshd()
    {
        if (running())
            kill();
    }
    // Keys, configs and a running sshd on a free loopback port; false with `error` set.
    bool setUp(QString *error);
    bool start();
    // SIGKILL sshd and every sshd process it forked (its sessions), as a crash or a cut cable would.
    // The shell loops are left alone: they must notice on their own.
    void kill();
    bool running() const { return m_pid > 0; }
    quint16 port() const { return m_port; }
    QString target() const { return QStringLiteral("root@127.0.0.1:%1").arg(m_port); }
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    QString writeFile(const char *name, const QString &text) const;

    // Runs a program to its end (60 s at most); false when it did not finish or crashed.
    static bool run(const QString &program, const QStringList &args, QByteArray *out = nullptr, int *code = nullptr,
        QByteArray *err = nullptr);
    static bool waitFor(const std::function<bool()> &f, int ms);
    static quint16 freePort();
    static QList<QByteArray> cmdline(const QString &pid);
    static qint64 parentOf(const QString &pid);

private:
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    qint64 m_pid = 0;
};

// In initTestCase of a TestMain::Isolated test: a private namespace, root (skipped without, a failure
// in CI: NetNamespace::mustNotSkip) and `sshd` set up.
#define TCPSCOPE_REQUIRE_SSHD(sshd)                                                                                    \
    do {                                                                                                               \
        TCPSCOPE_REQUIRE_NAMESPACE();                                                                                  \
        if (::geteuid() != 0) {                                                                                        \
            if (NetNamespace::mustNotSkip())                                                                           \
                QFAIL("needs root to run sshd");                                                                       \
            QSKIP("needs root to run sshd");                                                                           \
        }                                                                                                              \
        QString why_;                                                                                                  \
        QVERIFY2((sshd).setUp(&why_), qPrintable(why_));                                                               \
    } while (false)
