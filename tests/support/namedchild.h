#pragma once

#include <QtGlobal>

#include <functional>
#include <sys/types.h>

// A forked child process with its own name (prctl(2) PR_SET_NAME), so a test can check which process
// holds which socket. The child runs `body` (plain syscalls only: the parent may have threads) and
// then waits until the parent says stop; its descriptors stay open until then.
class NamedChild
{
public:
    NamedChild(const char *name, const std::function<void(NamedChild &)> &body);
    ~NamedChild();
    NamedChild(const NamedChild &) = delete;
    NamedChild &operator=(const NamedChild &) = delete;

    pid_t pid() const { return m_pid; }
    // Child side: tells the parent a number (a port, "done").
    void report(quint32 value) const;
    // Parent side: the next number the child reported; 0 when it died first.
    quint32 next() const;
    // Parent side: the child exits normally (its sockets close as close(2) would), and is reaped.
    void finish();
    // Parent side: SIGKILL and reap.
    void kill();

    // Loopback IPv4 helpers for bodies: a listener's port (0 on failure), a connected socket (-1).
    static int listenLoopback(quint16 &port);
    static int connectLoopback(quint16 port);

private:
    pid_t m_pid = -1;
    int m_report[2] = { -1, -1 };
    int m_control[2] = { -1, -1 };
};
