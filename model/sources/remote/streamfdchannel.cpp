#include "sources/remote/streamfdchannel.h"

#include "core/expected.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <QCoreApplication>
#include <sys/socket.h>
#include <unistd.h>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("StreamFdChannel", text);
}

constexpr int ConnectTimeoutMs = 5000;

QString errnoText(int e)
{
    return QString::fromLocal8Bit(std::strerror(e));
}

// Non-blocking connect bounded by ConnectTimeoutMs: the fd, or errno-ish text.
Expected<int> connectTo(const QString &host, quint16 port)
{
    addrinfo hints {};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *res = nullptr;
    const int rc = ::getaddrinfo(host.toUtf8().constData(), QByteArray::number(port).constData(), &hints, &res);
    if (rc != 0)
        return Status::failure(QCoreApplication::translate("StreamFdChannel", "cannot resolve %1: %2")
                                   .arg(host, QString::fromLocal8Bit(gai_strerror(rc))));
    QString error;
    int fd = -1;
    for (addrinfo *ai = res; ai; ai = ai->ai_next) {
        fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
        if (fd < 0)
            continue;
        if (::connect(fd, ai->ai_addr, ai->ai_addrlen) == 0 || errno == EINPROGRESS) {
            pollfd p { fd, POLLOUT, 0 };
            int soErr = ETIMEDOUT;
            socklen_t len = sizeof soErr;
            if (::poll(&p, 1, ConnectTimeoutMs) == 1)
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soErr, &len);
            if (soErr == 0)
                break;
            error = errnoText(soErr);
        } else {
            error = errnoText(errno);
        }
        ::close(fd);
        fd = -1;
    }
    ::freeaddrinfo(res);
    if (fd < 0)
        return Status::failure(error);
    return fd;
}
} // namespace

StreamFdChannel *StreamFdChannel::stdinChannel()
{
    return new StreamFdChannel;
}

StreamFdChannel *StreamFdChannel::tcpChannel(const QString &host, quint16 port)
{
    auto *c = new StreamFdChannel;
    c->m_host = host;
    c->m_port = port;
    return c;
}

StreamFdChannel::~StreamFdChannel()
{
    close();
}

QString StreamFdChannel::description() const
{
    return m_host.isEmpty() ? QStringLiteral("stdin") : tr("agent %1:%2").arg(m_host).arg(m_port);
}

Status StreamFdChannel::open()
{
    close();
    m_reason.clear();
    if (m_host.isEmpty()) {
        m_fd = ::dup(STDIN_FILENO); // closing ours never closes the process's stdin
        return m_fd < 0 ? Status::failure(tr("cannot use stdin: ") + errnoText(errno)) : Status();
    }
    const Expected<int> connected = connectTo(m_host, m_port);
    m_fd = connected.ok() ? *connected : -1;
    if (!connected.ok())
        return Status::failure(tr("cannot connect to tcpscope-agent at %1:%2: %3. Is the agent running "
                                  "(tcpscope-agent --listen %2) and the ssh -L forward up?")
                                   .arg(m_host)
                                   .arg(m_port)
                                   .arg(connected.error()));
    return {};
}

qint64 StreamFdChannel::read(char *buffer, qint64 max, int timeoutMs)
{
    if (m_fd < 0)
        return -1;
    pollfd p { m_fd, POLLIN, 0 };
    const int r = ::poll(&p, 1, qMax(0, timeoutMs));
    if (r == 0 || (r < 0 && errno == EINTR))
        return 0;
    const ssize_t n = r < 0 ? -1 : ::read(m_fd, buffer, size_t(max));
    if (n > 0)
        return n;
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return 0;
    m_reason = n == 0 ? tr("%1 closed the stream").arg(description())
                      : QStringLiteral("%1: %2").arg(description(), errnoText(errno));
    close();
    return -1;
}

void StreamFdChannel::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}
