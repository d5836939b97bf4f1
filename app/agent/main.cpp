// tcpscope-agent: streams this host's TCP tables in the tcpscope stream format
// (docs/stream-format.md). No GUI libraries; QtCore and QtNetwork only.
//
//   ssh host tcpscope-agent --stdout | tcpscope --stdin
//   ssh -L 7411:127.0.0.1:7411 host tcpscope-agent --listen 7411   then   tcpscope --connect 127.0.0.1:7411
#include "agentserver.h"
#include "agentstream.h"
#include "analysis/advisor.h"
#include "metricsserver.h"
#include "report/prometheusexposition.h"
#include "sources/snapshotsource.h"
#include "webconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QSslSocket>
#include <QThread>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {
bool writeAll(int fd, const QByteArray &b)
{
    qsizetype done = 0;
    while (done < b.size()) {
        const ssize_t n = ::write(fd, b.constData() + done, size_t(b.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

// Frames to stdout until the reader goes away (write fails) or count frames are out.
// The pipe never skips a frame (write blocks), so it stays in step: keyframe first, then deltas.
int runStdout(AgentStream &stream, int intervalMs, qint64 count)
{
    for (qint64 i = 0; count <= 0 || i < count; ++i) {
        if (i > 0) { // between frames, a --metrics scrape is answered (an event loop that sleeps)
            QEventLoop wait;
            QTimer::singleShot(intervalMs, &wait, &QEventLoop::quit);
            wait.exec();
        }
        const QByteArray &frame = stream.next();
        if (frame.isEmpty())
            std::fprintf(stderr, "tcpscope-agent: %s\n", qPrintable(stream.last().status().error()));
        else if (!writeAll(STDOUT_FILENO, frame))
            return 0; // the reader closed: the normal way to end
    }
    return 0;
}

// With privilege (CAP_BPF, CAP_PERFMON) frames also carry every state change between them.
void startStateEvents(AgentStream &stream)
{
    const bool feed = stream.startStateEvents([](const Status &s) {
        if (s.ok())
            std::fprintf(stderr, "tcpscope-agent: eBPF state changes on: frames carry @events\n");
        else
            std::fprintf(stderr, "tcpscope-agent: no eBPF state changes (%s)\n", qPrintable(s.error()));
        std::fflush(stderr);
    });
    if (!feed)
        std::fprintf(stderr, "tcpscope-agent: no eBPF state changes: they need netlink sock_diag cookies\n");
}

void addOptions(QCommandLineParser &p)
{
    p.setApplicationDescription(QStringLiteral("Streams this host's TCP socket tables and tunables to tcpscope. "
                                               "It reads sockets with netlink sock_diag (or /proc) and owners from "
                                               "/proc, and never runs anything a client sends."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOption(
        { QStringLiteral("stdout"), QStringLiteral("Write frames to stdout (for ssh HOST tcpscope-agent --stdout).") });
    p.addOption({ QStringLiteral("listen"),
        QStringLiteral("Serve frames on [ADDRESS:]PORT (default address 127.0.0.1; port 0 picks one)."),
        QStringLiteral("[ADDRESS:]PORT") });
    p.addOption({ QStringLiteral("allow-remote"), QStringLiteral("Alias of --allow-insecure for --listen.") });
    p.addOption({ QStringLiteral("metrics"),
        QStringLiteral("Serve Prometheus metrics on [ADDRESS:]PORT at /metrics (default address 127.0.0.1), alone or "
                       "beside --listen or --stdout."),
        QStringLiteral("[ADDRESS:]PORT") });
    p.addOption({ QStringLiteral("allow-insecure"),
        QStringLiteral("Serve --metrics or --listen on a non-loopback address without TLS or authentication.") });
    p.addOption({ QStringLiteral("web-config"),
        QStringLiteral("TLS and basic auth users for --metrics, TLS and client certificates for --listen, in the "
                       "Prometheus exporter-toolkit format (basic auth users apply to /metrics only)."),
        QStringLiteral("FILE") });
    p.addOption({ QStringLiteral("interval"), QStringLiteral("Milliseconds between frames (100 or more)."),
        QStringLiteral("MS"), QStringLiteral("1000") });
    p.addOption({ QStringLiteral("count"), QStringLiteral("With --stdout: stop after N frames."), QStringLiteral("N"),
        QStringLiteral("0") });
    p.addOption({ QStringLiteral("max-clients"), QStringLiteral("With --listen: serve at most N clients at once."),
        QStringLiteral("N"), QString::number(AgentServer::DefaultMaxClients) });
    p.addOption({ QStringLiteral("stall-timeout"),
        QStringLiteral("With --listen: drop a client that has read nothing for MS milliseconds."), QStringLiteral("MS"),
        QString::number(AgentServer::DefaultStallTimeoutMs) });
    p.addOption({ QStringLiteral("no-ebpf"),
        QStringLiteral("Do not load the eBPF program that reports every TCP state change (@events).") });
    p.addOption({ QStringLiteral("proc-root"),
        QStringLiteral("Read the sockets as text from DIR/net/tcp{,6} instead of netlink sock_diag."),
        QStringLiteral("DIR"), QStringLiteral("/proc") });
}

// [ADDRESS:]PORT, ADDRESS an IP address (IPv6 in brackets) or localhost; an error says what is wrong.
QString parseListen(QString spec, QHostAddress *address, quint16 *port, const char *option = "--listen")
{
    QString host = QStringLiteral("127.0.0.1");
    const qsizetype colon = spec.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0) {
        host = spec.first(colon);
        spec = spec.sliced(colon + 1);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.sliced(1, host.size() - 2);
    }
    bool ok = false;
    const int n = spec.toInt(&ok);
    if (!ok || n < 0 || n > 65535)
        return QStringLiteral("%1 takes [ADDRESS:]PORT, e.g. 7411 or 127.0.0.1:7411").arg(QLatin1String(option));
    *port = quint16(n);
    if (host == QLatin1String("localhost"))
        *address = QHostAddress::LocalHost;
    else if (!address->setAddress(host))
        return QStringLiteral("%1: '%2' is not an IP address").arg(QLatin1String(option), host);
    return {};
}

int fail(const QString &message)
{
    std::fprintf(stderr, "tcpscope-agent: %s\n", qPrintable(message));
    return 2;
}

// Why --metrics on a non-loopback address is refused, or empty: it needs TLS, and passwords only with TLS.
QString refuseMetrics(const QHostAddress &a, const std::optional<WebConfig> &config)
{
    if (config && config->hasTls())
        return {};
    if (config && !config->users().isEmpty())
        return QStringLiteral("refusing to serve metrics on %1 with basic auth users but no TLS: passwords would "
                              "cross the network in clear; add tls_server_config to the web config, or pass "
                              "--allow-insecure on a trusted network")
            .arg(a.toString());
    return QStringLiteral("refusing to serve metrics on %1 without TLS or authentication: pass --web-config FILE "
                          "with tls_server_config and basic_auth_users (see tcpscope-agent(1)), serve on 127.0.0.1 "
                          "and reach it through ssh -L, or pass --allow-insecure on a trusted network")
        .arg(a.toString());
}

// The frame stream has no passwords: beyond loopback, TLS with client certificates protects it.
QString refuseListen(const QHostAddress &a, const std::optional<WebConfig> &config)
{
    if (config && config->verifiesClients())
        return {};
    return QStringLiteral("refusing to listen on %1: the frame stream needs TLS with client certificates beyond "
                          "loopback: pass --web-config FILE with tls_server_config.client_auth_type: "
                          "RequireAndVerifyClientCert and client_ca_file, listen on 127.0.0.1 and reach it with ssh "
                          "-L, or pass --allow-insecure (alias --allow-remote) on a trusted network")
        .arg(a.toString());
}

// --listen and --metrics, refused before any socket is read: beyond loopback only when protected.
QString checkAddresses(
    const QCommandLineParser &p, const std::optional<WebConfig> &config, QHostAddress *address, quint16 *port)
{
    const bool insecure = p.isSet(QStringLiteral("allow-insecure"));
    if (p.isSet(QStringLiteral("listen"))) {
        if (QString e = parseListen(p.value(QStringLiteral("listen")), address, port); !e.isEmpty())
            return e;
        const bool remote = insecure || p.isSet(QStringLiteral("allow-remote"));
        if (QString e = refuseListen(*address, config); !address->isLoopback() && !remote && !e.isEmpty())
            return e;
    }
    if (p.isSet(QStringLiteral("metrics"))) {
        QHostAddress a;
        quint16 unused = 0;
        if (QString e = parseListen(p.value(QStringLiteral("metrics")), &a, &unused, "--metrics"); !e.isEmpty())
            return e;
        if (QString e = refuseMetrics(a, config); !a.isLoopback() && !insecure && !e.isEmpty())
            return e;
    }
    return {};
}

// --web-config, read before any socket: its errors end the agent with 2.
std::optional<WebConfig> webConfig(const QCommandLineParser &p, QString *error)
{
    if (!p.isSet(QStringLiteral("web-config")))
        return std::nullopt;
    std::optional<WebConfig> config = WebConfig::load(p.value(QStringLiteral("web-config")), error);
    if (config && config->hasTls() && !QSslSocket::supportsSsl())
        *error = QStringLiteral("--web-config asks for TLS, but Qt has no TLS backend here (%1); install Qt's "
                                "OpenSSL plugin (Debian: libqt6network6)")
                     .arg(QSslSocket::activeBackend());
    return error->isEmpty() ? config : std::nullopt;
}

// --metrics: the exposition of every capture, so a scrape reads the last one and never waits for a poll.
Status serveMetrics(
    const QCommandLineParser &p, AgentStream &stream, MetricsServer &metrics, const std::optional<WebConfig> &config)
{
    QHostAddress address;
    quint16 port = 0;
    if (const QString error = parseListen(p.value(QStringLiteral("metrics")), &address, &port, "--metrics");
        !error.isEmpty())
        return Status::failure(error);
    if (Status s = metrics.listen(address, port); !s.ok())
        return s;
    stream.onCapture([&metrics, previous = Snapshot(), totals = TransitionTotals()](const Snapshot &s) mutable {
        totals.add(s.stateEvents());
        metrics.setBody(PrometheusExposition::format(s, Advisor::evaluate(s, previous, nullptr))
            + PrometheusExposition::transitions(totals));
        previous = s;
    });
    std::fprintf(stderr, "tcpscope-agent: metrics on %s://%s:%u/metrics\n",
        config && config->hasTls() ? "https" : "http",
        qPrintable(address.protocol() == QAbstractSocket::IPv6Protocol
                ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                : address.toString()),
        unsigned(metrics.port()));
    return {};
}
} // namespace

int main(int argc, char **argv)
{
    std::signal(SIGPIPE, SIG_IGN); // a closed reader is a failed write, not a killed agent
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tcpscope-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TCPSCOPE_VERSION));
    QCommandLineParser p;
    addOptions(p);
    p.process(app);

    bool ok = false;
    const int interval = p.value(QStringLiteral("interval")).toInt(&ok);
    if (!ok || interval < 100)
        return fail(QStringLiteral("--interval takes a whole number of milliseconds, 100 or more"));
    const qint64 count = p.value(QStringLiteral("count")).toLongLong(&ok);
    if (!ok || count < 0)
        return fail(QStringLiteral("--count takes a number"));
    const int maxClients = p.value(QStringLiteral("max-clients")).toInt(&ok);
    if (!ok || maxClients < 1 || maxClients > 1000)
        return fail(QStringLiteral("--max-clients takes a number from 1 to 1000"));
    const int stallTimeout = p.value(QStringLiteral("stall-timeout")).toInt(&ok);
    if (!ok || stallTimeout < interval)
        return fail(QStringLiteral("--stall-timeout takes milliseconds, at least --interval"));
    const QString root = p.value(QStringLiteral("proc-root"));
    if (!QDir(root).exists())
        return fail(QStringLiteral("--proc-root %1: no such directory").arg(root));
    if (p.isSet(QStringLiteral("stdout")) && p.isSet(QStringLiteral("listen")))
        return fail(QStringLiteral("choose one of --stdout and --listen"));
    if (!p.isSet(QStringLiteral("stdout")) && !p.isSet(QStringLiteral("listen")) && !p.isSet(QStringLiteral("metrics")))
        return fail(QStringLiteral("choose --stdout, --listen or --metrics"));
    QString configError;
    const std::optional<WebConfig> config = webConfig(p, &configError);
    if (!configError.isEmpty())
        return fail(configError);
    QHostAddress address;
    quint16 port = 0;
    if (const QString e = checkAddresses(p, config, &address, &port); !e.isEmpty())
        return fail(e);
    QString how;
    std::unique_ptr<SnapshotSource> source = AgentStream::openSource(root, p.isSet(QStringLiteral("proc-root")), &how);
    std::fprintf(stderr, "tcpscope-agent: %s\n", qPrintable(how));
    AgentStream stream(std::move(source), root);
    if (!p.isSet(QStringLiteral("no-ebpf")))
        startStateEvents(stream);
    MetricsServer metrics(config ? config->newServer(nullptr) : nullptr);
    if (config)
        metrics.setAuth(BasicAuth(config->users()));
    if (p.isSet(QStringLiteral("metrics"))) {
        if (const Status s = serveMetrics(p, stream, metrics, config); !s.ok())
            return fail(s.error());
    }
    if (p.isSet(QStringLiteral("stdout")))
        return runStdout(stream, interval, count); // --metrics beside it is served between frames below
    QTimer alone; // --metrics alone: poll at the interval for it
    if (!p.isSet(QStringLiteral("listen"))) {
        QObject::connect(&alone, &QTimer::timeout, [&stream] {
            stream.next();
            stream.idle();
        });
        alone.start(interval);
        stream.next();
        return app.exec();
    }

    AgentServer server(stream, interval, config ? config->newServer(nullptr) : nullptr);
    server.setMaxClients(maxClients);
    server.setStallTimeoutMs(stallTimeout);
    const bool remote = p.isSet(QStringLiteral("allow-insecure")) || p.isSet(QStringLiteral("allow-remote"))
        || (config && config->verifiesClients());
    const Status listening = server.listen(address, port, remote);
    if (!listening.ok())
        return fail(listening.error());
    std::fprintf(
        stderr, "tcpscope-agent: listening on %s port %u\n", qPrintable(address.toString()), unsigned(server.port()));
    std::fflush(stderr);
    return app.exec();
}
