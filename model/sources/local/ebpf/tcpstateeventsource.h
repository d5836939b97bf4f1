#pragma once

#include "core/stateeventfeed.h"

#include <QString>

#include <memory>
#include <vector>

// Every TCP state change of one network namespace, from the BPF program tcpstates.bpf.c
// (tp_btf/inet_sock_set_state, filtered in the kernel to the namespace) through a 1 MiB ring buffer.
// The program wakes the reader only once 64 KiB are pending, so the reader drains in batches: call
// drain() every ~50 ms from a thread that is not the GUI thread. Loading needs CAP_BPF and
// CAP_PERFMON (bpf(2)); built without libbpf, open() says how to get it.
class TcpStateEventSource : public StateEventFeed
{
public:
    // netnsPath: the namespace start() watches (see open()).
    explicit TcpStateEventSource(const QString &netnsPath = QStringLiteral("/proc/self/ns/net"));
    ~TcpStateEventSource() override;
    TcpStateEventSource(const TcpStateEventSource &) = delete;
    TcpStateEventSource &operator=(const TcpStateEventSource &) = delete;

    // True when built with eBPF support (TCPSCOPE_HAVE_EBPF).
    static bool builtIn();
    // Loads and attaches the program for the network namespace of netnsPath (/proc/PID/ns/net or
    // /var/run/netns/NAME; default: this process's). Events flow from then on.
    Status open(const QString &netnsPath = QStringLiteral("/proc/self/ns/net"));
    bool isOpen() const;
    Status start() override { return open(m_netnsPath); }
    void close();

    // Appends the pending events to out, oldest first; with waitMs > 0 first waits that long at most
    // for the program's wake-up. The number appended, or why the ring buffer could not be read.
    Expected<qsizetype> drain(std::vector<TcpStateEvent> &out, int waitMs = 0) override;
    // Events dropped in the kernel since open(): the ring buffer was full, or the program was
    // already running on that CPU and its nested copy could not take over.
    quint64 lostEvents() const override;

private:
    struct Loaded;
    std::unique_ptr<Loaded> m_loaded;
    QString m_netnsPath;
};
