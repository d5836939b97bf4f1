#pragma once

#include "core/snapshot.h"
#include "core/ssfilter.h"
#include "tracker/connectiontracker.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <deque>
#include <memory>

struct AppOptions;
class EventDrainer;
class OwnerWorker;
class SnapshotSource;

// `tcpscope --events`: polls this host every interval and prints each state transition the tracker
// sees, one line each (text or NDJSON), flushed per line, until --duration ends or SIGINT/SIGTERM
// arrives (exit 0). The sockets of the first poll are the baseline, not printed. Exit 1 when the
// first poll cannot read the source.
//
// Owners: a poll is tracked only once the owner scan of that same poll is done, so a new connection's
// first transition already names its process. The scan runs on its own thread (OwnerWorker), never
// more than one at a time; polls keep their timer meanwhile and wait in order, all but the newest
// then attached to the last scan's owners without one of their own.
//
// Where the source has the kernel's state changes (eBPF, StateEventFeed) they go with each poll into the
// tracker: transitions are then "observed", hop by hop, including connections that opened and closed
// between two polls. Without them (no privilege, no BTF, not built) stderr says why, once, and it polls.
class EventsCommand : public QObject
{
    Q_OBJECT
public:
    static int run(const AppOptions &options);

    EventsCommand(const AppOptions &options, std::unique_ptr<SnapshotSource> source);
    ~EventsCommand() override;
    // Polls once for the baseline; false (and said why) when the source cannot be read.
    bool start();
    // Stops polling; the poll being scanned is still printed, then the event loop quits.
    void stop();

private:
    void poll();
    void scanNext();
    void scanned(const Snapshot &snapshot);
    void track(const Snapshot &snapshot);
    void print(const std::vector<TrackerEvent> &events, qint64 timeMs);
    // The poll with the kernel's changes since the last one, when they flow.
    Snapshot pollSource();
    void startStateEvents();
    void finishIfDone();

    std::unique_ptr<SnapshotSource> m_source;
    SsFilter m_filter;
    bool m_json = false;
    int m_intervalMs = 1000;
    int m_durationMs = -1;
    ConnectionTracker m_tracker;
    QThread m_ownerThread;
    OwnerWorker *m_owners = nullptr; // lives in m_ownerThread; null when the source cannot tell owners
    std::unique_ptr<EventDrainer> m_events; // the kernel's state changes; null when they do not flow
    std::deque<Snapshot> m_waiting; // polled while a scan ran, oldest first
    bool m_scanning = false;
    bool m_stopping = false;
    bool m_baselineTracked = false; // the first poll's sockets were there before: not transitions
    bool m_failing = false; // the last poll could not read the source (said once per run of failures)
    QTimer m_timer;
};
