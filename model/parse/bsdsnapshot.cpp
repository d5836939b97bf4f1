#include "parse/bsdsnapshot.h"

#include "parse/sysctlparser.h"
#include <QCoreApplication>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("BsdSnapshot", text);
}
} // namespace

SnapshotData BsdSnapshot::build(const Input &in)
{
    SnapshotData d;
    d.timeMs = in.timeMs;
    d.source = in.source;

    auto netstat = BsdNetstatParser::parse(in.netstat, QStringLiteral("netstat"), in.netstatOptions);
    d.sockets = std::move(netstat.sockets);
    d.problems.append(netstat.problems);
    if (in.netstat.trimmed().isEmpty())
        d.problems.add({ QStringLiteral("netstat"), 0, tr("empty netstat output") });

    // Keep only the sysctls the tunables panel shows; `sysctl net.inet.tcp` prints hundreds.
    const auto sysctl = SysctlParser::parse(in.sysctl, QStringLiteral("sysctl"));
    d.problems.append(sysctl.problems);
    for (const QString &name : Tunables::bsdNames()) {
        if (sysctl.tunables.has(name))
            d.tunables.set(name, sysctl.tunables.value(name));
    }

    // uname -a and -snr both start with sysname, nodename, release.
    const QList<QByteArray> u = in.uname.toByteArray().simplified().split(' ');
    const QString os = u.value(0).isEmpty() ? QString() : QString::fromUtf8(u.value(0));
    d.host = QString::fromUtf8(u.value(1));
    d.kernel = QString::fromUtf8(u.value(2));
    if (os == QLatin1String("FreeBSD") || os == QLatin1String("Darwin")) {
        d.os = os;
    } else {
        // No usable uname: the row layout tells FreeBSD (one space after Send-Q) from macOS (two).
        d.os = netstat.dialect == NetstatDialect::Darwin ? QStringLiteral("Darwin") : QStringLiteral("FreeBSD");
        d.problems.add({ QStringLiteral("uname"), 0,
            os.isEmpty() ? tr("no uname output; assuming %1 from the netstat layout").arg(d.os)
                         : tr("\"%1\" is not FreeBSD or Darwin; read as %2").arg(os, d.os) });
    }
    return d;
}
