#pragma once

#include "core/sshtarget.h"
#include "sources/remote/streamchannel.h"

#include <memory>

class QProcess;

// Frames from the sh loop (SshScript) over one persistent `ssh` session. The system ssh client is
// used so ~/.ssh/config, the agent, keys, ProxyJump and known_hosts all apply. The QProcess is
// created on the thread that polls, so its blocking waits need no event loop.
class SshChannel : public StreamChannel
{
public:
    SshChannel(SshTarget target, QString configFile, int intervalMs, QString sshProgram = QStringLiteral("ssh"));
    ~SshChannel() override;

    Status open() override;
    qint64 read(char *buffer, qint64 max, int timeoutMs) override;
    void close() override;
    bool isOpen() const override;
    QString closeReason() const override { return m_reason; }
    QString description() const override;
    bool canReconnect() const override { return true; }
    // ssh -C (ssh(1)): zlib on the link; /proc text shrinks several times, for some CPU on both ends.
    void setCompress(bool on) { m_compress = on; }

    // What ssh's stderr means, and what to do about it (pure, for tests).
    static QString explain(const QString &stderrText, int exitCode, const SshTarget &target);

private:
    void collectStderr();
    QString ended();

    SshTarget m_target;
    QString m_config;
    int m_intervalMs;
    QString m_program;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stderr; // bounded
    QString m_reason;
    bool m_compress = false;
};
