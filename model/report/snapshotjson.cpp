#include "report/snapshotjson.h"

#include "analysis/advisor.h"
#include "report/ownersjson.h"

#include <QDateTime>

namespace {
QJsonObject countsObject(const Snapshot::Counts &c)
{
    QJsonObject o;
    for (TcpState s : TcpStates::rfcStates) {
        if (s == TcpState::Close)
            continue; // CLOSE sockets are never in the kernel's tables
        o.insert(TcpStates::kernelName(s), c[size_t(TcpStates::index(s))]);
    }
    const int requests = c[size_t(TcpStates::index(TcpState::NewSynRecv))];
    if (requests)
        o.insert(TcpStates::kernelName(TcpState::NewSynRecv), requests);
    return o;
}
} // namespace

QJsonObject SnapshotJson::socketToJson(const SocketEntry &s)
{
    QJsonObject o;
    o.insert(
        QStringLiteral("family"), s.family == AddressFamily::IPv4 ? QStringLiteral("ipv4") : QStringLiteral("ipv6"));
    o.insert(QStringLiteral("local"), s.localText());
    o.insert(QStringLiteral("remote"), s.remoteText());
    o.insert(QStringLiteral("state"), TcpStates::kernelName(s.state));
    o.insert(QStringLiteral("timer"), TimerKinds::ssName(s.timer));
    o.insert(QStringLiteral("timerMs"), qint64(s.timerMs));
    o.insert(QStringLiteral("sendQ"), qint64(s.txQueue));
    o.insert(QStringLiteral("recvQ"), qint64(s.rxQueue));
    o.insert(QStringLiteral("retransmits"), qint64(s.retransmits));
    o.insert(QStringLiteral("uid"), qint64(s.uid));
    o.insert(QStringLiteral("inode"), QString::number(s.inode)); // 64-bit: a string keeps it exact
    o.insert(QStringLiteral("orphan"), s.isOrphan());
    return o;
}

QJsonObject SnapshotJson::advisoryToJson(const Advisory &a)
{
    QJsonArray processes;
    for (const AdvisoryProcess &p : a.processes) {
        QJsonObject o { { QStringLiteral("pid"), p.pid }, { QStringLiteral("name"), p.name },
            { QStringLiteral("count"), p.count }, { QStringLiteral("remembered"), p.remembered } };
        if (p.oldestMs >= 0) { // a socket there before the first poll: at least that long
            o.insert(QStringLiteral("oldest_ms"), p.oldestMs);
            o.insert(QStringLiteral("oldest_is_lower_bound"), p.oldestAtLeast);
        }
        processes.append(o);
    }
    return QJsonObject { { QStringLiteral("id"), a.id },
        { QStringLiteral("severity"), Advisory::severityName(a.severity) }, { QStringLiteral("title"), a.title },
        { QStringLiteral("evidence"), a.evidence }, { QStringLiteral("explanation"), a.explanation },
        { QStringLiteral("action"), a.action }, { QStringLiteral("state"), TcpStates::kernelName(a.state) },
        { QStringLiteral("reference"), a.reference }, { QStringLiteral("processes"), processes } };
}

QJsonObject SnapshotJson::toJson(const Snapshot &snapshot, bool withSockets)
{
    QJsonObject o;
    o.insert(QStringLiteral("schema"), SchemaVersion);
    o.insert(
        QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(snapshot.timeMs(), Qt::UTC).toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("host"), snapshot.host());
    o.insert(QStringLiteral("kernel"), snapshot.kernel());
    o.insert(QStringLiteral("os"), snapshot.os());
    o.insert(QStringLiteral("source"), snapshot.source());
    o.insert(QStringLiteral("pollMs"), double(snapshot.pollDurationUs()) / 1000.0);
    o.insert(QStringLiteral("total"), qint64(snapshot.sockets().size()));
    o.insert(QStringLiteral("counts"), countsObject(snapshot.totalCounts()));
    o.insert(QStringLiteral("countsByFamily"),
        QJsonObject { { QStringLiteral("ipv4"), countsObject(snapshot.counts(AddressFamily::IPv4)) },
            { QStringLiteral("ipv6"), countsObject(snapshot.counts(AddressFamily::IPv6)) } });
    o.insert(QStringLiteral("timeWaitLengthMs"), snapshot.timeWaitLengthMs());

    QJsonObject tunables;
    const QStringList &known = snapshot.os() == QLatin1String("Linux") ? Tunables::linuxNames() : Tunables::bsdNames();
    for (const QString &n : known)
        tunables.insert(n, QJsonValue::Null); // null: not present on this kernel
    for (auto it = snapshot.tunables().values().cbegin(); it != snapshot.tunables().values().cend(); ++it)
        tunables.insert(it.key(), it.value().simplified());
    o.insert(QStringLiteral("tunables"), tunables);

    QJsonArray problems;
    for (const Problem &p : snapshot.problems().items())
        problems.append(QJsonObject { { QStringLiteral("source"), p.source }, { QStringLiteral("line"), p.line },
            { QStringLiteral("message"), p.message } });
    o.insert(QStringLiteral("problems"), problems);
    o.insert(QStringLiteral("problemsTotal"), snapshot.problems().total());

    QJsonArray advisories;
    const Advisor::EnglishScope english; // machine-readable: the same words under any translator
    for (const Advisory &a : Advisor::evaluate(snapshot))
        advisories.append(advisoryToJson(a));
    o.insert(QStringLiteral("advisories"), advisories);

    o.insert(QStringLiteral("owners"), OwnersJson::summary(snapshot));
    o.insert(QStringLiteral("processes"), OwnersJson::processes(snapshot));
    if (withSockets) {
        QJsonArray sockets;
        const SocketOwners *owners = snapshot.owners();
        for (size_t i = 0; i < snapshot.sockets().size(); ++i) {
            QJsonObject s = socketToJson(snapshot.sockets()[i]);
            const ProcessOwnerPtr *owner = owners ? owners->at(i) : nullptr;
            s.insert(QStringLiteral("process"), OwnersJson::process(owner ? owner->get() : nullptr, false));
            sockets.append(s);
        }
        o.insert(QStringLiteral("sockets"), sockets);
    }
    return o;
}
