#include "sources/local/socketdestroyer.h"

#include "parse/inetdiagparser.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
QString reason(int err)
{
    switch (err) {
    case EPERM:
    case EACCES:
        return QCoreApplication::translate(
            "SocketDestroyer", "ending a connection needs CAP_NET_ADMIN: run as root or through the agent");
    case EOPNOTSUPP:
        return QCoreApplication::translate(
            "SocketDestroyer", "this kernel cannot end connections: it was built without CONFIG_INET_DIAG_DESTROY");
    case ENOENT:
        return QCoreApplication::translate("SocketDestroyer", "the connection is already gone");
    default:
        return QCoreApplication::translate("SocketDestroyer", "SOCK_DESTROY: %1")
            .arg(QString::fromLocal8Bit(std::strerror(err)));
    }
}
} // namespace

SocketDestroyer::SocketDestroyer()
    : m_fd(::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG))
{ }

SocketDestroyer::~SocketDestroyer()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Status SocketDestroyer::destroy(const SocketEntry &socket)
{
    m_lastError = 0;
    if (m_fd < 0) {
        m_lastError = errno;
        return Status::failure(QCoreApplication::translate("SocketDestroyer", "socket(NETLINK_SOCK_DIAG): %1")
                                   .arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    const QByteArray request = InetDiagParser::destroyRequest(socket, ++m_seq);
    sockaddr_nl kernel {};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(
            m_fd, request.constData(), size_t(request.size()), 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel)
        < 0) {
        m_lastError = errno;
        return Status::failure(reason(m_lastError));
    }
    // The answer is one NLMSG_ERROR: error 0 is the ack, otherwise -errno (netlink(7)).
    alignas(nlmsghdr) char buffer[512];
    const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
    if (n < ssize_t(sizeof(nlmsghdr) + sizeof(nlmsgerr))) {
        m_lastError = n < 0 ? errno : EPROTO;
        return Status::failure(reason(m_lastError));
    }
    const auto *h = reinterpret_cast<const nlmsghdr *>(buffer);
    if (h->nlmsg_type != NLMSG_ERROR) {
        m_lastError = EPROTO;
        return Status::failure(reason(m_lastError));
    }
    const auto *e = static_cast<const nlmsgerr *>(NLMSG_DATA(h));
    m_lastError = -e->error;
    return m_lastError == 0 ? Status() : Status::failure(reason(m_lastError));
}
