#include "sourcefactory.h"

#include "appoptions.h"
#include "procsource.h"
#include "recorder.h"
#include "replaysource.h"
#include "sshchannel.h"
#include "streamfdchannel.h"
#include "streamprocsource.h"
#include "streamsource.h"

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
        SshTarget target;
        SshTarget::parse(options.ssh, target); // validated by AppOptions
        channel = std::make_unique<SshChannel>(target, options.sshConfig, options.intervalMs);
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
    return std::make_unique<ProcSource>(options.procRoot);
}
