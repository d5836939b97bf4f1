#pragma once

#include "core/status.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <vector>

class AgentStream;
class QTcpServer;
class QTcpSocket;

// Serves the frames of one AgentStream to every connected client at the poll interval: one capture
// per tick, shared by all clients. A client out of step (it just joined, or a frame was skipped for
// it) gets the stream's keyframe, the others the shared frame (a delta, mostly). A client whose
// backlog is over the limit, or whose queue (ours and the kernel's) has not shrunk for a second
// (deltas are small: a stuck reader would take minutes to fill a byte limit), is skipped, and dropped
// once it has not shrunk for stallTimeoutMs, so it never delays the others or grows memory. At most maxClients are
// served; more are closed at once. Whatever a client sends is read and thrown away: nothing a client says is executed.
class AgentServer : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultMaxClients = 16;
    static constexpr int DefaultStallTimeoutMs = 60'000;

    // server: a plain QTcpServer when null, a QSslServer with a web config; this takes it over.
    AgentServer(AgentStream &stream, int intervalMs, QTcpServer *server = nullptr, QObject *parent = nullptr);
    ~AgentServer() override;

    void setMaxClients(int n) { m_maxClients = qMax(1, n); }
    void setStallTimeoutMs(int ms) { m_stallTimeoutMs = qMax(1, ms); }

    // Refuses a non-loopback address unless allowRemote.
    Status listen(const QHostAddress &address, quint16 port, bool allowRemote);
    quint16 port() const;
    int clientCount() const { return int(m_clients.size()); }

private:
    struct Client
    {
        QTcpSocket *socket;
        qint64 queued = 0; // queued(c) after the last tick's write
        qint64 progressMs = 0; // when the queue last shrank or was empty (m_clock)
        qint64 skipped = 0;
        bool inStep = false; // has every frame since its keyframe: a delta applies
    };
    void accept();
    void tick();
    void drop(QTcpSocket *socket);
    void send(Client &c, const QByteArray &frame);
    // Bytes written to the client that it has not acknowledged: ours, and the kernel's send queue.
    static qint64 queued(const Client &c);
    // Whether this frame goes to the client, is skipped (it is not reading), or the client is dropped.
    enum class Verdict { Send, Skip, Drop };
    Verdict judge(Client &c, qint64 limit, qint64 nowMs) const;

    AgentStream &m_stream;
    qint64 m_keyBytes = 0; // the last keyframe's size: a client's backlog must hold one
    QTimer m_timer;
    QElapsedTimer m_clock;
    QTcpServer *m_server;
    std::vector<Client> m_clients;
    int m_maxClients = DefaultMaxClients;
    int m_stallTimeoutMs = DefaultStallTimeoutMs;
};
