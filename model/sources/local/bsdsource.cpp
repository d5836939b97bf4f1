#include "sources/local/bsdsource.h"

#include "parse/bsdsnapshot.h"
#include "parse/sysctlparser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>

#include <sys/utsname.h>

namespace {

// Runs a tool with an argument list and returns its stdout; stderr (e.g. "unknown oid") is dropped.
QByteArray run(const QString &program, const QStringList &args, QString *error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(program, args, QIODevice::ReadOnly);
    if (!p.waitForFinished(10'000)) {
        *error = QStringLiteral("%1 did not finish: %2").arg(program, p.errorString());
        p.kill();
        p.waitForFinished(1000);
        return {};
    }
    if (p.exitStatus() != QProcess::NormalExit)
        *error = QStringLiteral("%1 crashed").arg(program);
    return p.readAllStandardOutput();
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
    QString netstatError, sysctlError;
    const QByteArray netstat = run(netstatPath, netstatArgs, &netstatError);
    // sysctl prints the names it knows and complains on stderr about the rest.
    const QByteArray sysctl = run(sysctlPath, Tunables::bsdNames(), &sysctlError);
    const QByteArray uname = unameText();

    BsdSnapshot::Input in;
    in.netstat = netstat;
    in.sysctl = sysctl;
    in.uname = uname;
    in.timeMs = now;
    in.source = QStringLiteral("netstat");
    in.netstatOptions.fullAddresses = true; // -W / -l
    SnapshotData d = BsdSnapshot::build(in);
    if (!netstatError.isEmpty() && d.sockets.empty())
        d.status = Status::failure(netstatError);
    if (!sysctlError.isEmpty())
        d.problems.add({ QStringLiteral("sysctl"), 0, sysctlError });
    d.pollDurationUs = timer.nsecsElapsed() / 1000;
    return Snapshot(std::move(d));
}

QString BsdSource::description() const
{
    return QStringLiteral("this host (netstat)");
}
