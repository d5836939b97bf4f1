#include "teaching/loopbacklab.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <QCoreApplication>
#include <sys/socket.h>
#include <unistd.h>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("LoopbackLab", text);
}

socklen_t loopback(AddressFamily f, sockaddr_storage &ss, quint16 port)
{
    std::memset(&ss, 0, sizeof ss);
    if (f == AddressFamily::IPv4) {
        auto *a = reinterpret_cast<sockaddr_in *>(&ss);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return sizeof(sockaddr_in);
    }
    auto *a = reinterpret_cast<sockaddr_in6 *>(&ss);
    a->sin6_family = AF_INET6;
    a->sin6_port = htons(port);
    a->sin6_addr = in6addr_loopback;
    return sizeof(sockaddr_in6);
}

// Waits until the peer's FIN has arrived (read returns 0) or a short timeout passes.
bool waitForEof(int fd)
{
    pollfd p { fd, POLLIN, 0 };
    for (int i = 0; i < 50; ++i) {
        if (::poll(&p, 1, 100) > 0) {
            char buf[256];
            const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n == 0)
                return true;
            if (n < 0 && errno != EAGAIN && errno != EINTR)
                return false;
        }
    }
    return false;
}
} // namespace

LoopbackLab::LoopbackLab(AddressFamily family)
    : m_family(family)
{ }

LoopbackLab::~LoopbackLab()
{
    closeAll();
}

Status LoopbackLab::fail(const QString &what)
{
    return Status::failure(what + QLatin1String(": ") + QString::fromLocal8Bit(std::strerror(errno)));
}

void LoopbackLab::release(int fd)
{
    ::close(fd);
    m_fds.erase(std::remove(m_fds.begin(), m_fds.end(), fd), m_fds.end());
}

void LoopbackLab::closeAll()
{
    for (int fd : m_fds)
        ::close(fd);
    m_fds.clear();
    m_listenFd = -1;
    m_listenPort = 0;
}

Expected<quint16> LoopbackLab::listen(bool deferAccept)
{
    return listenWith(deferAccept, 0);
}

Expected<quint16> LoopbackLab::listenWith(bool deferAccept, int receiveBuffer)
{
    const int fd = ::socket(m_family == AddressFamily::IPv4 ? AF_INET : AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return fail(QStringLiteral("socket"));
    m_fds.push_back(fd);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (deferAccept) {
        const int seconds = 30;
        ::setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &seconds, sizeof seconds);
    }
    if (receiveBuffer > 0) // inherited by accepted sockets; sets their window before the handshake
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
    sockaddr_storage ss;
    const socklen_t len = loopback(m_family, ss, 0);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&ss), len) < 0 || ::listen(fd, 4096) < 0)
        return fail(tr("bind/listen on loopback"));
    socklen_t got = sizeof ss;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &got);
    const quint16 port = m_family == AddressFamily::IPv4 ? ntohs(reinterpret_cast<sockaddr_in *>(&ss)->sin_port)
                                                         : ntohs(reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port);
    m_listenFd = fd;
    m_listenPort = port;
    return port;
}

Expected<quint16> LoopbackLab::ensureListener()
{
    return m_listenFd >= 0 ? Expected<quint16>(m_listenPort) : listen(false);
}

Status LoopbackLab::connectPair(quint16 port, Endpoints &pair, bool accept)
{
    const int fd = ::socket(m_family == AddressFamily::IPv4 ? AF_INET : AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return fail(QStringLiteral("socket"));
    m_fds.push_back(fd);
    sockaddr_storage ss;
    const socklen_t len = loopback(m_family, ss, port);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&ss), len) < 0)
        return fail(tr("connect to loopback port %1").arg(port));
    pair.client = fd;
    if (!accept)
        return {};
    const int s = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    if (s < 0)
        return fail(QStringLiteral("accept"));
    m_fds.push_back(s);
    pair.server = s;
    return {};
}

Status LoopbackLab::forPairs(int n, const std::function<void(const Endpoints &)> &act)
{
    const Expected<quint16> port = ensureListener();
    if (!port.ok())
        return port.status();
    for (int i = 0; i < n; ++i) {
        Endpoints p;
        if (Status c = connectPair(*port, p); !c.ok())
            return c;
        act(p);
    }
    return {};
}

Status LoopbackLab::established(int n)
{
    return forPairs(n, [](const Endpoints &) {});
}

Status LoopbackLab::clientClosesFirst(int n)
{
    return forPairs(n, [this](const Endpoints &p) {
        release(p.client); // FIN from the client: it becomes the active closer
        waitForEof(p.server);
        release(p.server); // server: CLOSE_WAIT -> LAST_ACK -> CLOSED; client: FIN_WAIT2 -> TIME_WAIT
    });
}

Status LoopbackLab::serverClosesFirst(int n)
{
    return forPairs(n, [this](const Endpoints &p) {
        release(p.server);
        waitForEof(p.client);
        release(p.client);
    });
}

Status LoopbackLab::halfClosed(int n, bool clientCloses)
{
    return forPairs(n, [this, clientCloses](const Endpoints &p) {
        if (clientCloses)
            release(p.client); // orphaned: FIN_WAIT2 as a timewait minisocket until tcp_fin_timeout
        else
            ::shutdown(p.client, SHUT_WR); // still owned: a full FIN_WAIT2 socket
    });
}

Status LoopbackLab::synRecv(int n)
{
    const int oldListen = m_listenFd;
    const quint16 oldPort = m_listenPort;
    const Expected<quint16> port = listen(true);
    if (!port.ok())
        return port.status();
    for (int i = 0; i < n; ++i) {
        Endpoints p;
        if (Status c = connectPair(*port, p, false); !c.ok())
            return c;
    }
    m_listenFd = oldListen; // later patterns keep using the ordinary listener, or make one
    m_listenPort = oldPort;
    return {};
}

Status LoopbackLab::reset(int n)
{
    return forPairs(n, [this](const Endpoints &p) {
        const linger l { 1, 0 }; // SO_LINGER {on, 0}: close() sends RST (tcp_disconnect)
        ::setsockopt(p.client, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        release(p.client);
        release(p.server);
    });
}

Status LoopbackLab::openPair(Endpoints &pair)
{
    const Expected<quint16> port = ensureListener();
    return port.ok() ? connectPair(*port, pair) : port.status();
}

Status LoopbackLab::shutdownWrite(int fd)
{
    if (::shutdown(fd, SHUT_WR) < 0)
        return fail(QStringLiteral("shutdown"));
    return {};
}

void LoopbackLab::abort(int fd)
{
    const linger l { 1, 0 };
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    release(fd);
}

bool LoopbackLab::readToEof(int fd)
{
    pollfd p { fd, POLLIN, 0 };
    static char buf[65536];
    for (int i = 0; i < 500; ++i) {
        if (::poll(&p, 1, 10) <= 0)
            continue;
        ssize_t n;
        while ((n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT)) > 0) { }
        if (n == 0)
            return true;
        if (errno != EAGAIN && errno != EINTR)
            return false;
    }
    return false;
}

TcpState LoopbackLab::stateOf(int fd)
{
    tcp_info info {};
    socklen_t len = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &len) < 0)
        return TcpState::Unknown;
    return TcpStates::fromCode(info.tcpi_state).value_or(TcpState::Unknown);
}

namespace {
// Sends until the peer's receive window and our send buffer are both full: the window is closed once
// sends keep failing with EAGAIN after the peer has had time to acknowledge.
void fillWindow(int fd)
{
    static const char chunk[16384] = {};
    int idle = 0;
    for (int i = 0; i < 2000 && idle < 3; ++i) {
        const ssize_t n = ::send(fd, chunk, sizeof chunk, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            idle = 0;
            continue;
        }
        ++idle;
        ::usleep(10000);
    }
}
} // namespace

Status LoopbackLab::simultaneousClose(int n, bool finish, std::vector<Endpoints> *unfinished)
{
    if (const Expected<quint16> port = listenWith(false, 4096); !port.ok())
        return port.status();
    for (int i = 0; i < n; ++i) {
        Endpoints p;
        if (Status opened = openPair(p); !opened.ok())
            return opened;
        fillWindow(p.client);
        Status shut = shutdownWrite(p.client); // client FIN queued; server FIN crosses it
        if (shut.ok())
            shut = shutdownWrite(p.server);
        if (!shut.ok())
            return shut;
        for (int w = 0; w < 100 && stateOf(p.client) != TcpState::Closing; ++w)
            ::usleep(10000);
        if (stateOf(p.client) != TcpState::Closing)
            return Status::failure(tr("simultaneous close: client did not reach CLOSING"));
        if (finish) {
            const bool drained = readToEof(p.server); // the window opens: the client's data and FIN follow
            release(p.server);
            release(p.client);
            if (!drained)
                return Status::failure(tr("simultaneous close: the client's FIN did not arrive"));
        } else if (unfinished) {
            unfinished->push_back(p);
        }
    }
    return {};
}

Status LoopbackLab::populate(const Mix &mix)
{
    const std::pair<int, Status (LoopbackLab::*)(int)> steps[] = {
        { mix.established, &LoopbackLab::established },
        { mix.timeWait, &LoopbackLab::clientClosesFirst },
        { mix.serverTimeWait, &LoopbackLab::serverClosesFirst },
        { mix.closeWait, &LoopbackLab::halfClosedByClient },
        { mix.finWait2, &LoopbackLab::halfClosedOwned },
        { mix.synRecv, &LoopbackLab::synRecv },
        { mix.reset, &LoopbackLab::reset },
    };
    Status made = listen().status();
    for (const auto &[n, step] : steps) {
        if (made.ok() && n > 0)
            made = (this->*step)(n);
    }
    return made;
}
