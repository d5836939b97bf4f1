// Benchmark (not a ctest test): GUI-thread cost of one poll with 100k sockets, 5% of them changed.
//   build/dev/tests/bench_connectiontablemodel [sockets] [changed-percent] [proxy sort column]
// Prints the median over 20 polls of the tracker diff, the table model update, the same update
// through a sorted, dynamically filtered proxy, and the diagram scene update.
#include "diagram/statediagramscene.h"
#include "models/connectionfilterproxy.h"
#include "models/connectiontablemodel.h"
#include "snapshotbuilder.h"
#include "tracker/connectiontracker.h"

#include <QApplication>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {
// Thread CPU time in ms: on a loaded machine wall time mostly measures the other processes.
double cpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct Stopwatch
{
    double start = cpuMs();
    double elapsed() const { return cpuMs() - start; }
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 100'000;
    const int percent = argc > 2 ? std::atoi(argv[2]) : 5;

    SnapshotBuilder b(1'700'000'000'000);
    for (int i = 0; i < n; ++i) {
        b.add(i % 5 == 0 ? TcpState::TimeWait : TcpState::Established, quint16(1024 + i % 60000),
            quint16(80 + i / 60000));
    }
    ConnectionTracker tracker;
    ConnectionTableModel model;
    ConnectionTableModel proxiedModel;
    ConnectionTracker proxiedTracker;
    ConnectionFilterProxy proxy;
    proxy.setSourceModel(&proxiedModel);
    const int sortColumn = argc > 3 ? std::atoi(argv[3]) : ConnectionTableModel::LocalColumn;
    proxy.sort(sortColumn);
    StateDiagramScene scene;

    qint64 now = 0;
    model.apply(tracker, tracker.update(b.build()), now);
    proxiedModel.apply(proxiedTracker, proxiedTracker.update(b.build()), now);

    std::vector<double> diffMs, copyMs, modelMs, proxyMs, sceneMs;
    for (int poll = 1; poll <= 20; ++poll) {
        // percent% of sockets change: a fifth of them change state, the rest queues and timers.
        auto &socks = b.data().sockets;
        const int changed = n * percent / 100;
        for (int k = 0; k < changed; ++k) {
            SocketEntry &e = socks[size_t((poll * 7919 + k * 20) % n)];
            if (k % 5 == 0)
                e.state = e.state == TcpState::Established ? TcpState::CloseWait : TcpState::Established;
            else
                e.txQueue += 100;
        }
        b.data().timeMs += 1000;
        const Snapshot s = b.build();
        now += 1000;

        Stopwatch t;
        const auto events = tracker.update(s);
        diffMs.push_back(t.elapsed());
        // What MainWindow's TrackerWorker does off the GUI thread after the diff.
        t = Stopwatch();
        std::vector<TrackedSocket> byId;
        byId.reserve(size_t(tracker.size()));
        for (const TrackedSocket &ts : tracker.slots()) {
            if (ts.id != 0)
                byId.push_back(ts);
        }
        std::sort(byId.begin(), byId.end(), [](const TrackedSocket &a, const TrackedSocket &b) { return a.id < b.id; });
        copyMs.push_back(t.elapsed());
        t = Stopwatch();
        model.apply(byId, tracker.lastUpdateMs(), events, now);
        modelMs.push_back(t.elapsed());

        const auto events2 = proxiedTracker.update(s);
        t = Stopwatch();
        proxiedModel.apply(proxiedTracker, events2, now); // hash lookups: a little dearer than byId
        proxyMs.push_back(t.elapsed());

        t = Stopwatch();
        scene.setSnapshot(s);
        scene.addEvents(events);
        scene.step(1000);
        sceneMs.push_back(t.elapsed());
    }
    std::printf("%d sockets, %d%% changed per poll, median thread CPU time of 20 polls:\n", n, percent);
    std::printf("worker thread:\n");
    std::printf("  tracker diff          %7.2f ms\n", median(diffMs));
    std::printf("  copy + sort by id     %7.2f ms\n", median(copyMs));
    std::printf("GUI thread:\n");
    std::printf("  table model apply     %7.2f ms\n", median(modelMs));
    std::printf("  model + proxy sorted by column %d  %7.2f ms\n", sortColumn, median(proxyMs));
    std::printf("  diagram scene update  %7.2f ms\n", median(sceneMs));
    return 0;
}
