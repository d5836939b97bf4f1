#include "core/sshtarget.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("SshTarget", text);
}
} // namespace

Expected<SshTarget> SshTarget::parse(const QString &text)
{
    SshTarget out;
    if (text.isEmpty())
        return Status::failure(tr("no host given"));
    if (text.size() > 255)
        return Status::failure(tr("host name too long"));
    if (text.startsWith(QLatin1Char('-')))
        return Status::failure(tr("'%1' starts with '-': a host cannot start with '-'").arg(text));
    static const QRegularExpression re(QStringLiteral(
        R"(^(?:([A-Za-z0-9_][A-Za-z0-9._-]{0,31})@)?(?:([A-Za-z0-9_][A-Za-z0-9._-]*)|\[([0-9A-Fa-f:.]+)\])(?::([0-9]{1,5}))?$)"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return Status::failure(
            tr("'%1' is not [user@]host[:port] (letters, digits, '.', '-', '_'; IPv6 as [addr]:port)").arg(text));
    out.user = m.captured(1);
    out.host = m.captured(2).isEmpty() ? m.captured(3) : m.captured(2);
    if (out.host.startsWith(QLatin1Char('-')) || out.host.startsWith(QLatin1Char('.')))
        return Status::failure(tr("bad host name '%1'").arg(out.host));
    if (m.hasCaptured(4) && !m.captured(4).isEmpty()) {
        const int port = m.captured(4).toInt();
        if (port < 1 || port > 65535)
            return Status::failure(tr("port %1 is out of range 1-65535").arg(m.captured(4)));
        out.port = quint16(port);
    }
    return out;
}

QString SshTarget::toString() const
{
    QString s = user.isEmpty() ? QString() : user + QLatin1Char('@');
    s += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (port)
        s += QLatin1Char(':') + QString::number(port);
    return s;
}

QStringList SshTarget::sshArguments(const QString &configFile, const QString &remoteCommand, int connectTimeoutS) const
{
    QStringList a;
    if (!configFile.isEmpty())
        a << QStringLiteral("-F") << configFile;
    // BatchMode: never prompt (there is no terminal); failures come back on stderr instead.
    a << QStringLiteral("-o") << QStringLiteral("BatchMode=yes");
    a << QStringLiteral("-o") << QStringLiteral("ConnectTimeout=%1").arg(connectTimeoutS);
    // Notice a dead peer within ~15 s even when the TCP connection is silently gone.
    a << QStringLiteral("-o") << QStringLiteral("ServerAliveInterval=5");
    a << QStringLiteral("-o") << QStringLiteral("ServerAliveCountMax=3");
    a << QStringLiteral("-T") << QStringLiteral("-n") << QStringLiteral("-x") << QStringLiteral("-a");
    if (port)
        a << QStringLiteral("-p") << QString::number(port);
    if (!user.isEmpty())
        a << QStringLiteral("-l") << user;
    a << QStringLiteral("--") << host << remoteCommand;
    return a;
}
