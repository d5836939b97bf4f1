// Debian's real prometheus scrapes two tcpscope-agents, each in a network namespace of its own that
// sockpop fills with known sockets, and Debian's node_exporter (tcpstat on) in the first one. The
// namespaces reach the test's own through veth pairs on 10.77.N.0/24 that exist only here. Checked:
// promtool accepts the agent's live /metrics; `tcpscope --prometheus URL --snapshot --json` gives,
// per instance, the counts ss(8) reads in that namespace; node_exporter and the agent agree on
// node_tcp_connection_states for the same namespace.
#include "childrun.h"
#include "netnamespace.h"
#include "testmain.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <map>
#include <memory>

namespace {
using Counts = std::map<QString, qint64>; // node_exporter's state names -> sockets

// One namespace: sockpop's sockets, a veth to the test's namespace, and what serves metrics there.
struct Host
{
    int n = 0; // 1 or 2: 10.77.n.2 is the namespace's end of the veth
    QProcess pop; // sockpop; its command (`sh`, then `sleep`) holds the namespace
    qint64 holder = 0;
    std::vector<std::unique_ptr<QProcess>> servers; // the agent, node_exporter
    QString address() const { return QStringLiteral("10.77.%1.2").arg(n); }
    QString netns() const { return QStringLiteral("--net=/proc/%1/ns/net").arg(holder); }
};

QString tool(const char *name)
{
    const QString path = QStandardPaths::findExecutable(QLatin1String(name));
    return path.isEmpty() ? QStandardPaths::findExecutable(QLatin1String(name), { QStringLiteral("/usr/sbin") }) : path;
}

bool run(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    const ChildRun r = ChildRun::of(program, args);
    if (r.exitCode != 0)
        qWarning("%s %s: %s", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))), r.err.constData());
    if (out)
        *out = r.out;
    return r.exitCode == 0;
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

QByteArray get(const QString &url)
{
    QNetworkAccessManager net;
    QNetworkReply *reply = net.get(QNetworkRequest(QUrl(url)));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    reply->deleteLater();
    return body;
}

// ss -Htan's state words, as node_exporter names them (collector/tcpstat_linux.go).
Counts ssCounts(const Host &h)
{
    static const std::map<QByteArray, QString> names { { "ESTAB", QStringLiteral("established") },
        { "SYN-SENT", QStringLiteral("syn_sent") }, { "SYN-RECV", QStringLiteral("syn_recv") },
        { "FIN-WAIT-1", QStringLiteral("fin_wait1") }, { "FIN-WAIT-2", QStringLiteral("fin_wait2") },
        { "TIME-WAIT", QStringLiteral("time_wait") }, { "CLOSE-WAIT", QStringLiteral("close_wait") },
        { "LAST-ACK", QStringLiteral("last_ack") }, { "LISTEN", QStringLiteral("listen") },
        { "CLOSING", QStringLiteral("closing") } };
    QByteArray out;
    Counts c;
    if (!run(tool("nsenter"), { h.netns(), tool("ss"), QStringLiteral("-Htan") }, &out))
        return c;
    for (const QByteArray &line : out.split('\n')) {
        const QByteArray word = line.simplified().split(' ').value(0);
        if (names.count(word))
            ++c[names.at(word)];
    }
    return c;
}

Counts fromJson(const QJsonObject &states)
{
    Counts c;
    for (auto it = states.constBegin(); it != states.constEnd(); ++it) {
        if (it.value().toDouble() != 0)
            c[it.key()] = qint64(it.value().toDouble());
    }
    return c;
}

QByteArray shown(const Counts &c)
{
    QByteArray out;
    for (const auto &[state, n] : c)
        out += state.toUtf8() + '=' + QByteArray::number(n) + ' ';
    return out;
}

// Until `f` holds, at most 30 s: prometheus scrapes every second; a scrape in flight is a socket more.
bool eventually(const std::function<bool()> &f)
{
    QElapsedTimer t;
    t.start();
    while (!f()) {
        if (t.elapsed() > 30000)
            return false;
        QTest::qWait(500);
    }
    return true;
}
} // namespace

class TestPrometheusLive : public QObject
{
    Q_OBJECT
    Host m_hosts[2];
    QProcess m_prometheus;
    QTemporaryDir m_dir;
    quint16 m_port = 0;

    bool startHost(Host &h, int n, const QStringList &population);
    bool serve(Host &h, const QString &program, const QStringList &args);
    // Prometheus's instant query `q`: one value per series, keyed by its `key` label.
    std::map<QString, double> query(const QString &q, const QString &key);

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void promtoolAcceptsLiveMetrics();
    void fleetSnapshotEqualsSs();
    void nodeExporterAgrees();
    void transitionCounters();
};

bool TestPrometheusLive::startHost(Host &h, int n, const QStringList &population)
{
    h.n = n;
    h.pop.start(QStringLiteral(TCPSCOPE_SOCKPOP),
        population
            + QStringList { QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("echo $$; exec sleep 600") });
    if (!h.pop.waitForReadyRead(20000))
        return false;
    h.holder = h.pop.readLine().trimmed().toLongLong();
    const QString outside = QStringLiteral("tps%1").arg(n);
    const QString inside = QStringLiteral("tpn%1").arg(n);
    const QString ip = tool("ip");
    const QString nsenter = tool("nsenter");
    return h.holder > 0
        && run(ip,
            { QStringLiteral("link"), QStringLiteral("add"), outside, QStringLiteral("type"), QStringLiteral("veth"),
                QStringLiteral("peer"), QStringLiteral("name"), inside, QStringLiteral("netns"),
                QString::number(h.holder) })
        && run(ip,
            { QStringLiteral("addr"), QStringLiteral("add"), QStringLiteral("10.77.%1.1/24").arg(n),
                QStringLiteral("dev"), outside })
        && run(ip, { QStringLiteral("link"), QStringLiteral("set"), outside, QStringLiteral("up") })
        && run(nsenter,
            { h.netns(), ip, QStringLiteral("addr"), QStringLiteral("add"), h.address() + QStringLiteral("/24"),
                QStringLiteral("dev"), inside })
        && run(nsenter, { h.netns(), ip, QStringLiteral("link"), QStringLiteral("set"), inside, QStringLiteral("up") });
}

bool TestPrometheusLive::serve(Host &h, const QString &program, const QStringList &args)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->start(tool("nsenter"), QStringList { h.netns(), program } + args);
    const bool started = p->waitForStarted();
    h.servers.push_back(std::move(p));
    return started;
}

std::map<QString, double> TestPrometheusLive::query(const QString &q, const QString &key)
{
    std::map<QString, double> values;
    const QByteArray body = get(QStringLiteral("http://127.0.0.1:%1/api/v1/query?query=%2")
                                    .arg(m_port)
                                    .arg(QString::fromUtf8(QUrl::toPercentEncoding(q))));
    const QJsonArray result
        = QJsonDocument::fromJson(body).object()[QLatin1String("data")][QLatin1String("result")].toArray();
    for (const QJsonValue &series : result) {
        const QJsonObject o = series.toObject();
        values[o[QLatin1String("metric")].toObject()[key].toString()]
            = o[QLatin1String("value")].toArray().at(1).toString().toDouble();
    }
    return values;
}

void TestPrometheusLive::initTestCase()
{
    TCPSCOPE_REQUIRE_NAMESPACE();
    for (const char *name : { "prometheus", "promtool", "prometheus-node-exporter", "ss", "ip", "nsenter" }) {
        if (tool(name).isEmpty()) {
            const QByteArray why = QByteArray(name) + " is not installed (scripts/dev.sh installs it)";
            if (NetNamespace::mustNotSkip())
                QFAIL(why.constData());
            QSKIP(why.constData());
        }
    }
    // Sockets that stay put while the test runs (no TIME_WAIT or orphans, whose timers end them).
    QVERIFY(startHost(m_hosts[0], 1,
        { QStringLiteral("--family"), QStringLiteral("4"), QStringLiteral("--established"), QStringLiteral("12"),
            QStringLiteral("--fin-wait2"), QStringLiteral("5") }));
    QVERIFY(startHost(m_hosts[1], 2,
        { QStringLiteral("--family"), QStringLiteral("4"), QStringLiteral("--established"), QStringLiteral("3"),
            QStringLiteral("--fin-wait2"), QStringLiteral("9") }));
    for (Host &h : m_hosts) {
        QStringList args { QStringLiteral("--metrics"), h.address() + QStringLiteral(":9477"),
            QStringLiteral("--allow-insecure"), QStringLiteral("--interval"), QStringLiteral("500") };
        if (h.n == 2) // the first one reports the kernel's state changes (transitionCounters)
            args << QStringLiteral("--no-ebpf");
        QVERIFY(serve(h, QStringLiteral(TCPSCOPE_AGENT), args));
    }
    QVERIFY(serve(m_hosts[0], tool("prometheus-node-exporter"),
        { QStringLiteral("--web.listen-address=10.77.1.2:9100"), QStringLiteral("--collector.disable-defaults"),
            QStringLiteral("--collector.tcpstat") }));

    QFile config(m_dir.filePath(QStringLiteral("prometheus.yml")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
                 "scrape_configs:\n"
                 "  - job_name: tcpscope-agent\n"
                 "    static_configs: [{targets: ['10.77.1.2:9477', '10.77.2.2:9477']}]\n"
                 "  - job_name: node\n"
                 "    static_configs: [{targets: ['10.77.1.2:9100']}]\n");
    config.close();
    m_port = freePort();
    m_prometheus.setProcessChannelMode(QProcess::MergedChannels);
    m_prometheus.start(tool("prometheus"),
        { QStringLiteral("--config.file=") + config.fileName(),
            QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("data")),
            QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port) });
    QVERIFY(m_prometheus.waitForStarted());
    const bool up = eventually([this] {
        const std::map<QString, double> targets = query(QStringLiteral("up"), QStringLiteral("instance"));
        return targets.size() == 3
            && std::all_of(targets.begin(), targets.end(), [](auto &t) { return t.second == 1; });
    });
    QVERIFY2(up, m_prometheus.readAll().right(3000).constData());
}

void TestPrometheusLive::cleanupTestCase()
{
    m_prometheus.kill();
    m_prometheus.waitForFinished();
    for (Host &h : m_hosts) {
        for (auto &p : h.servers) {
            p->kill();
            p->waitForFinished();
        }
        if (h.holder > 0)
            ::kill(pid_t(h.holder), SIGKILL); // sockpop's command: sockpop ends with it
        h.pop.waitForFinished();
    }
}

void TestPrometheusLive::promtoolAcceptsLiveMetrics()
{
    const QByteArray body = get(QStringLiteral("http://10.77.1.2:9477/metrics"));
    QVERIFY(body.contains("node_tcp_connection_states{state=\"established\"}"));
    QProcess promtool;
    promtool.setProcessChannelMode(QProcess::MergedChannels);
    promtool.start(tool("promtool"), { QStringLiteral("check"), QStringLiteral("metrics") });
    promtool.write(body);
    promtool.closeWriteChannel();
    QVERIFY(promtool.waitForFinished());
    const QByteArray said = promtool.readAll();
    QVERIFY2(promtool.exitCode() == 0 && said.isEmpty(), said.constData()); // not even a lint warning
}

// Each instance's counts, as the fleet view reads them from prometheus, against ss in its namespace.
void TestPrometheusLive::fleetSnapshotEqualsSs()
{
    QByteArray last;
    const bool equal = eventually([&] {
        QByteArray out;
        if (!run(QStringLiteral(TCPSCOPE_BINARY),
                { QStringLiteral("--prometheus"), QStringLiteral("http://127.0.0.1:%1").arg(m_port),
                    QStringLiteral("--snapshot"), QStringLiteral("--json") },
                &out))
            return false;
        std::map<QString, Counts> fleet;
        for (const QJsonValue &v : QJsonDocument::fromJson(out).object()[QLatin1String("instances")].toArray())
            fleet[v[QLatin1String("instance")].toString()] = fromJson(v[QLatin1String("states")].toObject());
        last = out;
        if (fleet.size() != 3)
            return false;
        for (const Host &h : m_hosts) {
            const Counts ss = ssCounts(h);
            last += "ss " + h.address().toUtf8() + ": " + shown(ss) + '\n';
            for (const char *port : { ":9477", ":9100" }) {
                const auto it = fleet.find(h.address() + QLatin1String(port));
                if (it != fleet.end() && it->second != ss)
                    return false;
            }
        }
        return true;
    });
    QVERIFY2(equal, last.constData());
    // sockpop's sockets are there as made (nothing else here makes FIN_WAIT2 ones).
    QCOMPARE(ssCounts(m_hosts[0])[QStringLiteral("fin_wait2")], 5);
    QCOMPARE(ssCounts(m_hosts[1])[QStringLiteral("fin_wait2")], 9);
}

// The same namespace through node_exporter's tcpstat and through the agent: the same series.
void TestPrometheusLive::nodeExporterAgrees()
{
    QByteArray last;
    const bool equal = eventually([&] {
        const auto agent
            = query(QStringLiteral("node_tcp_connection_states{instance=\"10.77.1.2:9477\"}"), QStringLiteral("state"));
        const auto node
            = query(QStringLiteral("node_tcp_connection_states{instance=\"10.77.1.2:9100\"}"), QStringLiteral("state"));
        last.clear();
        for (const auto &[state, v] : node)
            last += state.toUtf8() + ": node " + QByteArray::number(v) + " agent "
                + QByteArray::number(agent.count(state) ? agent.at(state) : -1) + '\n';
        // The agent leaves out states with no socket; node_exporter writes them as 0. The queue sums
        // are of the instant each one reads, scrapes' replies in flight included: not compared.
        for (const auto &[state, v] : node) {
            if (!state.endsWith(QLatin1String("_bytes")) && (agent.count(state) ? agent.at(state) : 0.0) != v)
                return false;
        }
        return !agent.empty() && agent.size() <= node.size();
    });
    QVERIFY2(equal, last.constData());
}

// Three connections opened and closed client-first in the first namespace: prometheus reads at
// least three ESTABLISHED -> FIN_WAIT1 from the agent's counters (last: they leave TIME_WAIT sockets).
void TestPrometheusLive::transitionCounters()
{
    const QString q = QStringLiteral(
        "tcpscope_state_transitions_total{instance=\"10.77.1.2:9477\",from=\"established\",to=\"fin_wait1\"}");
    const auto before = query(q, QStringLiteral("instance"));
    QVERIFY2(before.size() == 1, "the agent in the first namespace runs its eBPF program: no counter");
    QVERIFY(run(tool("nsenter"),
        { m_hosts[0].netns(), QStringLiteral(TCPSCOPE_SOCKPOP), QStringLiteral("--here"), QStringLiteral("--family"),
            QStringLiteral("4"), QStringLiteral("--time-wait"), QStringLiteral("3"), QStringLiteral("--"),
            QStringLiteral("true") }));
    double now = 0;
    QVERIFY(eventually([&] {
        const auto after = query(q, QStringLiteral("instance"));
        now = after.empty() ? 0 : after.begin()->second;
        return now >= before.begin()->second + 3;
    }));
    const QByteArray direct = get(QStringLiteral("http://10.77.1.2:9477/metrics"));
    QVERIFY(direct.contains("# TYPE tcpscope_state_transitions_total counter"));
    QVERIFY(direct.contains("\ntcpscope_state_events_lost_total 0\n"));
}

TCPSCOPE_TEST_MAIN(TestPrometheusLive, QCoreApplication, TestMain::Isolated)

#include "tst_prometheuslive.moc"
