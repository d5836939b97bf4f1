#pragma once

#include "basicauth.h"
#include "core/status.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <functional>

class QTcpServer;
class QTcpSocket;

// `tcpscope-agent --metrics`: the Prometheus text exposition over HTTP. A scrape never waits for a
// poll: it is answered from the body the agent set after its last poll (setBody). Only "GET /metrics"
// (and "/" with a pointer to it) is served; every request is bounded: a head over MaxHeadBytes gets
// 431, a client that sends nothing complete within TimeoutMs is closed, at most MaxClients at once.
// One request per connection (Connection: close), as Prometheus's scraper is content with; the
// scraper closes first. With a web config the server is a QSslServer (WebConfig::newServer) and
// every request needs one of its basic auth users: else 401 and a line on stderr.
class MetricsServer : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxHeadBytes = 8 * 1024;
    static constexpr int TimeoutMs = 10'000;
    static constexpr int MaxClients = 64;
    static constexpr int CloseGraceMs = 2000;

    // server: a plain QTcpServer when null; this takes it over.
    explicit MetricsServer(QTcpServer *server = nullptr, QObject *parent = nullptr);

    void setAuth(BasicAuth auth) { m_auth = std::move(auth); }
    Status listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    void setBody(QByteArray body) { m_body = std::move(body); }
    qint64 scrapes() const { return m_scrapes; }

private:
    void accept();
    void read(QTcpSocket *s);
    void reply(QTcpSocket *s, QByteArrayView status, QByteArrayView type, const QByteArray &body,
        QByteArrayView extraHeaders = {});
    bool authorized(QTcpSocket *s, const QByteArray &head);

    QTcpServer *m_server;
    BasicAuth m_auth;
    QByteArray m_body;
    int m_clients = 0;
    qint64 m_scrapes = 0;
};
