#include "loopbackpairs.h"

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

LoopbackPairs::LoopbackPairs(bool ipv6, quint32 host)
    : m_ipv6(ipv6)
    , m_host(host)
{ }

LoopbackPairs::~LoopbackPairs()
{
    closeClients();
    closeServers();
    if (m_listener >= 0)
        ::close(m_listener);
}

int LoopbackPairs::socketFor() const
{
    return ::socket(m_ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
}

unsigned LoopbackPairs::addressInto(void *storage, quint16 port) const
{
    std::memset(storage, 0, sizeof(sockaddr_storage));
    if (m_ipv6) {
        auto *a = static_cast<sockaddr_in6 *>(storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        a->sin6_addr = in6addr_loopback;
        return sizeof *a;
    }
    auto *a = static_cast<sockaddr_in *>(storage);
    a->sin_family = AF_INET;
    a->sin_port = htons(port);
    a->sin_addr.s_addr = htonl(m_host);
    return sizeof *a;
}

bool LoopbackPairs::listen(int backlog)
{
    m_listener = socketFor();
    sockaddr_storage ss;
    socklen_t len = addressInto(&ss, 0);
    if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr *>(&ss), len) < 0
        || ::listen(m_listener, backlog) < 0 || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&ss), &len) < 0)
        return false;
    m_port = ntohs(
        m_ipv6 ? reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port : reinterpret_cast<sockaddr_in *>(&ss)->sin_port);
    return true;
}

bool LoopbackPairs::open(int n)
{
    for (int i = 0; i < n; ++i) {
        const int c = socketFor();
        if (c < 0)
            return false;
        m_clients.push_back(c);
        sockaddr_storage ss;
        socklen_t len = addressInto(&ss, m_port);
        if (::connect(c, reinterpret_cast<sockaddr *>(&ss), len) < 0)
            return false;
        len = sizeof ss;
        ::getsockname(c, reinterpret_cast<sockaddr *>(&ss), &len);
        m_clientPorts.push_back(ntohs(m_ipv6 ? reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port
                                             : reinterpret_cast<sockaddr_in *>(&ss)->sin_port));
        const int s = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (s < 0)
            return false;
        m_servers.push_back(s);
    }
    return true;
}

void LoopbackPairs::closeClients()
{
    for (int fd : m_clients)
        ::close(fd);
    m_clients.clear();
    m_clientPorts.clear();
}

void LoopbackPairs::closeServers()
{
    for (int fd : m_servers)
        ::close(fd);
    m_servers.clear();
}
