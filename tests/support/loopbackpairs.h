#pragma once

#include <QtGlobal>

#include <vector>

// Batches of loopback TCP connections on one listener, for tests and tools that watch state
// changes: open() connects and accepts n pairs; closeClients() then closeServers() take each client
// through FIN_WAIT1 and FIN_WAIT2 into TIME_WAIT (RFC 9293 section 3.6). A server closed before its
// client's FIN arrived makes a simultaneous close (CLOSING) instead: wait between the two when that
// matters.
// host is an IPv4 loopback address in host order (127.0.0.1 by default: all of 127/8 is local) or,
// with ipv6, ::1.
class LoopbackPairs
{
public:
    explicit LoopbackPairs(bool ipv6 = false, quint32 host = 0x7f000001);
    ~LoopbackPairs();
    LoopbackPairs(const LoopbackPairs &) = delete;
    LoopbackPairs &operator=(const LoopbackPairs &) = delete;

    // Opens the listener (a kernel-chosen port); false with errno set on failure.
    bool listen(int backlog = 4096);
    quint16 listenerPort() const { return m_port; }
    // Connects and accepts n more pairs; false (errno set) when one fails.
    bool open(int n);
    // Local ports of the clients open now, in connect order.
    const std::vector<quint16> &clientPorts() const { return m_clientPorts; }
    void closeClients();
    void closeServers();

private:
    int socketFor() const;
    unsigned addressInto(void *storage, quint16 port) const;

    bool m_ipv6;
    quint32 m_host;
    int m_listener = -1;
    quint16 m_port = 0;
    std::vector<int> m_clients;
    std::vector<int> m_servers;
    std::vector<quint16> m_clientPorts;
};
