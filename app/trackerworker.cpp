#include "trackerworker.h"

#include <algorithm>

void TrackerWorker::track(const Snapshot &snapshot)
{
    auto r = std::make_shared<TrackerResult>();
    r->snapshot = snapshot;
    r->events = m_tracker.update(snapshot); // an invalid snapshot changes nothing
    r->pollMs = m_tracker.lastUpdateMs();
    r->sockets.reserve(size_t(m_tracker.size()));
    for (const TrackedSocket &t : m_tracker.slots()) {
        if (t.id != 0)
            r->sockets.push_back(t);
    }
    std::sort(r->sockets.begin(), r->sockets.end(),
        [](const TrackedSocket &a, const TrackedSocket &b) { return a.id < b.id; });
    Q_EMIT tracked(r);
}
