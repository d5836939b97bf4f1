#include "stream/ownerencoder.h"

OwnerEncoder::OwnerEncoder(int fullEvery)
    : m_fullEvery(qMax(1, fullEvery))
{ }

bool OwnerEncoder::needsFull(const Snapshot &snapshot) const
{
    if (m_frames == 0 || m_frames >= m_fullEvery)
        return true;
    for (const SocketEntry &e : snapshot.sockets()) {
        if (e.inode != 0 && !m_known.count(e.inode))
            return true;
    }
    return false;
}

QByteArray OwnerEncoder::section(const Snapshot &snapshot, quint32 scannerUid)
{
    std::unordered_set<quint64> fresh;
    if (m_frames > 0 && m_frames < m_fullEvery) {
        for (const SocketEntry &e : snapshot.sockets()) {
            if (e.inode != 0 && !m_known.count(e.inode))
                fresh.insert(e.inode);
        }
        ++m_frames;
        if (fresh.empty())
            return QByteArrayLiteral("@owners unchanged\n");
        // Only the new sockets' owners: a reader keeps the rest (docs/stream-format.md, version 2).
        m_known.insert(fresh.begin(), fresh.end());
        return OwnerSection::delta(snapshot, scannerUid, fresh);
    }
    m_known.clear();
    for (const SocketEntry &e : snapshot.sockets()) {
        if (e.inode != 0)
            m_known.insert(e.inode);
    }
    m_frames = 1;
    return OwnerSection::full(snapshot, scannerUid);
}
