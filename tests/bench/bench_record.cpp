// bench_record: records the stream on stdin for SECONDS as `tcpscope --stdin --record FILE` would
// (StreamSource and its Recorder, a keyframe at least every StreamFrame::RecordingKeyEvery frames),
// without a window, then prints the file's size, frames and bytes per frame, and what one hour
// would take at that rate. Then it opens the recording and seeks to its middle and its end.
//   tcpscope-agent --stdout | bench_record FILE SECONDS
#include "sources/remote/streamfdchannel.h"
#include "sources/remote/streamsource.h"
#include "sources/replay/replaysource.h"
#include "stream/recorder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_record FILE SECONDS < stream\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int seconds = QByteArray(argv[2]).toInt();
    auto recorder = std::make_shared<Recorder>(path);
    if (const Status s = recorder->open(); !s.ok()) {
        std::fprintf(stderr, "bench_record: %s\n", qPrintable(s.error()));
        return 1;
    }
    StreamSource::Options options;
    options.latestOnly = false;
    StreamSource source(std::unique_ptr<StreamChannel>(StreamFdChannel::stdinChannel()), options);
    source.setRecorder(recorder);
    QElapsedTimer t;
    t.start();
    qint64 sockets = 0;
    while (t.elapsed() < seconds * 1000LL) {
        const Snapshot s = source.poll();
        if (s.isValid())
            sockets = qint64(s.sockets().size());
    }
    recorder->stop();
    const qint64 bytes = QFileInfo(path).size();
    const qint64 frames = recorder->framesWritten();
    std::printf("recorded %lld frames of ~%lld sockets in %d s: %lld bytes, %lld bytes per frame; "
                "one hour at this rate: %.2f GB\n",
        qlonglong(frames), qlonglong(sockets), seconds, qlonglong(bytes), qlonglong(frames ? bytes / frames : 0),
        double(bytes) * 3600.0 / seconds / 1e9);
    ReplaySource replay(path);
    QElapsedTimer open;
    open.start();
    if (const Status s = replay.open(); !s.ok()) {
        std::fprintf(stderr, "bench_record: %s\n", qPrintable(s.error()));
        return 1;
    }
    const qint64 openMs = open.elapsed();
    for (int at : { replay.frameCount() / 2, replay.frameCount() - 1 }) {
        QElapsedTimer seek;
        seek.start();
        replay.seek(at);
        const Snapshot s = replay.poll();
        std::printf("opened in %lld ms; seek to frame %d of %d and decode: %lld ms (%zu sockets)\n",
            qlonglong(openMs), at + 1, replay.frameCount(), qlonglong(seek.elapsed()), s.sockets().size());
    }
    return 0;
}
