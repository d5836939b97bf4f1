// The fleet view's data: Prometheus API replies captured from Debian's
// Prometheus (tests/data/prometheus/replies) parse into series, hosts come sorted by trouble, and
// the table model keeps its rows under QAbstractItemModelTester while they update.
#include "models/fleetmodel.h"
#include "parse/fleetbuilder.h"
#include "parse/prometheusresponse.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

namespace {
PrometheusResponse::Result reply(const char *name)
{
    QFile f(QStringLiteral(TCPSCOPE_SOURCE_DIR "/tests/data/prometheus/replies/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fixture %s missing", name);
    return PrometheusResponse::parse(f.readAll());
}

FleetBuilder::Results captured()
{
    FleetBuilder::Results r;
    r.states = reply("states.json");
    r.findings = reply("findings.json");
    r.up = reply("up.json");
    r.timeWait = reply("timewait.json");
    return r;
}
} // namespace

class TestFleet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void repliesParse()
    {
        const auto states = reply("states.json");
        QVERIFY2(states.status.ok(), qPrintable(states.status.error()));
        QCOMPARE(states.resultType, QStringLiteral("vector"));
        QCOMPARE(states.series.size(), size_t(7));
        const auto tw = reply("timewait.json");
        QCOMPARE(tw.resultType, QStringLiteral("matrix"));
        QCOMPARE(tw.series.size(), size_t(2));
        QVERIFY(tw.series[0].points.size() >= 2);
        QVERIFY(tw.series[0].points[1].first - tw.series[0].points[0].first == 1000); // seconds to ms
        const auto bad = reply("error.json");
        QVERIFY(!bad.status.ok());
        QVERIFY2(bad.status.error().contains(QLatin1String("bad_data")), qPrintable(bad.status.error()));
        QVERIFY2(
            bad.status.error().contains(QLatin1String("unclosed left parenthesis")), qPrintable(bad.status.error()));
        QVERIFY(!PrometheusResponse::parse("<html>502 Bad Gateway</html>").status.ok());
        const auto odd = PrometheusResponse::parse(
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"NaN"]},)"
            R"({"metric":{},"value":[1,"+Inf"]}]}})");
        QVERIFY(odd.status.ok());
        QVERIFY(std::isnan(odd.series[0].points[0].second));
        QVERIFY(std::isinf(odd.series[1].points[0].second));
        QVERIFY(!PrometheusResponse::parse(R"({"status":"success","data":{"result":[{"value":[1,2]}]}})").status.ok());
    }

    void hostsSortedByTrouble()
    {
        const std::vector<FleetHost> hosts = FleetBuilder::build(captured());
        QCOMPARE(hosts.size(), size_t(2));
        QCOMPARE(hosts[0].instance, QStringLiteral("127.0.0.1:19101")); // the CLOSE_WAIT pile, two findings
        QCOMPARE(hosts[0].worstSeverity, 2);
        QCOMPARE(hosts[0].findings,
            (QStringList { QStringLiteral("close-wait-piling"), QStringLiteral("ephemeral-port-pressure") }));
        QCOMPARE(hosts[0].state(QStringLiteral("close_wait")), 300.0);
        QCOMPARE(hosts[0].state(QStringLiteral("time_wait")), 9000.0);
        QVERIFY(hosts[0].timeWait.size() >= 2);
        QCOMPARE(hosts[1].worstSeverity, -1);
        QCOMPARE(hosts[1].sshHost(), QStringLiteral("127.0.0.1"));
        QVERIFY(hosts[0].up && hosts[1].up);
        FleetHost down = hosts[1];
        down.up = false;
        QVERIFY(FleetBuilder::worse(down, hosts[0])); // a host that is down comes first
    }

    void queriesTakeTheSelector()
    {
        const auto all = FleetBuilder::queries(QString());
        QVERIFY(all);
        QVERIFY(all->states.contains(QLatin1String("node_tcp_connection_states{state!~\".*_bytes\"}")));
        const auto web = FleetBuilder::queries(QStringLiteral("{job=\"web\"}"));
        QVERIFY(web);
        QVERIFY(web->states.contains(QLatin1String("{state!~\".*_bytes\",job=\"web\"}")));
        QVERIFY(web->findings.startsWith(QLatin1String("tcpscope_advisory{job=\"web\"} == 1")));
        QVERIFY(!FleetBuilder::queries(QStringLiteral("job=web"))); // not a selector
    }

    void modelUpdatesInPlace()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<FleetHost> hosts = FleetBuilder::build(captured());
        model.setHosts(hosts);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, FleetModel::CloseWaitColumn).data().toString(), QStringLiteral("300"));
        QVERIFY(model.index(0, FleetModel::TimeWaitColumn).data(FleetModel::TrendRole).toList().size() >= 2);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        hosts[1].states[QStringLiteral("time_wait")] = 250;
        model.setHosts(hosts);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1, FleetModel::TimeWaitColumn).data().toString(), QStringLiteral("250"));
        hosts.pop_back();
        model.setHosts(hosts);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
