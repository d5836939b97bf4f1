// The agent's /metrics text (report/prometheusexposition.h): node_exporter's tcpstat gauge with its
// names and values, tcpscope's own series, escapes that survive hostile names, and Prometheus's own
// linter (`promtool check metrics`) accepting the whole exposition.
#include "analysis/advisor.h"
#include "netnamespace.h"
#include "report/prometheusexposition.h"
#include "snapshotbuilder.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

namespace {
Snapshot busy()
{
    SnapshotBuilder b(1000);
    b.data().tunables.set(QStringLiteral("net.ipv4.ip_local_port_range"), QStringLiteral("32768\t60999"));
    b.add(TcpState::Listen, 8080, 0);
    for (quint16 p = 40000; p < 40010; ++p)
        b.add(TcpState::Established, p, 8080);
    for (quint16 p = 41000; p < 41005; ++p)
        b.add(TcpState::CloseWait, 8080, p);
    b.timeWait(42000, 12'000).timeWait(42001, 55'000).timeWait(42002, 3'000);
    b.data().sockets[1].rxQueue = 100;
    b.data().sockets[2].txQueue = 7;
    return b.build();
}

// Every socket held by one process with a hostile name.
Snapshot owned(const Snapshot &s, const QString &name)
{
    ProcessOwner o;
    o.pid = 4242;
    o.name = name;
    SocketOwners owners;
    owners.processes.push_back(std::make_shared<const ProcessOwner>(o));
    owners.slots.assign(s.sockets().size(), 1);
    return s.withOwners(std::move(owners));
}
} // namespace

class TestPrometheus : public QObject
{
    Q_OBJECT
    QByteArray m_transitions;
    // Debian's promtool; in CI its absence fails the test.
    static QString promtoolOrSkip()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty()) {
            const char *why = "promtool is not installed (scripts/dev.sh installs Debian's prometheus package)";
            if (NetNamespace::mustNotSkip())
                QTest::qFail(why, __FILE__, __LINE__);
            else
                QTest::qSkip(why, __FILE__, __LINE__);
        }
        return promtool;
    }

private Q_SLOTS:
    void nodeExporterNamesAndValues()
    {
        const QByteArray text = PrometheusExposition::format(busy(), {});
        QVERIFY(text.contains("# HELP node_tcp_connection_states Number of connection states.\n"));
        QVERIFY(text.contains("# TYPE node_tcp_connection_states gauge\n"));
        QVERIFY(text.contains("node_tcp_connection_states{state=\"established\"} 10\n"));
        QVERIFY(text.contains("node_tcp_connection_states{state=\"close_wait\"} 5\n"));
        QVERIFY(text.contains("node_tcp_connection_states{state=\"time_wait\"} 3\n"));
        QVERIFY(text.contains("node_tcp_connection_states{state=\"listen\"} 1\n"));
        QVERIFY(!text.contains("state=\"syn_sent\"")); // only states seen, as node_exporter
        QVERIFY(text.contains("node_tcp_connection_states{state=\"rx_queued_bytes\"} 100\n"));
        QVERIFY(text.contains("node_tcp_connection_states{state=\"tx_queued_bytes\"} 7\n"));
        QVERIFY(text.contains("tcpscope_sockets{state=\"established\",family=\"ipv4\"} 10\n"));
        QVERIFY(text.contains("tcpscope_time_wait_remaining_seconds_bucket{le=\"5\"} 1\n"));
        QVERIFY(text.contains("tcpscope_time_wait_remaining_seconds_bucket{le=\"20\"} 2\n"));
        QVERIFY(text.contains("tcpscope_time_wait_remaining_seconds_bucket{le=\"+Inf\"} 3\n"));
        QVERIFY(text.contains("tcpscope_time_wait_remaining_seconds_count 3\n"));
        QVERIFY(text.contains("tcpscope_tunable{sysctl=\"net.ipv4.tcp_fin_timeout\"} 60\n"));
        QVERIFY(text.endsWith('\n'));
    }

    void advisoriesAndOwners()
    {
        const Snapshot s = owned(busy(), QStringLiteral("nginx"));
        const QByteArray text = PrometheusExposition::format(s, Advisor::evaluate(s));
        QVERIFY(text.contains("tcpscope_process_sockets{process=\"nginx\",state=\"established\"} 10\n"));
        Advisory a;
        a.id = QStringLiteral("close-wait-piling");
        a.severity = Advisory::Severity::Critical;
        QVERIFY(PrometheusExposition::format(s, { a }).contains(
            "tcpscope_advisory{id=\"close-wait-piling\",severity=\"critical\"} 1\n"));
    }

    void hostileNamesAreEscaped()
    {
        const QString name = QStringLiteral("a\"b\\c\nd \u9032\u7a0b");
        QCOMPARE(PrometheusExposition::labelValue(name), QByteArray("a\\\"b\\\\c\\nd \xe9\x80\xb2\xe7\xa8\x8b"));
        QCOMPARE(PrometheusExposition::helpText(QStringLiteral("x\\y\nz \"q\"")), QByteArray("x\\\\y\\nz \"q\""));
        const QByteArray text = PrometheusExposition::format(owned(busy(), name), {});
        QVERIFY(text.contains("process=\"a\\\"b\\\\c\\nd \xe9\x80\xb2\xe7\xa8\x8b\""));
        for (const QByteArray &line : text.split('\n'))
            QVERIFY2(line.isEmpty() || line.startsWith('#') || line.count('"') % 2 == 0 || line.contains("\\\""),
                line.constData());
    }

    // The Grafana dashboard and the alerting rules name only series the exposition has.
    void dashboardAndRulesUseRealSeries()
    {
        Advisory a;
        a.id = QStringLiteral("x");
        const QByteArray text = PrometheusExposition::format(owned(busy(), QStringLiteral("nginx")), { a });
        for (const char *file :
            { "/resources/grafana/tcpscope-dashboard.json", "/resources/prometheus/tcpscope-alerts.yml" }) {
            QFile f(QStringLiteral(TCPSCOPE_SOURCE_DIR) + QLatin1String(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString body = QString::fromUtf8(f.readAll());
            QRegularExpressionMatchIterator it
                = QRegularExpression(QStringLiteral("\\b(node_tcp_[a-z_]+|tcpscope_[a-z_]+)\\b")).globalMatch(body);
            int names = 0;
            while (it.hasNext()) {
                const QString name = it.next().captured(1);
                if (name == QLatin1String("tcpscope_states") || name.startsWith(QLatin1String("tcpscope_dashboard")))
                    continue; // the dashboard's own uid
                ++names;
                const QByteArray n = name.toUtf8();
                QVERIFY2(text.contains(QByteArray("\n" + n + '{')) || text.contains(QByteArray("\n" + n + ' '))
                        || text.contains(QByteArray("# TYPE " + n + ' ')),
                    qPrintable(QStringLiteral("%1 names %2, which the exposition does not have")
                                   .arg(QLatin1String(file), name)));
            }
            QVERIFY(names > 3);
        }
        QVERIFY(QJsonDocument::fromJson([] {
            QFile f(QStringLiteral(TCPSCOPE_SOURCE_DIR "/resources/grafana/tcpscope-dashboard.json"));
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }())
                    .isObject());
    }

    // promtool's own unit test of the alerting rules (tests/data/prometheus/tcpscope-alerts-test.yml).
    void alertsFire()
    {
        const QString promtool = promtoolOrSkip();
        if (promtool.isEmpty())
            return;
        QProcess p;
        p.setWorkingDirectory(QStringLiteral(TCPSCOPE_SOURCE_DIR "/tests/data/prometheus"));
        p.start(
            promtool, { QStringLiteral("test"), QStringLiteral("rules"), QStringLiteral("tcpscope-alerts-test.yml") });
        QVERIFY(p.waitForFinished(30'000));
        QVERIFY2(p.exitCode() == 0, QByteArray(p.readAllStandardOutput() + p.readAllStandardError()).constData());
    }

    // The kernel's changes as counters that only grow, by old and new state; absent without events.
    void transitionCounters()
    {
        TransitionTotals totals;
        QVERIFY(PrometheusExposition::transitions(totals).isEmpty()); // no event source: no counters
        const auto events = [](std::initializer_list<std::pair<TcpState, TcpState>> hops, quint64 lost) {
            StateEvents e;
            for (const auto &[from, to] : hops) {
                TcpStateEvent t;
                t.oldState = from;
                t.newState = to;
                e.changes.push_back(t);
            }
            e.lostTotal = lost;
            return e;
        };
        const StateEvents first
            = events({ { TcpState::Established, TcpState::FinWait1 }, { TcpState::Established, TcpState::FinWait1 },
                         { TcpState::FinWait2, TcpState::Close } },
                0);
        const StateEvents second = events({ { TcpState::Established, TcpState::FinWait1 } }, 4);
        totals.add(&first);
        totals.add(nullptr); // a poll without a drain
        totals.add(&second);
        const QByteArray text = PrometheusExposition::transitions(totals);
        QVERIFY2(text.contains("\ntcpscope_state_transitions_total{from=\"established\",to=\"fin_wait1\"} 3\n"),
            text.constData());
        QVERIFY(text.contains("\ntcpscope_state_transitions_total{from=\"fin_wait2\",to=\"close\"} 1\n"));
        QVERIFY(text.contains("# TYPE tcpscope_state_transitions_total counter\n"));
        QVERIFY(text.contains("\ntcpscope_state_events_lost_total 4\n"));
        QVERIFY(text.contains(
            "\ntcpscope_state_transitions_total{from=\"close_wait\",to=\"last_ack\"} 0\n")); // usual: from 0
        m_transitions = text; // promtoolAcceptsIt checks it with the rest
    }

    void promtoolAcceptsIt()
    {
        const QString promtool = promtoolOrSkip();
        if (promtool.isEmpty())
            return;
        Advisory a;
        a.id = QStringLiteral("close-wait-piling");
        a.severity = Advisory::Severity::Warning;
        const QByteArray text
            = PrometheusExposition::format(owned(busy(), QStringLiteral("a\"b\\c\nd \u9032\u7a0b")), { a })
            + m_transitions;
        QVERIFY(text.contains("tcpscope_state_transitions_total{"));
        QProcess p;
        p.start(promtool, { QStringLiteral("check"), QStringLiteral("metrics") });
        QVERIFY(p.waitForStarted());
        p.write(text);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30'000));
        const QByteArray said = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0, said.constData());
        QVERIFY2(said.trimmed().isEmpty(), said.constData()); // not even a lint warning
    }
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
