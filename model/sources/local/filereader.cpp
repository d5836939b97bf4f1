#include "sources/local/filereader.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

FileReader::Result FileReader::read(const QString &path, QByteArray &buffer, qint64 maxBytes)
{
    Result r;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        r.missing = errno == ENOENT;
        r.error = QString::fromLocal8Bit(std::strerror(errno));
        return r;
    }
    buffer.resize(qMax<qsizetype>(buffer.capacity(), 64 * 1024));
    qint64 used = 0;
    for (;;) {
        if (used == buffer.size()) {
            if (used >= maxBytes) {
                r.truncated = true;
                break;
            }
            buffer.resize(qMin<qint64>(buffer.size() * 2, maxBytes));
        }
        const ssize_t n = ::read(fd, buffer.data() + used, size_t(buffer.size() - used));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            r.error = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            buffer.resize(0);
            return r;
        }
        if (n == 0)
            break;
        used += n;
    }
    ::close(fd);
    buffer.resize(used);
    r.ok = true;
    return r;
}
