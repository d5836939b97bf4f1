#include "sources/local/bsdsource.h"

#include "parse/bsdsnapshot.h"
#include "parse/sysctlparser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>

#include <sys/utsname.h>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("BsdSource", text);
}

// A tool's stdout; stderr (e.g. "unknown oid") is dropped. A crash keeps what it printed.
struct ToolOutput
{
    QByteArray out;
    Status status;
};

ToolOutput run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(program, args, QIODevice::ReadOnly);
    if (!p.waitForFinished(10'000)) {
        const QString why
            = QCoreApplication::translate("BsdSource", "%1 did not finish: %2").arg(program, p.errorString());
        p.kill();
        p.waitForFinished(1000);
        return { {}, Status::failure(why) };
    }
    const Status status = p.exitStatus() == QProcess::NormalExit
        ? Status()
        : Status::failure(QCoreApplication::translate("BsdSource", "%1 crashed").arg(program));
    return { p.readAllStandardOutput(), status };
}

QByteArray unameText()
{
    struct utsname u;
    if (uname(&u) != 0)
        return {};
    return QByteArray(u.sysname) + ' ' + QByteArray(u.nodename) + ' ' + QByteArray(u.release);
}

} // namespace

Snapshot BsdSource::poll()
{
    QElapsedTimer timer;
    timer.start();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Full addresses: -l on macOS, -W on FreeBSD; otherwise IPv6 hosts are cut to 16 characters.
#ifdef Q_OS_MACOS
    const QString netstatPath = QStringLiteral("/usr/sbin/netstat");
    const QString sysctlPath = QStringLiteral("/usr/sbin/sysctl");
    const QStringList netstatArgs = { QStringLiteral("-anl"), QStringLiteral("-p"), QStringLiteral("tcp") };
#else
    const QString netstatPath = QStringLiteral("/usr/bin/netstat");
    const QString sysctlPath = QStringLiteral("/sbin/sysctl");
    const QStringList netstatArgs = { QStringLiteral("-anW"), QStringLiteral("-p"), QStringLiteral("tcp") };
#endif
    const ToolOutput netstat = run(netstatPath, netstatArgs);
    // sysctl prints the names it knows and complains on stderr about the rest.
    const ToolOutput sysctl = run(sysctlPath, Tunables::bsdNames());
    const QByteArray uname = unameText();

    BsdSnapshot::Input in;
    in.netstat = netstat.out;
    in.sysctl = sysctl.out;
    in.uname = uname;
    in.timeMs = now;
    in.source = QStringLiteral("netstat");
    in.netstatOptions.fullAddresses = true; // -W / -l
    SnapshotData d = BsdSnapshot::build(in);
    if (!netstat.status.ok() && d.sockets.empty())
        d.status = netstat.status;
    if (!sysctl.status.ok())
        d.problems.add({ QStringLiteral("sysctl"), 0, sysctl.status.error() });
    d.pollDurationUs = timer.nsecsElapsed() / 1000;
    return Snapshot(std::move(d));
}

QString BsdSource::description() const
{
    return tr("this host (netstat)");
}
