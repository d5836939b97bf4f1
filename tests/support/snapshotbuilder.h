#pragma once

#include "core/snapshot.h"

// Builds synthetic snapshots for GUI and model tests: loopback sockets in chosen states.
class SnapshotBuilder
{
public:
    explicit SnapshotBuilder(qint64 timeMs = 1'700'000'000'000)
    {
        m_data.timeMs = timeMs;
        m_data.host = QStringLiteral("testhost");
        m_data.kernel = QStringLiteral("6.1.0-test");
        m_data.source = QStringLiteral("test");
        m_data.tunables.set(QStringLiteral("net.ipv4.tcp_fin_timeout"), QStringLiteral("60"));
    }

    // A socket 127.0.0.1:localPort -> 127.0.0.1:remotePort (remotePort 0: a listener's "*").
    SnapshotBuilder &add(TcpState state, quint16 localPort, quint16 remotePort, AddressFamily f = AddressFamily::IPv4)
    {
        SocketEntry e;
        e.family = f;
        if (f == AddressFamily::IPv4) {
            e.localAddr[0] = 127;
            e.localAddr[3] = 1;
            if (remotePort) {
                e.remoteAddr[0] = 127;
                e.remoteAddr[3] = 1;
            }
        } else {
            e.localAddr[15] = 1;
            if (remotePort)
                e.remoteAddr[15] = 1;
        }
        e.localPort = localPort;
        e.remotePort = remotePort;
        e.state = state;
        e.inode = state == TcpState::TimeWait ? 0 : 10'000 + localPort * 7 + remotePort;
        if (state == TcpState::TimeWait) {
            e.kind = RowKind::TimeWaitSock;
            e.timer = TimerKind::TimeWait;
            e.timerMs = 30'000;
        }
        m_data.sockets.push_back(e);
        return *this;
    }
    SnapshotBuilder &timeWait(quint16 localPort, quint32 remainingMs)
    {
        add(TcpState::TimeWait, localPort, 80);
        m_data.sockets.back().timerMs = remainingMs;
        return *this;
    }
    // What s holds (host, kernel, sockets, tunables), as if polled again at timeMs.
    static SnapshotData copyAt(const Snapshot &s, qint64 timeMs)
    {
        SnapshotData d;
        d.timeMs = timeMs;
        d.host = s.host();
        d.kernel = s.kernel();
        d.sockets = s.sockets();
        d.tunables = s.tunables();
        return d;
    }
    SnapshotData &data() { return m_data; }
    Snapshot build() const { return Snapshot(m_data); }

private:
    SnapshotData m_data;
};
