#include "stream/ownerencoder.h"

OwnerEncoder::OwnerEncoder(int fullEvery)
    : m_fullEvery(qMax(1, fullEvery))
{ }

bool OwnerEncoder::needsFull(const Snapshot &snapshot) const
{
    if (m_frames == 0 || m_frames >= m_fullEvery)
        return true;
    for (const SocketEntry &e : snapshot.sockets()) {
        if (e.inode != 0 && !m_known.count(e.inode) && !m_unfound.count(e.inode))
            return true;
    }
    return false;
}

QByteArray OwnerEncoder::section(const Snapshot &snapshot, quint32 scannerUid)
{
    const SocketOwners *owners = snapshot.owners();
    const std::vector<SocketEntry> &sockets = snapshot.sockets();
    const auto found = [owners](size_t i) { return owners && owners->at(i); };
    if (m_frames > 0 && m_frames < m_fullEvery) {
        std::unordered_set<quint64> fresh;
        for (size_t i = 0; i < sockets.size(); ++i) {
            const quint64 inode = sockets[i].inode;
            if (inode == 0 || m_known.count(inode))
                continue;
            // New, or sent as not found and found now (the first frames go out before the first scan).
            if (found(i)) {
                fresh.insert(inode);
                m_known.insert(inode);
                m_unfound.erase(inode);
            } else if (m_unfound.insert(inode).second) {
                fresh.insert(inode);
            }
        }
        ++m_frames;
        if (fresh.empty())
            return QByteArrayLiteral("@owners unchanged\n");
        // Only these sockets' owners: a reader keeps the rest (docs/stream-format.md, version 2).
        return OwnerSection::delta(snapshot, scannerUid, fresh);
    }
    m_known.clear();
    m_unfound.clear();
    for (size_t i = 0; i < sockets.size(); ++i) {
        if (sockets[i].inode != 0)
            (found(i) ? m_known : m_unfound).insert(sockets[i].inode);
    }
    m_frames = 1;
    return OwnerSection::full(snapshot, scannerUid);
}
