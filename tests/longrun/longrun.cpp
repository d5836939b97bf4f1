// Long-run memory check (not a ctest test; see docs/robustness.md and run-longrun.sh).
//   longrun write FILE [frames] [sockets] [intervalMs]   synthesise a recording: `sockets` connections per
//       frame that open, close (ESTABLISHED -> FIN_WAIT1 -> FIN_WAIT2 -> TIME_WAIT -> gone) and are replaced,
//       so every frame has new identities and every state is crossed
//   longrun replay FILE [speed]                          replay it through the model path at `speed`x
//       (ReplaySource -> ConnectionTracker -> StateHistory), printing RSS every 10% of the frames
#include "history/statehistory.h"
#include "sources/replay/replaysource.h"
#include "stream/streamframewriter.h"
#include "tracker/connectiontracker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <cstdio>

namespace {
qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (l.startsWith("VmRSS:"))
            return l.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

// Kernel state codes along an active close, then gone (0).
constexpr int Life[] = { 0x01, 0x01, 0x01, 0x01, 0x04, 0x05, 0x05, 0x06, 0x06, 0x06 };

int write(const QString &path, int frames, int sockets, int intervalMs)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return 1;
    const QByteArray header
        = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    for (int f = 0; f < frames; ++f) {
        QByteArray tcp = header;
        tcp.reserve(sockets * 160);
        for (int i = 0; i < sockets; ++i) {
            // Connection i is in its (f + i) % 10 phase of generation (f + i) / 10: a new port each life.
            const int age = (f + i) % 10;
            const int generation = (f + i) / 10;
            const int port = 1024 + (i * 7 + generation * 131) % 64000;
            char line[200];
            std::snprintf(line, sizeof line,
                "%4d: 0100007F:%04X 0100007F:1F90 %02X 00000000:00000000 00:00000000 00000000  1000        0 %d 1 "
                "0000000000000000 20 4 30 10 -1\n",
                i, port, Life[age], 100000 + i + generation * sockets);
            tcp += line;
        }
        StreamFrameWriter w;
        w.begin(QStringLiteral("longrun"), 1'800'000'000'000 + qint64(f) * intervalMs, QStringLiteral("Linux"),
            QStringLiteral("6.1"));
        w.section("tcp", tcp);
        w.section("tcp6", header);
        w.section("sysctl", "32768\t60999\n", "net.ipv4.ip_local_port_range");
        out.write(w.end());
    }
    std::printf("wrote %d frames of %d sockets, %lld MB, %d ms apart (%d s of stream time)\n", frames, sockets,
        out.size() >> 20, intervalMs, frames * intervalMs / 1000);
    return 0;
}

int replay(const QString &path, int speed)
{
    ReplaySource source(path);
    const Status opened = source.open();
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    ConnectionTracker tracker;
    StateHistory history;
    const int frames = source.frameCount();
    const int waitMs = qMax(1, source.recordedIntervalMs() / qMax(1, speed));
    QElapsedTimer clock;
    clock.start();
    qint64 events = 0;
    for (int i = 0; i < frames; ++i) {
        const Snapshot s = source.poll();
        events += qint64(tracker.update(s).size());
        history.append(s);
        if (i % qMax(1, frames / 10) == 0 || i == frames - 1)
            std::printf("frame %5d/%d  t=%6.1f s  tracked %6lld  events %9lld  history %6lld  RSS %lld kB\n", i + 1,
                frames, clock.elapsed() / 1000.0, qint64(tracker.size()), events, qint64(history.size()), rssKb());
        // Pace like the poller does at this speed: one frame per recorded interval / speed.
        const qint64 due = qint64(i + 1) * waitMs;
        if (clock.elapsed() < due)
            QThread::msleep(ulong(due - clock.elapsed()));
    }
    std::printf("replayed %d frames at %dx in %.1f s\n", frames, speed, clock.elapsed() / 1000.0);
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() >= 3 && a[1] == QLatin1String("write"))
        return write(a[2], a.value(3, QStringLiteral("900")).toInt(), a.value(4, QStringLiteral("3000")).toInt(),
            a.value(5, QStringLiteral("2000")).toInt());
    if (a.size() >= 3 && a[1] == QLatin1String("replay"))
        return replay(a[2], a.value(3, QStringLiteral("20")).toInt());
    std::fprintf(stderr, "usage: longrun write FILE [frames sockets intervalMs] | longrun replay FILE [speed]\n");
    return 2;
}
