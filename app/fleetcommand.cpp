#include "fleetcommand.h"

#include "appoptions.h"
#include "prometheusclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {
QJsonObject toJson(const FleetHost &h)
{
    QJsonObject states;
    for (auto it = h.states.cbegin(); it != h.states.cend(); ++it)
        states.insert(it.key(), it.value());
    return { { QStringLiteral("instance"), h.instance }, { QStringLiteral("job"), h.job },
        { QStringLiteral("up"), h.up }, { QStringLiteral("states"), states },
        { QStringLiteral("findings"), QJsonArray::fromStringList(h.findings) } };
}

QString text(const std::vector<FleetHost> &hosts)
{
    QString out = QStringLiteral("%1 %2 %3 %4  %5\n")
                      .arg(QStringLiteral("INSTANCE"), -28)
                      .arg(QStringLiteral("ESTAB"), 8)
                      .arg(QStringLiteral("TIME_WAIT"), 10)
                      .arg(QStringLiteral("CLOSE_WAIT"), 10)
                      .arg(QStringLiteral("FINDINGS"));
    for (const FleetHost &h : hosts)
        out += QStringLiteral("%1 %2 %3 %4  %5\n")
                   .arg(h.up ? h.instance : h.instance + QStringLiteral(" (down)"), -28)
                   .arg(qint64(h.state(QStringLiteral("established"))), 8)
                   .arg(qint64(h.state(QStringLiteral("time_wait"))), 10)
                   .arg(qint64(h.state(QStringLiteral("close_wait"))), 10)
                   .arg(h.findings.join(QStringLiteral(", ")));
    return out;
}
} // namespace

int FleetCommand::run(const AppOptions &options)
{
    PrometheusClient client(options.prometheus, options.prometheusMatch);
    int code = 1;
    QObject::connect(&client, &PrometheusClient::failed, [&code](const QString &message) {
        std::fprintf(stderr, "tcpscope: %s\n", qPrintable(message));
        code = 1;
        QCoreApplication::exit(1);
    });
    QObject::connect(&client, &PrometheusClient::hostsReady, [&code, &options](const std::vector<FleetHost> &hosts) {
        QByteArray out;
        if (options.json) {
            QJsonArray list;
            for (const FleetHost &h : hosts)
                list.append(toJson(h));
            out = QJsonDocument(QJsonObject { { QStringLiteral("schema"), 1 }, { QStringLiteral("instances"), list } })
                      .toJson(QJsonDocument::Indented);
        } else {
            out = text(hosts).toUtf8();
        }
        std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
        code = 0;
        QCoreApplication::exit(0);
    });
    client.refresh();
    QCoreApplication::exec();
    return code;
}
