#pragma once

#include "core/status.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <utility>
#include <vector>

// A reply of Prometheus's HTTP API (/api/v1/query and /api/v1/query_range: "vector" and "matrix"
// results). Pure and bounded: a reply that is not the API's JSON, an "error" status or a series
// over the limits becomes a failure Status with Prometheus's own errorType and error text.
class PrometheusResponse
{
public:
    static constexpr int MaxSeries = 10'000;
    static constexpr int MaxPoints = 100'000; // per series: 24 h at a 1 s step

    struct Series
    {
        QMap<QString, QString> labels;
        std::vector<std::pair<qint64, double>> points; // ms since the epoch; one for a vector
    };
    struct Result
    {
        Status status;
        QString resultType; // "vector", "matrix", "scalar", "string"
        std::vector<Series> series;
        QStringList warnings;
    };

    static Result parse(const QByteArray &json);
};
