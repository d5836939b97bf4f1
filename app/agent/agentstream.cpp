#include "agentstream.h"

#include "pipeline/eventdrainer.h"
#include "sources/local/procsource.h"
#include "sources/snapshotsource.h"

#if defined(Q_OS_LINUX)
#include "sources/local/netlinksource.h"
#endif

#include <unistd.h>

std::unique_ptr<SnapshotSource> AgentStream::openSource(const QString &procRoot, bool procRootGiven, QString *why)
{
    // A --proc-root tree is text on disk: only the /proc parser can read it (as SourceFactory does).
    if (procRootGiven) {
        *why = QStringLiteral("reading sockets from %1/net/tcp{,6} (--proc-root)").arg(procRoot);
        return std::make_unique<ProcSource>(procRoot);
    }
#if defined(Q_OS_LINUX)
    // netlink as ss does: binary rows, no text formatting in the kernel (docs/performance.md).
    auto netlink = std::make_unique<NetlinkSource>();
    std::vector<SocketEntry> rows;
    ProblemList problems;
    const Status probed = netlink->dump(rows, problems);
    if (probed.ok()) {
        *why = QStringLiteral("reading sockets with netlink sock_diag");
        return netlink;
    }
    *why = QStringLiteral("netlink sock_diag unavailable (%1); reading /proc/net/tcp{,6} instead").arg(probed.error());
#else
    *why = QStringLiteral("no netlink sock_diag on this system; reading /proc/net/tcp{,6}");
#endif
    return std::make_unique<ProcSource>(procRoot);
}

AgentStream::AgentStream(std::unique_ptr<SnapshotSource> source, const QString &procRoot)
    : m_source(std::move(source))
    , m_scanner(procRoot)
    , m_euid(::geteuid())
{ }

AgentStream::~AgentStream() = default;

bool AgentStream::startStateEvents(std::function<void(const Status &)> started)
{
    std::shared_ptr<StateEventFeed> feed = m_source->stateEventFeed();
    if (!feed)
        return false;
    m_events = std::make_unique<EventDrainer>(std::move(feed), std::move(started));
    return true;
}

void AgentStream::idle()
{
    if (m_events)
        m_events->take();
}

Snapshot AgentStream::withOwners(const Snapshot &polled, bool full)
{
    Snapshot owned = polled.withOwners(m_scanner.attach(polled));
    if (full || m_encoder.needsFull(owned)) {
        m_scanner.scan(owned); // reads /proc/PID/fd only for inodes it does not know
        owned = polled.withOwners(m_scanner.attach(polled));
    }
    return owned;
}

const QByteArray &AgentStream::next()
{
    m_keyframe.clear();
    m_frame.clear();
    Snapshot polled = m_source->poll();
    if (m_events) // right after the dump, as the poll worker does: a change the dump saw comes with it
        polled = polled.withStateEvents(m_events->take());
    if (!polled.isValid()) {
        m_last = polled;
        return m_frame;
    }
    m_last = withOwners(polled, false);
    m_frame = m_writer.frame(m_last, m_encoder.section(m_last, m_euid));
    if (m_onCapture)
        m_onCapture(m_last);
    return m_frame;
}

const QByteArray &AgentStream::keyframe()
{
    if (m_keyframe.isEmpty() && !m_frame.isEmpty()) {
        const Snapshot owned = withOwners(m_last, true);
        OwnerEncoder fresh; // has sent nothing: its first section is a full table
        m_keyframe = StreamDeltaWriter::keyframe(owned, m_writer.seq(), fresh.section(owned, m_euid));
    }
    return m_keyframe;
}
