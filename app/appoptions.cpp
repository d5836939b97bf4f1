#include "appoptions.h"

#include "sshtarget.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

void AppOptions::setup(QCommandLineParser &p)
{
    p.setApplicationDescription(QStringLiteral(
        "Shows TCP connection states live: the RFC 793 state diagram, per-state counts over time and the "
        "kernel tunables that shape them.\n\nWith no options, opens the window on this host's sockets."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOption({ QStringLiteral("snapshot"),
        QStringLiteral("Print one snapshot (counts, tunables, problems) and exit. "
                       "Needs no display.") });
    p.addOption({ QStringLiteral("json"), QStringLiteral("With --snapshot: print JSON (schema in README.md).") });
    p.addOption({ QStringLiteral("sockets"), QStringLiteral("With --snapshot: list every socket too.") });
    p.addOption({ QStringLiteral("proc-root"),
        QStringLiteral("Read DIR/net/tcp, DIR/net/tcp6 and DIR/sys/... instead of /proc."), QStringLiteral("DIR"),
        QStringLiteral("/proc") });
    p.addOption(
        { QStringLiteral("interval"), QStringLiteral("Poll interval in milliseconds (100 or more; default 1000)."),
            QStringLiteral("MS"), QStringLiteral("1000") });
    p.addOption({ QStringLiteral("screenshot"),
        QStringLiteral("Render the whole window to FILE (PNG) after the first poll, then exit."),
        QStringLiteral("FILE") });
    p.addOption({ QStringLiteral("ssh"),
        QStringLiteral("Watch a server over SSH with the system ssh client (your ~/.ssh/config, agent and "
                       "known_hosts apply). Needs only sh on the server."),
        QStringLiteral("[USER@]HOST[:PORT]") });
    p.addOption({ QStringLiteral("ssh-config"), QStringLiteral("With --ssh: use this ssh config file (ssh -F)."),
        QStringLiteral("FILE") });
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
}

static QString streamOptions(const QCommandLineParser &p, AppOptions &o)
{
    int sources = 0;
    if (p.isSet(QStringLiteral("ssh"))) {
        ++sources;
        SshTarget t;
        const QString e = SshTarget::parse(p.value(QStringLiteral("ssh")), t);
        if (!e.isEmpty())
            return QStringLiteral("--ssh: ") + e;
        o.ssh = t.toString();
    }
    o.sshConfig = p.value(QStringLiteral("ssh-config"));
    if (!o.sshConfig.isEmpty() && o.ssh.isEmpty())
        return QStringLiteral("--ssh-config goes with --ssh");
    if (!o.sshConfig.isEmpty() && !QFileInfo(o.sshConfig).isFile())
        return QStringLiteral("--ssh-config %1: no such file").arg(o.sshConfig);
    o.remoteScript = p.isSet(QStringLiteral("remote-script"));
    o.stdinStream = p.isSet(QStringLiteral("stdin"));
    sources += o.stdinStream;
    if (p.isSet(QStringLiteral("connect"))) {
        ++sources;
        const QString v = p.value(QStringLiteral("connect"));
        const qsizetype colon = v.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int port = colon > 0 ? v.sliced(colon + 1).toInt(&ok) : 0;
        o.connectHost = colon > 0 ? v.first(colon) : QString();
        if (o.connectHost.startsWith(QLatin1Char('[')) && o.connectHost.endsWith(QLatin1Char(']')))
            o.connectHost = o.connectHost.sliced(1, o.connectHost.size() - 2);
        if (!ok || port < 1 || port > 65535 || o.connectHost.isEmpty())
            return QStringLiteral("--connect takes HOST:PORT, e.g. 127.0.0.1:7411");
        o.connectPort = quint16(port);
    }
    o.record = p.value(QStringLiteral("record"));
    o.replay = p.value(QStringLiteral("replay"));
    sources += !o.replay.isEmpty();
    if (p.isSet(QStringLiteral("proc-root")) && sources > 0)
        return QStringLiteral("--proc-root reads this host; it does not go with --ssh, --stdin, --connect or --replay");
    if (sources > 1)
        return QStringLiteral("choose one of --ssh, --stdin, --connect and --replay");
    if (!o.record.isEmpty() && !o.replay.isEmpty())
        return QStringLiteral("--record and --replay do not go together");
    if (!o.replay.isEmpty() && !QFileInfo(o.replay).isFile())
        return QStringLiteral("--replay %1: no such file").arg(o.replay);
    return {};
}

QString AppOptions::fromParser(const QCommandLineParser &p, AppOptions &o)
{
    if (!p.positionalArguments().isEmpty())
        return QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().constFirst());
    o.snapshot = p.isSet(QStringLiteral("snapshot"));
    o.json = p.isSet(QStringLiteral("json"));
    o.sockets = p.isSet(QStringLiteral("sockets"));
    if ((o.json || o.sockets) && !o.snapshot)
        return QStringLiteral("--json and --sockets go with --snapshot");
    o.procRoot = p.value(QStringLiteral("proc-root"));
    if (o.procRoot.isEmpty())
        return QStringLiteral("--proc-root needs a directory");
    if (!QDir(o.procRoot).exists())
        return QStringLiteral("--proc-root %1: no such directory").arg(o.procRoot);
    while (o.procRoot.size() > 1 && o.procRoot.endsWith(QLatin1Char('/')))
        o.procRoot.chop(1);
    bool ok = false;
    o.intervalMs = p.value(QStringLiteral("interval")).toInt(&ok);
    if (!ok || o.intervalMs < 100)
        return QStringLiteral("--interval takes a whole number of milliseconds, 100 or more");
    o.screenshot = p.value(QStringLiteral("screenshot"));
    if (o.snapshot && !o.screenshot.isEmpty())
        return QStringLiteral("--snapshot and --screenshot do not go together");
    return streamOptions(p, o);
}
