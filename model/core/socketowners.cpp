#include "core/socketowners.h"

#include <QStringList>

QString SocketOwners::reason() const
{
    QStringList parts;
    if (const int n = count(Missing::OtherUsers))
        parts << QStringLiteral("%1 sockets of other users: run as root or through the agent").arg(n);
    if (const int n = count(Missing::NotFound))
        parts << QStringLiteral("%1 sockets held by no process this scan could read (closed since, or in another "
                                "PID namespace)")
                     .arg(n);
    if (const int n = count(Missing::NotScanned))
        parts << QStringLiteral("%1 sockets new since the last scan").arg(n);
    return parts.join(QLatin1String("; "));
}
