#include "sources/remote/sshchannel.h"

#include "sources/remote/sshscript.h"

#include <QCoreApplication>
#include <QProcess>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("SshChannel", text);
}

constexpr qsizetype MaxStderr = 16 * 1024;
} // namespace

SshChannel::SshChannel(SshTarget target, QString configFile, int intervalMs, QString sshProgram)
    : m_target(std::move(target))
    , m_config(std::move(configFile))
    , m_intervalMs(intervalMs)
    , m_program(std::move(sshProgram))
{ }

SshChannel::~SshChannel()
{
    close();
}

QString SshChannel::description() const
{
    return QStringLiteral("ssh %1").arg(m_target.toString());
}

bool SshChannel::isOpen() const
{
    return m_process != nullptr;
}

Status SshChannel::open()
{
    close();
    m_stderr.clear();
    m_reason.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_program);
    QStringList args = m_target.sshArguments(m_config, SshScript::remoteCommand(m_intervalMs));
    if (m_compress)
        args.prepend(QStringLiteral("-C")); // an option: before the "--" that ends them
    m_process->setArguments(args);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->start(QIODevice::ReadOnly);
    if (!m_process->waitForStarted(5000)) {
        const QString err = m_process->errorString();
        m_process.reset();
        return Status::failure(tr("cannot run '%1' (%2). Install the OpenSSH client (Debian: apt "
                                  "install openssh-client) or put ssh on PATH.")
                                   .arg(m_program, err));
    }
    return {};
}

void SshChannel::collectStderr()
{
    if (!m_process)
        return;
    const QByteArray e = m_process->readAllStandardError();
    if (m_stderr.size() < MaxStderr)
        m_stderr.append(e.first(qMin(e.size(), MaxStderr - m_stderr.size())));
}

QString SshChannel::ended()
{
    m_process->waitForFinished(2000);
    collectStderr();
    const int code = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    m_reason = explain(QString::fromLocal8Bit(m_stderr), code, m_target);
    close();
    return m_reason;
}

qint64 SshChannel::read(char *buffer, qint64 max, int timeoutMs)
{
    if (!m_process)
        return -1;
    if (m_process->bytesAvailable() == 0) {
        if (m_process->state() == QProcess::NotRunning) {
            ended();
            return -1;
        }
        if (!m_process->waitForReadyRead(timeoutMs)) {
            collectStderr();
            if (m_process->state() == QProcess::NotRunning && m_process->bytesAvailable() == 0) {
                ended();
                return -1;
            }
            return 0;
        }
    }
    collectStderr();
    return m_process->read(buffer, max);
}

void SshChannel::close()
{
    if (!m_process)
        return;
    // Ending ssh makes sshd close the session; the remote loop dies on its next write (SIGPIPE)
    // or, if sshd itself is gone, at its parent check (SshScript).
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(2000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
    m_process.reset();
}

QString SshChannel::explain(const QString &err, int exitCode, const SshTarget &t)
{
    const QString host = t.toString();
    auto has = [&](const char *s) { return err.contains(QLatin1String(s), Qt::CaseInsensitive); };
    if (has("Host key verification failed") || has("REMOTE HOST IDENTIFICATION HAS CHANGED"))
        return tr("the host key of %1 is unknown or has changed. Run `ssh %1` once in a terminal, "
                  "check the fingerprint and accept it, then connect again.")
            .arg(host);
    if (has("Permission denied") || has("Too many authentication failures"))
        return tr("%1 refused the login (no password prompts are possible here). Load your key with "
                  "`ssh-add`, or set User/IdentityFile for this host in ~/.ssh/config.")
            .arg(host);
    if (has("Could not resolve hostname") || has("Name or service not known"))
        return tr("host name '%1' not found. Check the spelling or add a Host entry to ~/.ssh/config.").arg(t.host);
    if (has("Connection refused"))
        return tr("nothing accepts SSH connections at %1 (connection refused). Check the port and that "
                  "sshd runs there.")
            .arg(host);
    if (has("timed out") || has("No route to host") || has("Network is unreachable"))
        return tr("%1 is unreachable (%2). Check the network, VPN or ProxyJump.")
            .arg(host, err.trimmed().section(QLatin1Char('\n'), -1));
    if (exitCode == 127)
        return tr("%1 has no POSIX sh on PATH; tcpscope needs sh, cat, uname and sleep there.").arg(host);
    const QString last = err.trimmed().section(QLatin1Char('\n'), -1).trimmed();
    if (!last.isEmpty())
        return tr("ssh %1 ended: %2").arg(host, last);
    return tr("ssh %1 ended (exit code %2)").arg(host).arg(exitCode);
}
