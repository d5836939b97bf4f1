#include "namedchild.h"

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

NamedChild::NamedChild(const char *name, const std::function<void(NamedChild &)> &body)
{
    if (::pipe2(m_report, O_CLOEXEC) != 0 || ::pipe2(m_control, O_CLOEXEC) != 0)
        return;
    m_pid = ::fork();
    if (m_pid != 0) {
        ::close(m_report[1]);
        ::close(m_control[0]);
        m_report[1] = m_control[0] = -1;
        return;
    }
    ::prctl(PR_SET_NAME, name, 0, 0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0); // never outlive a crashed test
    ::close(m_report[0]);
    ::close(m_control[1]);
    body(*this);
    char c = 0;
    while (::read(m_control[0], &c, 1) > 0) { } // until the parent closes its end
    ::_exit(0);
}

NamedChild::~NamedChild()
{
    kill();
    if (m_report[0] >= 0)
        ::close(m_report[0]);
}

void NamedChild::report(quint32 value) const
{
    [[maybe_unused]] const ssize_t n = ::write(m_report[1], &value, sizeof value);
}

quint32 NamedChild::next() const
{
    quint32 v = 0;
    return ::read(m_report[0], &v, sizeof v) == ssize_t(sizeof v) ? v : 0;
}

void NamedChild::finish()
{
    if (m_pid <= 0)
        return;
    ::close(m_control[1]);
    m_control[1] = -1;
    ::waitpid(m_pid, nullptr, 0);
    m_pid = -1;
}

void NamedChild::kill()
{
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGKILL);
    finish();
}

int NamedChild::listenLoopback(quint16 &port)
{
    // Room for every connection a test opens: on a full accept queue the kernel drops SYNs and final
    // ACKs (tcp_conn_request(), tcp_check_req() in net/ipv4/), so a slow accept(2) loop (ASan) would
    // leave handshakes to retransmit timers and unlisted request sockets.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&a), len) != 0 || ::listen(fd, SOMAXCONN) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) != 0) {
        port = 0;
        return -1;
    }
    port = ntohs(a.sin_port);
    return fd;
}

int NamedChild::connectLoopback(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0)
        return -1;
    return fd;
}
