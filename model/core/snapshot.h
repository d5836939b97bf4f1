#pragma once

#include "core/counters.h"
#include "core/linkstats.h"
#include "core/problem.h"
#include "core/socketentry.h"
#include "core/socketowners.h"
#include "core/stateevents.h"
#include "core/status.h"
#include "core/tunables.h"

#include <QMetaType>

#include <array>
#include <memory>
#include <vector>

// Everything a source produced in one poll. Filled by a source, then frozen into a Snapshot.
struct SnapshotData
{
    qint64 timeMs = 0; // ms since the epoch, when the poll started
    QString host;
    QString kernel; // release, e.g. "6.1.0-18-amd64"
    QString os = QStringLiteral("Linux"); // Linux, FreeBSD, Darwin
    QString source; // how it was read, e.g. "/proc"
    std::vector<SocketEntry> sockets;
    Tunables tunables;
    Counters counters; // kernel-wide counters read with this poll; empty when the source has none
    ProblemList problems;
    Status status; // a failure: the source could not be read at all
    qint64 pollDurationUs = 0; // wall time
    qint64 pollCpuUs = 0; // CPU time over all the poll's threads; 0 where not measured (streams)
    bool gapBefore = false; // a stream source lost frames before this one (StateHistory::markGap)
    bool connecting = false; // a remote source has shown no frame of this session yet: the window offers Cancel
    LinkStats link; // a stream's link: throughput, frame size, whether it keeps up
};

// An immutable poll result. Copies share the data, so passing one across threads is cheap.
class Snapshot
{
public:
    using Counts = std::array<int, TcpStates::Count>;

    Snapshot();
    // Freezes the data: drops rows the non-atomic /proc read listed twice and counts states.
    explicit Snapshot(SnapshotData data);

    bool isNull() const { return m_d == nullptr; }
    bool isValid() const { return m_d && m_d->data.status.ok(); }
    qint64 timeMs() const { return m_d ? m_d->data.timeMs : 0; }
    const QString &host() const { return d().data.host; }
    const QString &kernel() const { return d().data.kernel; }
    const QString &os() const { return d().data.os; }
    const QString &source() const { return d().data.source; }
    const std::vector<SocketEntry> &sockets() const { return d().data.sockets; }
    const Tunables &tunables() const { return d().data.tunables; }
    const Counters &counters() const { return d().data.counters; }
    const ProblemList &problems() const { return d().data.problems; }
    const Status &status() const { return d().data.status; }
    qint64 pollDurationUs() const { return d().data.pollDurationUs; }
    qint64 pollCpuUs() const { return d().data.pollCpuUs; }
    bool gapBefore() const { return d().data.gapBefore; }
    bool connecting() const { return d().data.connecting; }
    const LinkStats &link() const { return d().data.link; }
    int duplicatesDropped() const { return d().duplicates; }
    // Who holds each socket (core/socketowners.h); nullptr when the source cannot tell (remote, replay).
    const SocketOwners *owners() const { return m_owners.get(); }
    // The same poll with its owners: shares the sockets, so it costs no copy of them.
    Snapshot withOwners(SocketOwners owners) const;
    // The kernel's state changes since the previous poll; nullptr when no event source runs.
    const StateEvents *stateEvents() const { return m_events.get(); }
    Snapshot withStateEvents(std::shared_ptr<const StateEvents> events) const;
    // The same poll (host, tunables, counters, problems, status, timings) with other sockets, e.g. a
    // filter's selection. Owners are not kept: they are per socket position (withOwners again).
    Snapshot withSockets(std::vector<SocketEntry> sockets) const;

    // Sockets per state for one family, or both when family is nullptr.
    const Counts &counts(AddressFamily family) const;
    Counts totalCounts() const;
    int count(TcpState s) const;
    // TIME_WAIT length for this host's OS: 60 s on Linux (TCP_TIMEWAIT_LEN), 2 x MSL on BSD.
    qint64 timeWaitLengthMs() const;

private:
    struct Frozen
    {
        SnapshotData data;
        std::array<Counts, 2> counts {};
        int duplicates = 0;
    };
    const Frozen &d() const;
    std::shared_ptr<const Frozen> m_d;
    std::shared_ptr<const SocketOwners> m_owners;
    std::shared_ptr<const StateEvents> m_events;
};

Q_DECLARE_METATYPE(Snapshot)
