#include "analysis/advisor.h"

#include "core/socketkey.h"
#include "tracker/connectiontracker.h"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

// Who holds the sockets of a pile. A process is one (pid, starttime) pair (proc(5) stat field 22), so a
// reused pid is not merged with the process that had it before.
void Advisor::nameHolders(
    Advisory &a, const Snapshot &s, const ConnectionTracker *tracker, const Selects &which, const QString &what)
{
    const SocketOwners *owners = s.owners();
    if (!owners)
        return; // the source names no owners at all (a peer, a recording, BSD): JSON says "owners": null
    std::map<std::tuple<qint32, quint64, bool>, AdvisoryProcess> held;
    int unknown = 0, closed = 0;
    for (size_t i = 0; i < s.sockets().size(); ++i) {
        const SocketEntry &e = s.sockets()[i];
        if (!which(e))
            continue;
        const ProcessOwner *owner = nullptr;
        bool remembered = false;
        qint64 age = -1;
        bool atLeast = false;
        if (!tracker) {
            const ProcessOwnerPtr *o = owners->at(i);
            owner = o ? o->get() : nullptr;
        } else if (const TrackedSocket *t = tracker->find(SocketKey::of(e))) {
            owner = t->owner.get();
            remembered = t->ownerRemembered;
            age = std::max<qint64>(0, s.timeMs() - t->stateSinceMs);
            atLeast = t->since == TrackedSocket::Since::AtLeast;
        }
        if (!owner) {
            ++unknown;
            closed += e.inode == 0 ? 1 : 0;
            continue;
        }
        AdvisoryProcess &p = held[{ owner->pid, owner->startTicks, remembered }];
        p.pid = owner->pid;
        p.name = owner->name;
        p.remembered = remembered;
        ++p.count;
        if (age > p.oldestMs || (age == p.oldestMs && atLeast)) {
            p.oldestMs = age;
            p.oldestAtLeast = atLeast;
        }
    }
    std::vector<AdvisoryProcess> top;
    top.reserve(held.size());
    for (auto &[key, p] : held)
        top.push_back(std::move(p));
    std::stable_sort(top.begin(), top.end(), [](const AdvisoryProcess &x, const AdvisoryProcess &y) {
        return x.count != y.count ? x.count > y.count : x.pid < y.pid;
    });
    if (top.size() > 3)
        top.resize(3);
    QStringList lines;
    for (const AdvisoryProcess &p : top)
        lines << holderLine(p, what);
    if (unknown > 0) {
        const QString why = unknownOwners(*owners, tracker, closed == unknown, unknown - closed);
        lines << (top.empty() ? tr("owners unknown: %1").arg(why)
                              : tr("%1 of them with no known owner: %2").arg(unknown).arg(why));
    }
    a.processes = std::move(top);
    if (!lines.isEmpty())
        a.evidence += QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
}

QString Advisor::holderLine(const AdvisoryProcess &p, const QString &what)
{
    if (p.remembered)
        return tr("%1 (pid %2): %3 %4 sockets (remembered: they were %1's when last owned)")
            .arg(p.name)
            .arg(p.pid)
            .arg(p.count)
            .arg(what);
    if (p.oldestMs >= 0 && p.oldestAtLeast)
        return tr("%1 (pid %2) holds %3 %4 sockets, the oldest for at least %5")
            .arg(p.name)
            .arg(p.pid)
            .arg(p.count)
            .arg(what, duration(p.oldestMs));
    if (p.oldestMs >= 0)
        return tr("%1 (pid %2) holds %3 %4 sockets, the oldest for %5")
            .arg(p.name)
            .arg(p.pid)
            .arg(p.count)
            .arg(what, duration(p.oldestMs));
    return tr("%1 (pid %2) holds %3 %4 sockets").arg(p.name).arg(p.pid).arg(p.count).arg(what);
}

// SocketOwners::reason, translated, for the `held` sockets of a rule that have an inode but no owner:
// when the snapshot has one reason only, it is theirs too, so their own count is given.
// TIME_WAIT and orphaned sockets have no inode, so no scan finds them (`closed`: all are such).
QString Advisor::unknownOwners(const SocketOwners &owners, const ConnectionTracker *tracker, bool closed, int held)
{
    using M = SocketOwners::Missing;
    if (closed)
        return tracker ? tr("no process holds them any more (inode 0), and none was seen holding them before")
                       : tr("no process holds them any more (inode 0); the live view names the process that held "
                            "them before they closed");
    const std::array<M, 3> kinds { M::OtherUsers, M::NotFound, M::NotScanned };
    const bool one = std::count_if(kinds.begin(), kinds.end(), [&](M m) { return owners.count(m) > 0; }) == 1;
    const auto n = [&](M m) { return one ? held : owners.count(m); };
    QStringList parts;
    if (owners.count(M::OtherUsers))
        parts << tr("%1 sockets of other users: run as root or through the agent").arg(n(M::OtherUsers));
    if (owners.count(M::NotFound))
        parts << tr("%1 sockets held by no process this scan could read (closed since, or in another PID "
                    "namespace)")
                     .arg(n(M::NotFound));
    if (owners.count(M::NotScanned))
        parts << tr("%1 sockets new since the last scan").arg(n(M::NotScanned));
    return parts.isEmpty() ? tr("not seen by an owner scan yet") : parts.join(tr("; "));
}

QString Advisor::holderNames(const Advisory &a)
{
    QStringList names;
    for (const AdvisoryProcess &p : a.processes)
        names << tr("%1 (pid %2)").arg(p.name).arg(p.pid);
    return list(names);
}
