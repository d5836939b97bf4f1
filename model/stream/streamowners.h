#pragma once

#include "core/snapshot.h"
#include "stream/ownersection.h"
#include "stream/streamframe.h"

#include <memory>
#include <optional>

// The reader's side of the "@owners" sections (stream/ownersection.h): keeps the last full table and
// the deltas since, so that an "unchanged" or "delta" frame is named from it. Feed every frame in stream order, also
// those a live source skips to show the newest.
class StreamOwners
{
public:
    // Takes the frame's section: a full table replaces the kept one, "unchanged" keeps it; a frame
    // without one (an older producer, BSD) means no owners. A malformed table is a problem in `problems`.
    void feed(const StreamFrame &frame, ProblemList &problems);
    // The owners of a snapshot decoded from the frame fed last; nullopt when it had none or the table
    // is not known (an "unchanged" before any full one).
    std::optional<SocketOwners> attach(const Snapshot &snapshot) const;
    // The snapshot with its owners, if any.
    Snapshot attached(const Snapshot &snapshot) const;
    void reset();
    bool hasTable() const { return m_table != nullptr; }
    // The table kept (the last full one and the deltas since) as a full section, for a keyframe that
    // stands in for a later frame (StreamTable::keyframe); empty when there is none.
    QByteArray fullSection() const { return m_table ? OwnerSection::write(*m_table) : QByteArray(); }

private:
    std::shared_ptr<OwnerSection::Table> m_table; // ours alone: deltas change it in place
    bool m_present = false;
};
