#include "sources/local/ownedframes.h"

#include "sources/local/streamprocsource.h"
#include "stream/streamframedecoder.h"

#include <unistd.h>

OwnedFrames::OwnedFrames(QString procRoot)
    : m_root(std::move(procRoot))
    , m_scanner(m_root)
    , m_euid(::geteuid())
{ }

QByteArray OwnedFrames::next(qint64 timeMs)
{
    QByteArray frame = StreamProcSource::captureFrame(m_root, timeMs);
    const Snapshot polled(StreamFrameDecoder::decode({ 0, frame }));
    if (!polled.isValid())
        return frame;
    Snapshot owned = polled.withOwners(m_scanner.attach(polled));
    if (m_encoder.needsFull(owned)) {
        m_scanner.scan(owned); // reads /proc/PID/fd only for inodes it does not know
        owned = polled.withOwners(m_scanner.attach(polled));
    }
    constexpr QByteArrayView End("@end\n");
    Q_ASSERT(frame.endsWith(End));
    frame.chop(End.size());
    frame += m_encoder.section(owned, m_euid);
    frame += End;
    return frame;
}
