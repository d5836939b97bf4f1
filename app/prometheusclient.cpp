#include "prometheusclient.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QUrlQuery>

PrometheusClient::PrometheusClient(QUrl server, QString match, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_match(std::move(match))
{
    m_net.setTransferTimeout(10'000);
}

void PrometheusClient::refresh(int windowSeconds)
{
    if (m_pending > 0)
        return; // the last round is still out: never two at once
    const std::optional<FleetBuilder::Queries> q = FleetBuilder::queries(m_match);
    if (!q) { // queued, as a reply would be: the caller may not be listening yet
        const QString why = tr("--match takes a Prometheus selector such as {job=\"web\"}, not '%1'").arg(m_match);
        QMetaObject::invokeMethod(
            this, [this, why] { Q_EMIT failed(why); }, Qt::QueuedConnection);
        return;
    }
    m_results = {};
    m_error.clear();
    m_pending = 5;
    get(QStringLiteral("query"), q->states, &m_results.states, 0);
    get(QStringLiteral("query"), q->findings, &m_results.findings, 0);
    get(QStringLiteral("query"), q->up, &m_results.up, 0);
    get(QStringLiteral("query_range"), q->timeWait, &m_results.timeWait, windowSeconds);
    get(QStringLiteral("query_range"), q->closeWait, &m_results.closeWait, windowSeconds);
}

void PrometheusClient::get(
    const QString &path, const QString &query, PrometheusResponse::Result *into, int windowSeconds)
{
    QUrl url = m_server;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + QLatin1String("/api/v1/") + path);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), query);
    if (windowSeconds > 0) {
        const qint64 end = QDateTime::currentSecsSinceEpoch();
        q.addQueryItem(QStringLiteral("start"), QString::number(end - windowSeconds));
        q.addQueryItem(QStringLiteral("end"), QString::number(end));
        q.addQueryItem(QStringLiteral("step"), QString::number(qMax(1, windowSeconds / 120)));
    }
    url.setQuery(q);
    QNetworkReply *reply = m_net.get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [this, reply, into] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        *into = PrometheusResponse::parse(body);
        // Prometheus answers bad queries with 400 and its JSON error: that error says more than HTTP's.
        if (!into->status.ok() && m_error.isEmpty())
            m_error = reply->error() != QNetworkReply::NoError && body.isEmpty()
                ? tr("%1: %2 (is Prometheus running there? its default port is 9090)")
                      .arg(m_server.toString(), reply->errorString())
                : tr("%1: %2").arg(m_server.toString(), into->status.error());
        finishedOne();
    });
}

void PrometheusClient::finishedOne()
{
    if (--m_pending > 0)
        return;
    if (!m_error.isEmpty()) {
        Q_EMIT failed(m_error);
        return;
    }
    Q_EMIT hostsReady(FleetBuilder::build(m_results));
}
