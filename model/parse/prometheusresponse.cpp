#include "parse/prometheusresponse.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PrometheusResponse", text);
}

// [ <unix time in seconds, a number>, "<value as a string>" ] (the API's sample format).
bool sample(const QJsonValue &v, std::pair<qint64, double> &out)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 2 || !a[0].isDouble() || !a[1].isString())
        return false;
    bool ok = false;
    const QString text = a[1].toString();
    double value = text.toDouble(&ok);
    if (!ok) { // the API spells these out
        if (text == QLatin1String("NaN"))
            value = std::nan("");
        else if (text == QLatin1String("+Inf") || text == QLatin1String("-Inf"))
            value = text.startsWith(QLatin1Char('-')) ? -INFINITY : INFINITY;
        else
            return false;
    }
    out = { qint64(std::llround(a[0].toDouble() * 1000)), value };
    return true;
}
} // namespace

PrometheusResponse::Result PrometheusResponse::parse(const QByteArray &json)
{
    Result r;
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError || root.isEmpty()) {
        r.status = Status::failure(tr("not a Prometheus API reply (%1)").arg(error.errorString()));
        return r;
    }
    for (const auto &w : root.value(QLatin1String("warnings")).toArray())
        r.warnings << w.toString();
    if (root.value(QLatin1String("status")).toString() != QLatin1String("success")) {
        r.status = Status::failure(
            tr("Prometheus said %1: %2")
                .arg(root.value(QLatin1String("errorType")).toString(), root.value(QLatin1String("error")).toString()));
        return r;
    }
    const QJsonObject data = root.value(QLatin1String("data")).toObject();
    r.resultType = data.value(QLatin1String("resultType")).toString();
    const QJsonArray result = data.value(QLatin1String("result")).toArray();
    if (result.size() > MaxSeries) {
        r.status
            = Status::failure(tr("%1 series: more than %2; narrow the selector").arg(result.size()).arg(MaxSeries));
        return r;
    }
    for (const auto &v : result) {
        const QJsonObject o = v.toObject();
        Series s;
        const QJsonObject metric = o.value(QLatin1String("metric")).toObject();
        for (auto it = metric.begin(); it != metric.end(); ++it)
            s.labels.insert(it.key(), it.value().toString());
        const QJsonArray values = o.contains(QLatin1String("values")) ? o.value(QLatin1String("values")).toArray()
                                                                      : QJsonArray { o.value(QLatin1String("value")) };
        if (values.size() > MaxPoints) {
            r.status = Status::failure(tr("a series of %1 points: more than %2").arg(values.size()).arg(MaxPoints));
            return r;
        }
        for (const auto &p : values) {
            std::pair<qint64, double> point;
            if (!sample(p, point)) {
                r.status = Status::failure(tr("a malformed sample in series %1").arg(r.series.size() + 1));
                return r;
            }
            s.points.push_back(point);
        }
        r.series.push_back(std::move(s));
    }
    return r;
}
