#include "stream/recorder.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutexLocker>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Recorder", text);
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
    m_frames = 0;
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (m_fd < 0) {
        m_error = tr("cannot record to %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return Status::failure(m_error);
    }
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

bool Recorder::append(QByteArrayView frame)
{
    QMutexLocker lock(&m_lock);
    if (m_fd < 0)
        return false;
    qsizetype done = 0;
    while (done < frame.size()) {
        const ssize_t n = ::write(m_fd, frame.data() + done, size_t(frame.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_error = tr("recording to %1 stopped: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
            closeLocked();
            return false;
        }
        done += n;
    }
    ++m_frames;
    return true;
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
