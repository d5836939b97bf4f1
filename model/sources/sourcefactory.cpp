#include "sources/sourcefactory.h"

#include "core/sshtarget.h"
#include "sources/local/bsdfilesource.h"
#include "sources/local/procsource.h"
#include "sources/remote/sshchannel.h"
#include "sources/remote/streamfdchannel.h"
#include "sources/remote/streamsource.h"
#include "sources/replay/replaysource.h"
#include "sources/sourcespec.h"
#include "stream/recorder.h"

#if defined(Q_OS_FREEBSD) || defined(Q_OS_MACOS)
#include "sources/local/bsdsource.h"
#endif
#if defined(Q_OS_LINUX)
#include "sources/local/netlinksource.h"
#include "sources/local/ownerscanner.h"
#endif

namespace {
std::unique_ptr<StreamChannel> channel(const SourceSpec &spec)
{
    if (!spec.sshTarget.isEmpty()) {
        const Expected<SshTarget> target
            = SshTarget::parse(spec.sshTarget); // validated by AppOptions and ConnectDialog
        return std::make_unique<SshChannel>(target.ok() ? *target : SshTarget(), spec.sshConfig, spec.intervalMs);
    }
    if (spec.stdinStream)
        return std::unique_ptr<StreamChannel>(StreamFdChannel::stdinChannel());
    if (!spec.agentHost.isEmpty())
        return std::unique_ptr<StreamChannel>(StreamFdChannel::tcpChannel(spec.agentHost, spec.agentPort));
    return nullptr;
}

std::unique_ptr<SnapshotSource> thisHost(const SourceSpec &spec)
{
    if (!spec.bsdNetstat.isEmpty())
        return std::make_unique<BsdFileSource>(spec.bsdNetstat, spec.bsdSysctl);
#if defined(Q_OS_FREEBSD) || defined(Q_OS_MACOS)
    // No /proc/net/tcp here: netstat and sysctl (sources/local/bsdsource.h).
    if (spec.procRoot == QLatin1String("/proc"))
        return std::make_unique<BsdSource>();
#endif
    // A --proc-root tree is text on disk: only the /proc parser can read it.
    if (spec.procRootGiven || spec.reader == SourceSpec::Reader::Proc)
        return std::make_unique<ProcSource>(spec.procRoot);
#if defined(Q_OS_LINUX)
    auto netlink = std::make_unique<NetlinkSource>();
    netlink->setStateEvents(spec.stateEvents);
    // netlink by default (as ss): cheaper at 100k sockets (docs/performance.md). Kernels without
    // sock_diag (or a seccomp filter) fall back to /proc; an explicit --source netlink reports the error.
    if (spec.reader == SourceSpec::Reader::Netlink || netlink->probe())
        return netlink;
#endif
    return std::make_unique<ProcSource>(spec.procRoot);
}
} // namespace

QString SourceFactory::commandLine(const ProcessOwner &owner)
{
#if defined(Q_OS_LINUX)
    return OwnerScanner::commandLine(owner);
#else
    Q_UNUSED(owner);
    return {};
#endif
}

std::unique_ptr<SnapshotSource> SourceFactory::create(const SourceSpec &spec)
{
    return create(spec, nullptr);
}

std::unique_ptr<SnapshotSource> SourceFactory::create(const SourceSpec &spec, std::shared_ptr<Recorder> recorder)
{
    if (!spec.replay.isEmpty()) {
        auto replay = std::make_unique<ReplaySource>(spec.replay);
        replay->open(); // a failure comes back from poll() as the snapshot's Status
        return replay;
    }
    if (!spec.record.isEmpty()) {
        if (!recorder)
            recorder = std::make_shared<Recorder>();
        recorder->start(spec.record); // a failure is reported as a problem on every snapshot
    }
    if (std::unique_ptr<StreamChannel> c = channel(spec)) {
        StreamSource::Options options;
        options.frameTimeoutMs = qMax(5000, 3 * spec.intervalMs);
        if (!spec.oneShot)
            options.maxPollWaitMs = qMax(2000, 2 * spec.intervalMs);
        auto stream = std::make_unique<StreamSource>(std::move(c), options);
        stream->setRecorder(std::move(recorder));
        return stream;
    }
    // This host: the pipeline records the snapshots (SnapshotRecorder), with their owners and events.
    return thisHost(spec);
}
