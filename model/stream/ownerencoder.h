#pragma once

#include "core/snapshot.h"
#include "stream/ownersection.h"

#include <QByteArray>

#include <unordered_set>

// The producer's side of the "@owners" sections (stream/ownersection.h): a full table first and every
// fullEvery frames; in between a delta with the owners of the socket inodes not sent yet, or
// "unchanged", so a steady server costs one short line per frame and a busy one its new sockets only.
class OwnerEncoder
{
public:
    explicit OwnerEncoder(int fullEvery = OwnerSection::FullEvery);

    // Whether the next section names any socket not named yet (a scan is worth it).
    bool needsFull(const Snapshot &snapshot) const;
    // The section for `snapshot` (its owners attached), "@owners ..." through its last line.
    QByteArray section(const Snapshot &snapshot, quint32 scannerUid);
    // The next section is full: a client joined that has seen no table.
    void restart() { m_frames = 0; }

private:
    // Since the last full table: inodes sent with their owner (a socket keeps its process), and
    // those sent as not found, sent again once a scan finds them.
    std::unordered_set<quint64> m_known;
    std::unordered_set<quint64> m_unfound;
    int m_fullEvery;
    int m_frames = 0; // since the last full table; 0: none sent yet
};
