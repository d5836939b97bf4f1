#include "pipeline/trackerworker.h"

#include "analysis/advisor.h"

#include <algorithm>

void TrackerWorker::track(const Snapshot &snapshot, quint64 generation)
{
    if (generation != m_generation) {
        m_tracker.clear();
        m_previous = Snapshot();
        m_generation = generation;
    }
    auto r = std::make_shared<TrackerResult>();
    r->snapshot = snapshot;
    r->generation = generation;
    r->events = m_tracker.update(snapshot); // an invalid snapshot changes nothing
    r->pollMs = m_tracker.lastUpdateMs();
    r->sockets.reserve(size_t(m_tracker.size()));
    for (const TrackedSocket &t : m_tracker.slots()) {
        if (t.id != 0)
            r->sockets.push_back(t);
    }
    std::sort(r->sockets.begin(), r->sockets.end(),
        [](const TrackedSocket &a, const TrackedSocket &b) { return a.id < b.id; });
    if (snapshot.isValid()) {
        r->advisories = Advisor::evaluate(snapshot, m_previous, &m_tracker);
        m_previous = snapshot;
    }
    Q_EMIT tracked(r);
}
