#include "metricsserver.h"

#include "report/prometheusexposition.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>

MetricsServer::MetricsServer(QTcpServer *server, QObject *parent)
    : QObject(parent)
    , m_server(server ? server : new QTcpServer(this))
{
    m_server->setParent(this);
    // Not newConnection: a QSslServer has a connection to hand out only once its handshake is done.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &MetricsServer::accept);
}

Status MetricsServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port))
        return Status::failure(QStringLiteral("cannot serve metrics on %1:%2: %3")
                                   .arg(address.toString())
                                   .arg(port)
                                   .arg(m_server->errorString()));
    return {};
}

quint16 MetricsServer::port() const
{
    return m_server->serverPort();
}

void MetricsServer::accept()
{
    while (QTcpSocket *s = m_server->nextPendingConnection()) {
        if (m_clients >= MaxClients) {
            std::fprintf(stderr, "tcpscope-agent: metrics: refusing %s: %d scrapes already open\n",
                qPrintable(s->peerAddress().toString()), MaxClients);
            s->abort();
            s->deleteLater();
            continue;
        }
        ++m_clients;
        connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
        connect(s, &QTcpSocket::disconnected, this, [this, s] {
            --m_clients;
            s->deleteLater();
        });
        QTimer::singleShot(TimeoutMs, s, [s] { s->abort(); }); // a client that never finishes its request
    }
}

void MetricsServer::read(QTcpSocket *s)
{
    if (s->property("answered").toBool()) {
        s->readAll(); // whatever follows the request is not read
        return;
    }
    // The head stays in the socket's buffer until it is complete (RFC 9112 section 2.1: it ends at
    // the first empty line); more than MaxHeadBytes without one is refused.
    const QByteArray head = s->peek(MaxHeadBytes + 1);
    qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        end = head.indexOf("\n\n");
    if (end < 0) {
        if (head.size() > MaxHeadBytes) {
            std::fprintf(stderr, "tcpscope-agent: metrics: %s sent a request head over %lld bytes; refused\n",
                qPrintable(s->peerAddress().toString()), qlonglong(MaxHeadBytes));
            reply(s, "431 Request Header Fields Too Large", "text/plain", "request head too large\n");
        }
        return;
    }
    const QList<QByteArray> words = head.first(head.indexOf('\n')).trimmed().split(' ');
    s->readAll();
    if (!authorized(s, head.first(end)))
        return;
    if (words.size() != 3 || !words[2].startsWith("HTTP/1.")) {
        reply(s, "400 Bad Request", "text/plain", "not an HTTP/1 request\n");
    } else if (words[0] != "GET" && words[0] != "HEAD") {
        reply(s, "405 Method Not Allowed", "text/plain", "only GET /metrics\n");
    } else if (words[1] == "/metrics" || words[1].startsWith("/metrics?")) {
        ++m_scrapes;
        reply(s, "200 OK", PrometheusExposition::ContentType, words[0] == "HEAD" ? QByteArray() : m_body);
    } else if (words[1] == "/") {
        reply(s, "200 OK", "text/html; charset=utf-8",
            "<html><body><h1>tcpscope-agent</h1><p><a href=\"/metrics\">/metrics</a></p></body></html>\n");
    } else {
        reply(s, "404 Not Found", "text/plain", "only /metrics is served here\n");
    }
}

// With basic auth users, a request without a right Authorization header gets 401 (RFC 7235 section 3.1)
// and one line on stderr that names the user and the peer, never the password.
bool MetricsServer::authorized(QTcpSocket *s, const QByteArray &head)
{
    if (!m_auth.enabled())
        return true;
    QByteArray authorization;
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare("authorization", Qt::CaseInsensitive) == 0)
            authorization = line.sliced(colon + 1).trimmed();
    }
    QString user;
    if (m_auth.check(authorization, &user))
        return true;
    // The name is the client's: printable characters only, and not too many, in the log.
    QString shown = user.left(64);
    for (QChar &c : shown) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    std::fprintf(stderr, "tcpscope-agent: 401 for user %s from %s\n",
        qPrintable(shown.isEmpty() ? QStringLiteral("(none)") : shown), qPrintable(s->peerAddress().toString()));
    reply(s, "401 Unauthorized", "text/plain", "authentication required\n",
        "WWW-Authenticate: Basic realm=\"tcpscope-agent\"\r\n");
    return false;
}

void MetricsServer::reply(
    QTcpSocket *s, QByteArrayView status, QByteArrayView type, const QByteArray &body, QByteArrayView extraHeaders)
{
    s->setProperty("answered", true);
    QByteArray out = "HTTP/1.1 " + status.toByteArray() + "\r\nContent-Type: " + type.toByteArray()
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders.toByteArray()
        + "Connection: close\r\n\r\n";
    s->write(out + body);
    // The scraper closes after a "Connection: close" reply (RFC 9112 section 9.6); closing second keeps
    // TIME-WAIT, which the side that closes first holds (RFC 9293 section 3.6), on the scraper and
    // off the host being watched, so the agent's own counts stay those of the host. A client that
    // keeps the connection open is closed from here after CloseGraceMs.
    QTimer::singleShot(CloseGraceMs, s, [s] { s->disconnectFromHost(); });
}
