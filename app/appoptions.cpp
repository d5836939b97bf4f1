#include "appoptions.h"

#include "core/sshtarget.h"
#include "parse/ssfilterparser.h"
#include "sources/local/servicedatabase.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

// --prometheus and what goes with it.
static void fleetSetup(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("prometheus"),
        QStringLiteral("The fleet: every instance a Prometheus server has tcpscope-agent or node_exporter tcpstat "
                       "metrics of, e.g. http://prometheus:9090. With --snapshot: print their counts and findings."),
        QStringLiteral("URL") });
    p.addOption({ QStringLiteral("match"),
        QStringLiteral("With --prometheus: only instances matching this selector, e.g. {job=\"web\"}."),
        QStringLiteral("SELECTOR") });
}

// The commands that print and exit: --snapshot, --kill, --events and what goes with them.
static void headlessOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("snapshot"),
        QStringLiteral("Print one snapshot (counts, tunables, problems) and exit. "
                       "Needs no display.") });
    p.addOption({ QStringLiteral("kill"),
        QStringLiteral("End the TCP connections the filter expression selects (as ss -K does, through netlink "
                       "SOCK_DESTROY; needs CAP_NET_ADMIN). Lists them; ends them only with --yes.") });
    p.addOption({ QStringLiteral("events"),
        QStringLiteral("Print each TCP state transition as polls see it, one line each (with --json one JSON object "
                       "a line), until --duration ends or Ctrl+C. Needs no display.") });
    p.addOption({ QStringLiteral("duration"), QStringLiteral("With --events: stop after SECONDS."),
        QStringLiteral("SECONDS") });
    p.addOption({ QStringLiteral("yes"), QStringLiteral("With --kill: really end the listed connections.") });
    p.addOption(
        { QStringLiteral("json"), QStringLiteral("With --snapshot or --events: print JSON (schema in README.md).") });
    p.addOption({ QStringLiteral("sockets"), QStringLiteral("With --snapshot: list every socket too.") });
}

void AppOptions::setup(QCommandLineParser &p)
{
    p.setApplicationDescription(QStringLiteral(
        "Shows TCP connection states live: the RFC 793 state diagram, per-state counts over time and the "
        "kernel tunables that shape them.\n\nWith no options, opens the window on this host's sockets."));
    p.addHelpOption();
    p.addVersionOption();
    headlessOptions(p);
    p.addOption({ QStringLiteral("filter"),
        QStringLiteral("Only the sockets an ss(8) filter expression selects, e.g. \"state time-wait dport = :443\": "
                       "with --snapshot in the counts and the list, with --events in the transitions, else in the "
                       "window's filter box. The expression may also follow the options as arguments."),
        QStringLiteral("EXPR") });
    p.addPositionalArgument(QStringLiteral("expression"),
        QStringLiteral("An ss(8) filter expression, as for --filter (quote it: the shell reads ( ) and ! itself)."),
        QStringLiteral("[EXPRESSION...]"));
    p.addOption({ QStringLiteral("proc-root"),
        QStringLiteral("Read DIR/net/tcp, DIR/net/tcp6 and DIR/sys/... instead of /proc."), QStringLiteral("DIR"),
        QStringLiteral("/proc") });
    p.addOption({ QStringLiteral("bsd-netstat"),
        QStringLiteral("Read a FreeBSD/macOS host from FILE, saved `netstat -an -p tcp` output."),
        QStringLiteral("FILE") });
    p.addOption({ QStringLiteral("bsd-sysctl"),
        QStringLiteral("With --bsd-netstat: saved `sysctl` output (name: value or name=value)."),
        QStringLiteral("FILE") });
    p.addOption({ QStringLiteral("source"),
        QStringLiteral("How to read this host's sockets: netlink (sock_diag, as ss does), proc (/proc/net/tcp) or "
                       "auto (netlink, falling back to /proc; the default). --proc-root implies proc."),
        QStringLiteral("KIND"), QStringLiteral("auto") });
    p.addOption({ QStringLiteral("no-ebpf"),
        QStringLiteral("Do not load the eBPF program that reports every TCP state change (netlink, as root or with "
                       "CAP_BPF and CAP_PERFMON); transitions are then inferred from the polls.") });
    p.addOption(
        { QStringLiteral("interval"), QStringLiteral("Poll interval in milliseconds (100 or more; default 1000)."),
            QStringLiteral("MS"), QStringLiteral("1000") });
    p.addOption({ QStringLiteral("screenshot"),
        QStringLiteral("Render the whole window to FILE (PNG) after the first poll, then exit."),
        QStringLiteral("FILE") });
    p.addOption({ QStringLiteral("screenshot-delay"),
        QStringLiteral("With --screenshot: keep polling for SECONDS first, so the chart has a history (default 0)."),
        QStringLiteral("SECONDS"), QStringLiteral("0") });
    p.addOption({ QStringLiteral("lesson"),
        QStringLiteral("Open the lesson NAME (see --list-lessons) or a lesson .json file in the lesson window."),
        QStringLiteral("NAME") });
    p.addOption({ QStringLiteral("step"),
        QStringLiteral("With --lesson: start at step N (with --screenshot the default is the middle step)."),
        QStringLiteral("N") });
    p.addOption({ QStringLiteral("presentation"), QStringLiteral("With --lesson: large fonts for a projector.") });
    p.addOption({ QStringLiteral("list-lessons"), QStringLiteral("List the built-in lessons and exit.") });
    p.addOption({ QStringLiteral("lab"),
        QStringLiteral("Open real loopback connections in this process and close them in PATTERN: client-first, "
                       "server-first, simultaneous, half-close, rst or burst. With --snapshot, prints the "
                       "snapshot taken after it."),
        QStringLiteral("PATTERN") });
    p.addOption({ QStringLiteral("count"), QStringLiteral("With --lab: number of connections (default 1)."),
        QStringLiteral("N"), QStringLiteral("1") });
    p.addOption({ QStringLiteral("ssh"),
        QStringLiteral("Watch a server over SSH with the system ssh client (your ~/.ssh/config, agent and "
                       "known_hosts apply). Needs only sh on the server."),
        QStringLiteral("[USER@]HOST[:PORT]") });
    p.addOption({ QStringLiteral("ssh-config"), QStringLiteral("With --ssh: use this ssh config file (ssh -F)."),
        QStringLiteral("FILE") });
    p.addOption({ QStringLiteral("ssh-compress"),
        QStringLiteral("With --ssh: compress the link (ssh -C), for a slow link; costs some CPU on both ends.") });
    p.addOption({ QStringLiteral("stdin"),
        QStringLiteral("Read frames from stdin, e.g. ssh HOST tcpscope-agent --stdout | tcpscope --stdin.") });
    p.addOption({ QStringLiteral("connect"),
        QStringLiteral("Read frames from a tcpscope-agent listening at HOST:PORT (e.g. through ssh -L)."),
        QStringLiteral("HOST:PORT") });
    p.addOption({ QStringLiteral("record"), QStringLiteral("Append every frame received to FILE (flushed per frame)."),
        QStringLiteral("FILE") });
    p.addOption({ QStringLiteral("remote-script"),
        QStringLiteral("Print the sh loop --ssh runs on a server and exit, to record with nothing but ssh: "
                       "tcpscope --remote-script | ssh HOST sh > FILE.") });
    p.addOption({ QStringLiteral("replay"), QStringLiteral("Play back a recording made with --record."),
        QStringLiteral("FILE") });
    fleetSetup(p);
}

static QString fleetOptions(const QCommandLineParser &p, AppOptions &o)
{
    o.prometheusMatch = p.value(QStringLiteral("match"));
    if (!p.isSet(QStringLiteral("prometheus")))
        return o.prometheusMatch.isEmpty() ? QString() : QStringLiteral("--match goes with --prometheus");
    o.prometheus = QUrl::fromUserInput(p.value(QStringLiteral("prometheus")));
    if (!o.prometheus.isValid()
        || (o.prometheus.scheme() != QLatin1String("http") && o.prometheus.scheme() != QLatin1String("https")))
        return QStringLiteral("--prometheus takes the server's URL, e.g. http://prometheus:9090");
    if (o.source.isStream() || !o.source.replay.isEmpty())
        return QStringLiteral("--prometheus does not go with --ssh, --stdin, --connect or --replay");
    return {};
}

static QString streamOptions(const QCommandLineParser &p, AppOptions &o)
{
    SourceSpec &s = o.source;
    int sources = 0;
    if (p.isSet(QStringLiteral("ssh"))) {
        ++sources;
        const Expected<SshTarget> t = SshTarget::parse(p.value(QStringLiteral("ssh")));
        if (!t.ok())
            return QStringLiteral("--ssh: ") + t.error();
        s.sshTarget = t->toString();
    }
    s.sshConfig = p.value(QStringLiteral("ssh-config"));
    if (!s.sshConfig.isEmpty() && s.sshTarget.isEmpty())
        return QStringLiteral("--ssh-config goes with --ssh");
    if (!s.sshConfig.isEmpty() && !QFileInfo(s.sshConfig).isFile())
        return QStringLiteral("--ssh-config %1: no such file").arg(s.sshConfig);
    s.sshCompress = p.isSet(QStringLiteral("ssh-compress"));
    if (s.sshCompress && s.sshTarget.isEmpty())
        return QStringLiteral("--ssh-compress goes with --ssh");
    o.remoteScript = p.isSet(QStringLiteral("remote-script"));
    s.stdinStream = p.isSet(QStringLiteral("stdin"));
    sources += s.stdinStream;
    if (p.isSet(QStringLiteral("connect"))) {
        ++sources;
        const QString v = p.value(QStringLiteral("connect"));
        const qsizetype colon = v.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int port = colon > 0 ? v.sliced(colon + 1).toInt(&ok) : 0;
        s.agentHost = colon > 0 ? v.first(colon) : QString();
        if (s.agentHost.startsWith(QLatin1Char('[')) && s.agentHost.endsWith(QLatin1Char(']')))
            s.agentHost = s.agentHost.sliced(1, s.agentHost.size() - 2);
        if (!ok || port < 1 || port > 65535 || s.agentHost.isEmpty())
            return QStringLiteral("--connect takes HOST:PORT, e.g. 127.0.0.1:7411");
        s.agentPort = quint16(port);
    }
    s.record = p.value(QStringLiteral("record"));
    s.replay = p.value(QStringLiteral("replay"));
    sources += !s.replay.isEmpty();
    if (p.isSet(QStringLiteral("proc-root")) && sources > 0)
        return QStringLiteral("--proc-root reads this host; it does not go with --ssh, --stdin, --connect or --replay");
    if (sources > 1)
        return QStringLiteral("choose one of --ssh, --stdin, --connect and --replay");
    if (!s.record.isEmpty() && !s.replay.isEmpty())
        return QStringLiteral("--record and --replay do not go together");
    if (!s.replay.isEmpty() && !QFileInfo(s.replay).isFile())
        return QStringLiteral("--replay %1: no such file").arg(s.replay);
    return {};
}

static QString thisHostOptions(const QCommandLineParser &p, SourceSpec &s)
{
    s.procRoot = p.value(QStringLiteral("proc-root"));
    s.procRootGiven = p.isSet(QStringLiteral("proc-root"));
    s.stateEvents = !p.isSet(QStringLiteral("no-ebpf"));
    const QString reader = p.value(QStringLiteral("source"));
    if (reader == QLatin1String("netlink"))
        s.reader = SourceSpec::Reader::Netlink;
    else if (reader == QLatin1String("proc"))
        s.reader = SourceSpec::Reader::Proc;
    else if (reader != QLatin1String("auto"))
        return QStringLiteral("--source takes auto, netlink or proc");
    if (s.procRootGiven && s.reader == SourceSpec::Reader::Netlink)
        return QStringLiteral("--source netlink reads this host's kernel; it does not go with --proc-root");
    if (s.procRoot.isEmpty())
        return QStringLiteral("--proc-root needs a directory");
    if (!QDir(s.procRoot).exists())
        return QStringLiteral("--proc-root %1: no such directory").arg(s.procRoot);
    while (s.procRoot.size() > 1 && s.procRoot.endsWith(QLatin1Char('/')))
        s.procRoot.chop(1);
    s.bsdNetstat = p.value(QStringLiteral("bsd-netstat"));
    s.bsdSysctl = p.value(QStringLiteral("bsd-sysctl"));
    if (!s.bsdSysctl.isEmpty() && s.bsdNetstat.isEmpty())
        return QStringLiteral("--bsd-sysctl goes with --bsd-netstat");
    return {};
}

// --filter EXPR or the trailing words, joined as ss joins its arguments.
static QString filterOption(const QCommandLineParser &p, AppOptions &o)
{
    const QStringList words = p.positionalArguments();
    if (!words.isEmpty() && p.isSet(QStringLiteral("filter")))
        return QStringLiteral("give the filter once: --filter EXPR or the expression as arguments");
    o.filter = p.isSet(QStringLiteral("filter")) ? p.value(QStringLiteral("filter")) : words.join(QLatin1Char(' '));
    if (o.filter.trimmed().isEmpty())
        return {};
    const Expected<SsFilter> f = SsFilterParser::parse(o.filter, ServiceDatabase::tcpPort);
    if (!f.ok())
        return QStringLiteral("filter \"%1\": %2").arg(o.filter, f.error());
    o.filterExpression = *f;
    return {};
}

// --events and --duration; after the source options, which it checks.
static QString eventsOptions(const QCommandLineParser &p, AppOptions &o)
{
    o.events = p.isSet(QStringLiteral("events"));
    if (p.isSet(QStringLiteral("duration"))) {
        bool ok = false;
        const double seconds = p.value(QStringLiteral("duration")).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 31'536'000)
            return QStringLiteral("--duration takes seconds, more than 0 (e.g. 10 or 0.5)");
        o.eventsDurationMs = qMax(1, qRound(seconds * 1000));
    }
    if (!o.events)
        return p.isSet(QStringLiteral("duration")) ? QStringLiteral("--duration goes with --events") : QString();
    if (o.snapshot || o.kill || !o.screenshot.isEmpty() || !o.lesson.isEmpty() || !o.labPattern.isEmpty())
        return QStringLiteral("--events does not go with --snapshot, --kill, --screenshot, --lesson or --lab");
    if (o.sockets)
        return QStringLiteral("--sockets goes with --snapshot");
    if (!o.source.isThisHost())
        return QStringLiteral("--events polls this host; it does not go with --ssh, --stdin, --connect or --replay");
    return {};
}

QString AppOptions::fromParser(const QCommandLineParser &p, AppOptions &o)
{
    if (QString e = filterOption(p, o); !e.isEmpty())
        return e;
    o.snapshot = p.isSet(QStringLiteral("snapshot"));
    o.kill = p.isSet(QStringLiteral("kill"));
    o.yes = p.isSet(QStringLiteral("yes"));
    if (o.kill && o.snapshot)
        return QStringLiteral("--kill does not go with --snapshot");
    if (o.yes && !o.kill)
        return QStringLiteral("--yes goes with --kill");
    o.lesson = p.value(QStringLiteral("lesson"));
    o.presentation = p.isSet(QStringLiteral("presentation"));
    o.listLessons = p.isSet(QStringLiteral("list-lessons"));
    o.labPattern = p.value(QStringLiteral("lab"));
    if (p.isSet(QStringLiteral("step"))) {
        bool stepOk = false;
        o.lessonStep = p.value(QStringLiteral("step")).toInt(&stepOk) - 1;
        if (!stepOk || o.lessonStep < 0)
            return QStringLiteral("--step takes a step number, 1 or more");
    }
    if ((p.isSet(QStringLiteral("step")) || o.presentation) && o.lesson.isEmpty())
        return QStringLiteral("--step and --presentation go with --lesson");
    bool countOk = false;
    o.labCount = p.value(QStringLiteral("count")).toInt(&countOk);
    if (!countOk || o.labCount < 1 || o.labCount > 20000)
        return QStringLiteral("--count takes a number from 1 to 20000");
    if (!o.lesson.isEmpty() && o.snapshot)
        return QStringLiteral("--lesson does not go with --snapshot");
    o.json = p.isSet(QStringLiteral("json"));
    o.sockets = p.isSet(QStringLiteral("sockets"));
    if ((o.json || o.sockets) && !o.snapshot && !p.isSet(QStringLiteral("events")))
        return QStringLiteral("--json and --sockets go with --snapshot (--json also with --events)");
    if (QString e = thisHostOptions(p, o.source); !e.isEmpty())
        return e;
    bool ok = false;
    o.intervalMs = p.value(QStringLiteral("interval")).toInt(&ok);
    if (!ok || o.intervalMs < 100)
        return QStringLiteral("--interval takes a whole number of milliseconds, 100 or more");
    o.intervalGiven = p.isSet(QStringLiteral("interval"));
    o.source.intervalMs = o.intervalMs;
    o.source.oneShot = o.snapshot;
    o.screenshot = p.value(QStringLiteral("screenshot"));
    if (o.snapshot && !o.screenshot.isEmpty())
        return QStringLiteral("--snapshot and --screenshot do not go together");
    o.screenshotDelayMs = qRound(p.value(QStringLiteral("screenshot-delay")).toDouble(&ok) * 1000);
    if (!ok || o.screenshotDelayMs < 0 || o.screenshotDelayMs > 3'600'000)
        return QStringLiteral("--screenshot-delay takes seconds, 0 to 3600");
    if (QString e = streamOptions(p, o); !e.isEmpty())
        return e;
    if (QString e = fleetOptions(p, o); !e.isEmpty())
        return e;
    return eventsOptions(p, o);
}
