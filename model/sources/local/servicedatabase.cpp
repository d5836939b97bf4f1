#include "sources/local/servicedatabase.h"

#include "parse/ssfilterwords.h"

#include <arpa/inet.h>
#include <netdb.h>

std::optional<quint16> ServiceDatabase::tcpPort(const QString &name)
{
    // getservbyname(3) reads /etc/services through NSS; not reentrant, so GUI thread or main() only.
    const QByteArray n = name.toLatin1();
    if (const servent *s = getservbyname(n.constData(), "tcp"))
        return ntohs(quint16(s->s_port));
    return SsFilterWords::builtinService(name);
}
