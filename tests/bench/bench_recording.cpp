// bench_recording: recordings (docs/performance.md, "Recordings").
//   bench_recording codecs FILE...             zstd against zlib on each file's text (a frame)
//   bench_recording seek [FRAMES] [SOCKETS]    writes a synthetic recording (keyframe every 60th frame,
//                                              deltas of 2% of the rows) to $TMPDIR, then times opening
//                                              it and seeking into it
#include "benchclock.h"
#include "sources/replay/replaysource.h"
#include "stream/framecompressor.h"
#include "stream/recorder.h"
#include "syntheticstream.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

namespace {
void codec(const char *name, const QByteArray &text, auto &&compress, auto &&decompress)
{
    QByteArray packed;
    const BenchClock c = BenchClock::measure(3, [&] { packed = compress(text); });
    QByteArray back;
    const BenchClock d = BenchClock::measure(3, [&] { back = decompress(packed); });
    char extra[128];
    std::snprintf(extra, sizeof extra, "  %.1f MB -> %.2f MB, ratio %.1f, decompress %.2f ms%s", text.size() / 1e6,
        packed.size() / 1e6, double(text.size()) / double(qMax<qsizetype>(1, packed.size())), d.wallMs,
        back == text ? "" : "  MISMATCH");
    c.print(name, extra);
}

void codecs(const QByteArray &text)
{
    for (int level : { 1, 3, 6 }) {
        FrameCompressor z(level);
        QString e;
        const QByteArray label = "zstd level " + QByteArray::number(level);
        codec(
            label.constData(), text, [&](const QByteArray &t) { return z.compress(t, &e); },
            [&](const QByteArray &p) { return z.decompress(p, text.size(), &e); });
    }
    for (int level : { 1, 6 }) {
        const QByteArray label = "zlib level " + QByteArray::number(level) + " (qCompress)";
        codec(
            label.constData(), text, [&](const QByteArray &t) { return qCompress(t, level); },
            [&](const QByteArray &p) { return qUncompress(p); });
    }
}

int seek(int frames, int sockets)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.tcps"));
    SyntheticStream stream(sockets, qMax(1, sockets / 50));
    Recorder rec(path);
    if (!rec.open().ok())
        return 1;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < frames; ++i)
        rec.append(stream.next(rec.keyDue()));
    std::printf("wrote %d frames of %d sockets in %.1f s: %.1f MB of text in %.1f MB\n", frames, sockets,
        t.elapsed() / 1e3, rec.rawBytesWritten() / 1e6, rec.bytesWritten() / 1e6);
    BenchClock::measure(3, [&] {
        ReplaySource r(path);
        r.open();
    }).print("open (index the block headers)");
    ReplaySource replay(path);
    replay.open();
    for (int target : { frames / 2, frames / 2 + 59, frames - 1 }) {
        const QByteArray label = "seek to frame " + QByteArray::number(target) + " and poll";
        BenchClock::measure(3, [&] {
            replay.seek(0);
            replay.poll();
            replay.seek(target);
            replay.poll();
        }).print(label.constData());
    }
    replay.seek(frames / 2);
    replay.poll();
    BenchClock::measure(5, [&] { replay.poll(); }).print("play on: poll one more frame");
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray mode = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    if (mode == "codecs" && argc > 2) {
        for (int i = 2; i < argc; ++i) {
            QFile f(QString::fromLocal8Bit(argv[i]));
            if (!f.open(QIODevice::ReadOnly))
                return 1;
            std::printf("%s:\n", argv[i]);
            codecs(f.readAll());
        }
        return 0;
    }
    if (mode == "seek")
        return seek(argc > 2 ? atoi(argv[2]) : 600, argc > 3 ? atoi(argv[3]) : 100000);
    std::fprintf(stderr, "usage: bench_recording codecs FILE... | seek [FRAMES] [SOCKETS]\n");
    return 2;
}
