#pragma once

#include "connectiontracker.h"

#include <QObject>

#include <memory>

// One poll, tracked: the snapshot, the tracker's events and a copy of the live sockets sorted by id.
struct TrackerResult
{
    Snapshot snapshot;
    std::vector<TrackerEvent> events;
    std::vector<TrackedSocket> sockets; // ascending id, for ConnectionTableModel::apply
    qint64 pollMs = 0;
};
using TrackerResultPtr = std::shared_ptr<const TrackerResult>;
Q_DECLARE_METATYPE(TrackerResultPtr)

// Runs the ConnectionTracker diff on its own thread: at 100k sockets it costs tens of ms, more than a
// frame, so it must not run on the GUI thread. Lives in a QThread; talk to it by queued signals only.
class TrackerWorker : public QObject
{
    Q_OBJECT
public:
    void track(const Snapshot &snapshot);

Q_SIGNALS:
    void tracked(const TrackerResultPtr &result);

private:
    ConnectionTracker m_tracker;
};
