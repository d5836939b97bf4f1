#pragma once

#include "analysis/advisory.h"
#include "tracker/connectiontracker.h"

#include <QObject>

#include <memory>

// One poll, tracked: the snapshot, the tracker's events and a copy of the live sockets sorted by id.
struct TrackerResult
{
    Snapshot snapshot;
    std::vector<TrackerEvent> events;
    std::vector<TrackedSocket> sockets; // ascending id, for ConnectionTableModel::apply
    qint64 pollMs = 0;
    // Advisor::evaluate with the previous poll (counter growth) and this tracker's ages (CLOSE_WAIT/FIN_WAIT_2
    // ageing): the tracker lives on this thread, so the rules run here and only their findings cross to the GUI.
    std::vector<Advisory> advisories;
    quint64 generation = 0; // as passed to track()
};
using TrackerResultPtr = std::shared_ptr<const TrackerResult>;
Q_DECLARE_METATYPE(TrackerResultPtr)

// Runs the ConnectionTracker diff on its own thread: at 100k sockets it costs tens of ms, more than a
// frame, so it must not run on the GUI thread. Lives in a QThread; talk to it by queued signals only.
class TrackerWorker : public QObject
{
    Q_OBJECT
public:
    // A generation other than the last one means a new source (another host, a recording): the
    // tracker starts afresh instead of reporting every socket of the old host as closed.
    void track(const Snapshot &snapshot, quint64 generation = 0);

Q_SIGNALS:
    void tracked(const TrackerResultPtr &result);

private:
    ConnectionTracker m_tracker;
    Snapshot m_previous; // the last valid poll of this generation: counter growth for the advisor
    quint64 m_generation = 0;
};
