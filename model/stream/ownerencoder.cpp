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
    if (!needsFull(snapshot)) {
        ++m_frames;
        return QByteArrayLiteral("@owners unchanged\n");
    }
    m_known.clear();
    for (const SocketEntry &e : snapshot.sockets()) {
        if (e.inode != 0)
            m_known.insert(e.inode);
    }
    m_frames = 1;
    return OwnerSection::full(snapshot, scannerUid);
}
