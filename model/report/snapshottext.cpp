#include "report/snapshottext.h"

#include "analysis/advisor.h"
#include "report/snapshotjson.h"

#include <QDateTime>

namespace {
// One line per socket, with the process that holds it ("-" when unknown).
QString socketLines(const Snapshot &s)
{
    QString out;
    const auto line = [&out](const QString &l) { out += l + QLatin1Char('\n'); };
    const SocketOwners *owners = s.owners();
    line(QString());
    line(QStringLiteral("%1 %2 %3 %4 %5 %6")
             .arg(QStringLiteral("state"), -12)
             .arg(QStringLiteral("local"), -46)
             .arg(QStringLiteral("remote"), -46)
             .arg(QStringLiteral("timer"), -10)
             .arg(QStringLiteral("ms"), -8)
             .arg(QStringLiteral("process")));
    for (size_t i = 0; i < s.sockets().size(); ++i) {
        const SocketEntry &e = s.sockets()[i];
        const ProcessOwnerPtr *owner = owners ? owners->at(i) : nullptr;
        line(QStringLiteral("%1 %2 %3 %4 %5 %6")
                 .arg(TcpStates::kernelName(e.state), -12)
                 .arg(e.localText(), -46)
                 .arg(e.remoteText(), -46)
                 .arg(TimerKinds::ssName(e.timer), -10)
                 .arg(e.timerMs, -8)
                 .arg(owner ? (*owner)->label() : QStringLiteral("-"))
                 .trimmed());
    }
    return out;
}
} // namespace

QString SnapshotText::format(const Snapshot &s, bool withSockets)
{
    QString out;
    const auto line = [&out](const QString &l) { out += l + QLatin1Char('\n'); };
    line(QStringLiteral("host %1  kernel %2 %3  source %4").arg(s.host(), s.os(), s.kernel(), s.source()));
    line(QStringLiteral("time %1  poll %2 ms  sockets %3")
             .arg(QDateTime::fromMSecsSinceEpoch(s.timeMs()).toString(Qt::ISODate))
             .arg(double(s.pollDurationUs()) / 1000.0, 0, 'f', 1)
             .arg(s.sockets().size()));
    line(QString());
    line(QStringLiteral("%1 %2 %3 %4")
             .arg(QStringLiteral("state"), -14)
             .arg(QStringLiteral("IPv4"), 8)
             .arg(QStringLiteral("IPv6"), 8)
             .arg(QStringLiteral("total"), 8));
    const auto &v4 = s.counts(AddressFamily::IPv4);
    const auto &v6 = s.counts(AddressFamily::IPv6);
    for (TcpState st : TcpStates::rfcStates) {
        if (st == TcpState::Close)
            continue;
        const auto i = size_t(TcpStates::index(st));
        line(QStringLiteral("%1 %2 %3 %4")
                 .arg(TcpStates::kernelName(st), -14)
                 .arg(v4[i], 8)
                 .arg(v6[i], 8)
                 .arg(v4[i] + v6[i], 8));
    }
    const bool onLinux = s.os() == QLatin1String("Linux");
    line(QStringLiteral("TIME_WAIT lasts %1 s here (%2)")
             .arg(s.timeWaitLengthMs() / 1000.0)
             .arg(onLinux ? QStringLiteral("fixed on Linux: TCP_TIMEWAIT_LEN; no sysctl changes it")
                          : QStringLiteral("2 x net.inet.tcp.msl")));
    line(QString());
    line(QStringLiteral("tunables"));
    const bool isLinux = s.os() == QLatin1String("Linux");
    for (const QString &n : isLinux ? Tunables::linuxNames() : Tunables::bsdNames()) {
        const QString v
            = s.tunables().has(n) ? s.tunables().value(n).simplified() : QStringLiteral("(not present on this kernel)");
        line(QStringLiteral("  %1 %2").arg(n, -34).arg(v));
    }
    // In the translator's language when one is installed (tcpscope --snapshot installs none: English).
    const std::vector<Advisory> advisories = Advisor::evaluate(s);
    line(QString());
    line(QStringLiteral("advisories (%1)").arg(advisories.size()));
    for (const Advisory &a : advisories) {
        line(QStringLiteral("  [%1] %2: %3").arg(Advisory::severityName(a.severity), a.id, a.title));
        const QStringList evidence = a.evidence.split(QLatin1Char('\n'));
        for (const QString &e : evidence)
            line(QStringLiteral("      ") + e);
        line(QStringLiteral("      what to do: ") + a.action);
    }
    if (!s.problems().isEmpty()) {
        line(QString());
        line(QStringLiteral("problems (%1)").arg(s.problems().total()));
        for (const Problem &p : s.problems().items())
            line(QStringLiteral("  ") + p.toString());
    }
    const SocketOwners *owners = s.owners();
    if (owners && owners->unknown() > 0) {
        line(QString());
        line(QStringLiteral("owners unknown: ") + owners->reason());
    }
    if (withSockets)
        out += socketLines(s);
    return out;
}
