#include "agentserver.h"

#include "agentstream.h"
#include "sources/local/sendqueue.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <cstdio>

namespace {
constexpr qint64 MinBacklogBytes = 4 << 20; // per client, on top of the kernel's socket buffer
constexpr qint64 NotReadingMs = 1000; // a backlog that has not shrunk for this long: skip frames
} // namespace

AgentServer::AgentServer(AgentStream &stream, int intervalMs, QTcpServer *server, QObject *parent)
    : QObject(parent)
    , m_stream(stream)
    , m_server(server ? server : new QTcpServer(this))
{
    m_server->setParent(this);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &AgentServer::tick);
    // A QSslServer hands a connection out once its handshake is done (and the client certificate checked).
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &AgentServer::accept);
    m_clock.start();
}

AgentServer::~AgentServer() = default;

Status AgentServer::listen(const QHostAddress &address, quint16 port, bool allowRemote)
{
    if (!address.isLoopback() && !allowRemote)
        return Status::failure(
            QStringLiteral("refusing to listen on %1: the agent serves socket tables without authentication. "
                           "Listen on 127.0.0.1 and reach it with ssh -L, or pass --allow-remote if the network is "
                           "trusted.")
                .arg(address.toString()));
    if (!m_server->listen(address, port))
        return Status::failure(QStringLiteral("cannot listen on %1:%2: %3")
                                   .arg(address.toString())
                                   .arg(port)
                                   .arg(m_server->errorString()));
    m_timer.start();
    return {};
}

quint16 AgentServer::port() const
{
    return m_server->serverPort();
}

void AgentServer::accept()
{
    while (QTcpSocket *s = m_server->nextPendingConnection()) {
        if (int(m_clients.size()) >= m_maxClients) {
            // Each client costs a backlog of up to MinBacklogBytes: refuse more than the limit.
            std::fprintf(stderr, "tcpscope-agent: refusing client %s:%u: already %d clients (--max-clients)\n",
                qPrintable(s->peerAddress().toString()), unsigned(s->peerPort()), m_maxClients);
            s->abort();
            s->deleteLater();
            continue;
        }
        connect(s, &QTcpSocket::readyRead, s, [s] { s->readAll(); }); // never interpreted
        connect(s, &QTcpSocket::disconnected, this, [this, s] { drop(s); });
        // Out of step: its first frame is a keyframe with a full owner table.
        m_clients.push_back({ s, 0, m_clock.elapsed() });
    }
}

void AgentServer::drop(QTcpSocket *socket)
{
    std::erase_if(m_clients, [socket](const Client &c) { return c.socket == socket; });
    socket->deleteLater();
}

void AgentServer::send(Client &c, const QByteArray &frame)
{
    if (c.inStep) {
        c.socket->write(frame);
        return;
    }
    const QByteArray &key = m_stream.keyframe();
    m_keyBytes = key.size();
    c.socket->write(key);
    c.inStep = true;
}

qint64 AgentServer::queued(const Client &c)
{
    return c.socket->bytesToWrite() + qMax<qint64>(0, SendQueue::bytes(c.socket->socketDescriptor()));
}

AgentServer::Verdict AgentServer::judge(Client &c, qint64 limit, qint64 nowMs) const
{
    const qint64 queue = queued(c);
    if (queue == 0 || queue < c.queued)
        c.progressMs = nowMs;
    c.queued = queue;
    const qint64 backlog = c.socket->bytesToWrite();
    const qint64 idleMs = nowMs - c.progressMs;
    if (backlog <= limit && idleMs < qMin<qint64>(NotReadingMs, m_stallTimeoutMs))
        return Verdict::Send;
    // Whole frames only: a client either gets this frame complete or not at all.
    c.inStep = false; // it misses this frame: a delta after it would not apply
    const QString peer = c.socket->peerAddress().toString();
    if (c.skipped++ == 0)
        std::fprintf(stderr, "tcpscope-agent: client %s:%u is not reading; skipping frames for it\n", qPrintable(peer),
            unsigned(c.socket->peerPort()));
    if (idleMs < m_stallTimeoutMs)
        return Verdict::Skip;
    std::fprintf(stderr, "tcpscope-agent: dropping client %s:%u: read nothing for %d ms\n", qPrintable(peer),
        unsigned(c.socket->peerPort()), m_stallTimeoutMs);
    return Verdict::Drop;
}

void AgentServer::tick()
{
    if (m_clients.empty()) {
        m_stream.idle();
        return; // nobody is watching: do not even read the sockets
    }
    const QByteArray &frame = m_stream.next();
    if (frame.isEmpty()) {
        std::fprintf(stderr, "tcpscope-agent: %s\n", qPrintable(m_stream.last().status().error()));
        return;
    }
    if (m_stream.lastWasKey())
        m_keyBytes = frame.size();
    // Room for a keyframe and a frame: a client that just got its keyframe must not miss the next delta.
    const qint64 limit = qMax(MinBacklogBytes, 2 * qMax(m_keyBytes, qint64(frame.size())));
    const qint64 now = m_clock.elapsed();
    std::vector<QTcpSocket *> stalled;
    for (Client &c : m_clients) {
        const Verdict v = judge(c, limit, now);
        if (v == Verdict::Drop)
            stalled.push_back(c.socket);
        if (v != Verdict::Send)
            continue;
        send(c, frame);
        c.queued = queued(c);
    }
    for (QTcpSocket *s : stalled) {
        s->abort();
        drop(s);
    }
}
