#pragma once

#include "core/snapshot.h"
#include "stream/ownersection.h"

#include <QByteArray>

#include <unordered_set>

// The producer's side of the "@owners" sections (stream/ownersection.h): a full table when the
// snapshot has socket inodes the last full table did not see, or every fullEvery frames; else
// "unchanged", so a steady server costs one short line per frame.
class OwnerEncoder
{
public:
    explicit OwnerEncoder(int fullEvery = OwnerSection::FullEvery);

    // Whether the next section must be full (a scan is worth it).
    bool needsFull(const Snapshot &snapshot) const;
    // The section for `snapshot` (its owners attached), "@owners ..." through its last line.
    QByteArray section(const Snapshot &snapshot, quint32 scannerUid);
    // The next section is full: a client joined that has seen no table.
    void restart() { m_frames = 0; }

private:
    std::unordered_set<quint64> m_known; // inodes of the last full table's snapshot
    int m_fullEvery;
    int m_frames = 0; // since the last full table; 0: none sent yet
};
