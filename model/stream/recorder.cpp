#include "stream/recorder.h"

#include "stream/recordingblock.h"
#include "stream/recordingindex.h"
#include "stream/streamframe.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutexLocker>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Recorder", text);
}

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}
} // namespace

Recorder::Recorder(QString path)
    : m_path(std::move(path))
{ }

Recorder::~Recorder()
{
    closeLocked();
}

void Recorder::closeLocked()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

Status Recorder::open()
{
    return start(path());
}

Status Recorder::start(const QString &path)
{
    QMutexLocker lock(&m_lock);
    closeLocked();
    m_path = path;
    m_error.clear();
    m_frames = m_bytes = m_rawBytes = 0;
    m_sinceKey = -1;
    // O_RDWR, not O_WRONLY: an existing file is read first. A read-only file system or file fails here.
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    Status s = m_fd < 0 ? Status::failure(tr("cannot record to %1: %2").arg(m_path, lastError())) : prepareLocked();
    if (!s.ok()) {
        closeLocked();
        m_error = s.error();
    }
    return s;
}

Status Recorder::prepareLocked()
{
    struct stat st = {};
    if (::fstat(m_fd, &st) != 0)
        return Status::failure(tr("cannot record to %1: %2").arg(m_path, lastError()));
    m_end = st.st_size;
    if (m_end == 0)
        return writeLocked(RecordingBlock::fileMagic()) ? Status() : Status::failure(m_error);
    RecordingIndex existing;
    const Status read = existing.open(m_path);
    if (!existing.isContainer()) {
        return Status::failure(
            tr("cannot record to %1: it holds something other than a tcpscope recording (an older plain-text "
               "one?); choose a new file")
                .arg(m_path));
    }
    Q_UNUSED(read); // a container with no frame yet (only its magic) is continued too
    // A recorder killed in a write left a torn block: cut it, or the blocks appended after it are lost.
    if (existing.validEnd() < m_end && ::ftruncate(m_fd, existing.validEnd()) != 0)
        return Status::failure(tr("cannot record to %1: %2").arg(m_path, lastError()));
    m_end = existing.validEnd();
    return {};
}

void Recorder::stop()
{
    QMutexLocker lock(&m_lock);
    closeLocked();
}

bool Recorder::isRecording() const
{
    QMutexLocker lock(&m_lock);
    return m_fd >= 0;
}

bool Recorder::writeLocked(QByteArrayView bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.data() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int code = n < 0 ? errno : ENOSPC; // write(2) returns 0 only for a full device
            m_error = code == ENOSPC
                ? tr("recording to %1 stopped: no space left on device; the recording so far is intact").arg(m_path)
                : tr("recording to %1 stopped: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(code)));
            // Part of the block may be on disk: cut it, so that the file ends with a whole block.
            if (::ftruncate(m_fd, m_end) != 0)
                m_error += QLatin1Char(' ') + tr("(its last frame is cut off)");
            closeLocked();
            return false;
        }
        done += n;
    }
    m_end += bytes.size();
    m_bytes += bytes.size();
    return true;
}

bool Recorder::append(QByteArrayView frame)
{
    if (!isRecording())
        return false;
    RecordingBlock block = RecordingBlock::describe(frame);
    QByteArray bytes;
    QString failed;
    {
        QMutexLocker codec(&m_codecLock);
        bytes = m_codec.compress(frame, &failed);
    }
    block.packedBytes = bytes.size();
    bytes.prepend(block.header()); // one buffer: one write(2)
    QMutexLocker lock(&m_lock);
    if (m_fd < 0)
        return false;
    if (!failed.isEmpty()) {
        m_error = tr("recording to %1 stopped: %2").arg(m_path, failed);
        closeLocked();
        return false;
    }
    if (!writeLocked(bytes))
        return false;
    ++m_frames;
    m_rawBytes += frame.size();
    m_sinceKey = block.key ? 1 : m_sinceKey < 0 ? -1 : m_sinceKey + 1;
    return true;
}

bool Recorder::keyDue() const
{
    QMutexLocker lock(&m_lock);
    return m_sinceKey < 0 || m_sinceKey >= StreamFrame::RecordingKeyEvery;
}

QString Recorder::path() const
{
    QMutexLocker lock(&m_lock);
    return m_path;
}

QString Recorder::error() const
{
    QMutexLocker lock(&m_lock);
    return m_error;
}

qint64 Recorder::framesWritten() const
{
    QMutexLocker lock(&m_lock);
    return m_frames;
}

qint64 Recorder::bytesWritten() const
{
    QMutexLocker lock(&m_lock);
    return m_bytes;
}

qint64 Recorder::rawBytesWritten() const
{
    QMutexLocker lock(&m_lock);
    return m_rawBytes;
}
