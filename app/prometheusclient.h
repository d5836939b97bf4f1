#pragma once

#include "core/fleethost.h"
#include "parse/fleetbuilder.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

// Asks a Prometheus server (its HTTP API, /api/v1/query and query_range) for the fleet's hosts: the
// five queries of FleetBuilder at once, then hostsReady with the hosts sorted by trouble, or failed
// with what went wrong (unreachable, not Prometheus, a bad selector) and what to try.
class PrometheusClient : public QObject
{
    Q_OBJECT
public:
    PrometheusClient(QUrl server, QString match, QObject *parent = nullptr);

    // One round of queries; the trends span the last windowSeconds at a step that gives ~120 points.
    void refresh(int windowSeconds = 3600);
    QUrl server() const { return m_server; }

Q_SIGNALS:
    void hostsReady(const std::vector<FleetHost> &hosts);
    void failed(const QString &message);

private:
    void get(const QString &path, const QString &query, PrometheusResponse::Result *into, int windowSeconds);
    void finishedOne();

    QNetworkAccessManager m_net;
    QUrl m_server;
    QString m_match;
    FleetBuilder::Results m_results;
    int m_pending = 0;
    QString m_error;
};
