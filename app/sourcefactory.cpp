#include "sourcefactory.h"

#include "appoptions.h"
#include "sources/local/bsdfilesource.h"
#include "sources/local/procsource.h"
#include "sources/local/streamprocsource.h"
#include "sources/remote/sshchannel.h"
#include "sources/remote/streamfdchannel.h"
#include "sources/remote/streamsource.h"
#include "sources/replay/replaysource.h"
#include "stream/recorder.h"

#if defined(Q_OS_FREEBSD) || defined(Q_OS_MACOS)
#include "sources/local/bsdsource.h"
#endif
#if defined(Q_OS_LINUX)
#include "sources/local/netlinksource.h"
#endif

std::unique_ptr<SnapshotSource> SourceFactory::create(const AppOptions &options)
{
    return create(options, nullptr);
}

std::unique_ptr<SnapshotSource> SourceFactory::create(const AppOptions &options, std::shared_ptr<Recorder> recorder)
{
    if (!options.replay.isEmpty()) {
        auto replay = std::make_unique<ReplaySource>(options.replay);
        replay->open(); // a failure comes back from poll() as the fatal error
        return replay;
    }
    if (!options.record.isEmpty()) {
        if (!recorder)
            recorder = std::make_shared<Recorder>();
        recorder->start(options.record); // a failure is reported as a problem on every snapshot
    }
    std::unique_ptr<StreamChannel> channel;
    StreamSource::Options streamOptions;
    if (!options.ssh.isEmpty()) {
        const Expected<SshTarget> target = SshTarget::parse(options.ssh); // validated by AppOptions
        channel
            = std::make_unique<SshChannel>(target.ok() ? *target : SshTarget(), options.sshConfig, options.intervalMs);
    } else if (options.stdinStream) {
        channel.reset(StreamFdChannel::stdinChannel());
    } else if (!options.connectHost.isEmpty()) {
        channel.reset(StreamFdChannel::tcpChannel(options.connectHost, options.connectPort));
    }
    if (channel) {
        streamOptions.frameTimeoutMs = qMax(5000, 3 * options.intervalMs);
        if (!options.snapshot)
            streamOptions.maxPollWaitMs = qMax(2000, 2 * options.intervalMs);
        auto stream = std::make_unique<StreamSource>(std::move(channel), streamOptions);
        stream->setRecorder(std::move(recorder));
        return stream;
    }
    if (recorder)
        return std::make_unique<StreamProcSource>(options.procRoot, std::move(recorder));
    if (!options.bsdNetstat.isEmpty())
        return std::make_unique<BsdFileSource>(options.bsdNetstat, options.bsdSysctl);
#if defined(Q_OS_FREEBSD) || defined(Q_OS_MACOS)
    // No /proc/net/tcp here: netstat and sysctl (model/bsdsource.h).
    if (options.procRoot == QLatin1String("/proc"))
        return std::make_unique<BsdSource>();
#endif
    // A --proc-root tree is text on disk: only the /proc parser can read it.
    if (options.procRootGiven || options.source == QLatin1String("proc"))
        return std::make_unique<ProcSource>(options.procRoot);
#if defined(Q_OS_LINUX)
    auto netlink = std::make_unique<NetlinkSource>();
    // netlink by default (as ss): cheaper at 100k sockets (docs/performance.md). Kernels without
    // sock_diag (or a seccomp filter) fall back to /proc; an explicit --source netlink reports the error.
    if (options.source == QLatin1String("netlink") || netlink->probe())
        return netlink;
#endif
    return std::make_unique<ProcSource>(options.procRoot);
}
