#pragma once

#include "core/socketentry.h"
#include "core/status.h"

// Ends one TCP connection as ss -K does: netlink SOCK_DESTROY for its exact 4-tuple and cookie
// (sock_diag(7); net/ipv4/tcp_diag.c tcp_diag_destroy -> tcp_abort, which sends an RST to the peer
// when the state calls for one and reports ECONNABORTED to the owning program). Linux only.
class SocketDestroyer
{
public:
    SocketDestroyer();
    ~SocketDestroyer();
    SocketDestroyer(const SocketDestroyer &) = delete;
    SocketDestroyer &operator=(const SocketDestroyer &) = delete;

    // Empty on success; otherwise why, in words an admin can act on (privilege, kernel support, gone).
    Status destroy(const SocketEntry &socket);
    // The errno of the last failure: EPERM (no CAP_NET_ADMIN), EOPNOTSUPP (no CONFIG_INET_DIAG_DESTROY),
    // ENOENT (already gone); 0 after a success.
    int lastError() const { return m_lastError; }

private:
    int m_fd = -1;
    quint32 m_seq = 0;
    int m_lastError = 0;
};
