#include "loopbackchurn.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

LoopbackChurn::LoopbackChurn(int basePairs, int batchPairs, int keepBatches)
    : m_batchPairs(batchPairs)
    , m_keepBatches(keepBatches)
    , m_basePairs(basePairs)
{ }

LoopbackChurn::~LoopbackChurn()
{
    for (int fd : m_reusePort)
        ::close(fd);
}

bool LoopbackChurn::raiseFileLimit(rlim_t n)
{
    rlimit l {};
    if (::getrlimit(RLIMIT_NOFILE, &l) < 0)
        return false;
    if (l.rlim_cur >= n)
        return true;
    l.rlim_cur = n;
    l.rlim_max = qMax(l.rlim_max, n); // raising the hard limit needs CAP_SYS_RESOURCE
    return ::setrlimit(RLIMIT_NOFILE, &l) == 0;
}

bool LoopbackChurn::openReusePortListener()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(m_reusePortNumber);
    socklen_t len = sizeof a;
    if (fd < 0 || ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) < 0
        || ::bind(fd, reinterpret_cast<sockaddr *>(&a), len) < 0 || ::listen(fd, 16) < 0
        || ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) < 0) {
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    m_reusePortNumber = ntohs(a.sin_port);
    m_reusePort.push_back(fd);
    return true;
}

bool LoopbackChurn::start()
{
    if (!m_base.listen() || !m_base.open(m_basePairs))
        return false;
    for (int i = 0; i < 3; ++i) {
        if (!openReusePortListener())
            return false;
    }
    return true;
}

bool LoopbackChurn::step()
{
    ++m_steps;
    auto batch = std::make_unique<LoopbackPairs>(m_steps % 3 == 0);
    if (!batch->listen() || !batch->open(m_batchPairs))
        return false;
    m_batches.push_back(std::move(batch));
    if (int(m_batches.size()) > m_keepBatches) {
        std::unique_ptr<LoopbackPairs> old = std::move(m_batches.front());
        m_batches.pop_front();
        if (m_steps % 2 == 0) {
            old->closeClients();
            old->closeServers();
        } else {
            old->closeServers();
            old->closeClients();
        }
    } // old's listener closes here
    if (m_steps % 4 == 0) {
        ::close(m_reusePort.front());
        m_reusePort.erase(m_reusePort.begin());
        return openReusePortListener();
    }
    return true;
}
