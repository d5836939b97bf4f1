#include "core/socketentry.h"

#include <arpa/inet.h>

bool SocketEntry::isV4Mapped() const
{
    if (family != AddressFamily::IPv6)
        return false;
    for (int i = 0; i < 10; ++i) {
        if (localAddr[i] != 0)
            return false;
    }
    return localAddr[10] == 0xff && localAddr[11] == 0xff;
}

QString SocketEntry::addressText(AddressFamily family, const std::array<quint8, 16> &addr)
{
    char buf[INET6_ADDRSTRLEN] = {};
    const int af = family == AddressFamily::IPv4 ? AF_INET : AF_INET6;
    if (!inet_ntop(af, addr.data(), buf, sizeof buf))
        return QStringLiteral("?");
    return QString::fromLatin1(buf);
}

QString SocketEntry::endpointText(AddressFamily family, const std::array<quint8, 16> &addr, quint16 port)
{
    const QString host = addressText(family, addr);
    const QString p = port == 0 ? QStringLiteral("*") : QString::number(port);
    if (family == AddressFamily::IPv6)
        return QLatin1Char('[') + host + QLatin1String("]:") + p;
    return host + QLatin1Char(':') + p;
}

QString SocketEntry::localAddressText() const
{
    return addressText(family, localAddr);
}
QString SocketEntry::remoteAddressText() const
{
    return addressText(family, remoteAddr);
}
QString SocketEntry::localText() const
{
    return endpointText(family, localAddr, localPort);
}
QString SocketEntry::remoteText() const
{
    return endpointText(family, remoteAddr, remotePort);
}
