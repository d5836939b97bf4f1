#include "sources/local/processreader.h"

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
qint32 pidOf(const char *name)
{
    qint32 pid = 0;
    for (const char *c = name; *c; ++c) {
        if (*c < '0' || *c > '9' || pid > 100'000'000)
            return 0;
        pid = pid * 10 + (*c - '0');
    }
    return pid;
}
} // namespace

ProcessReader::ProcessReader(const QString &procRoot)
    : m_root(::open(QFile::encodeName(procRoot).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
{ }

ProcessReader::~ProcessReader()
{
    if (m_root >= 0)
        ::close(m_root);
}

std::vector<qint32> ProcessReader::pids() const
{
    std::vector<qint32> out;
    const int fd = ::openat(m_root, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = fd < 0 ? nullptr : ::fdopendir(fd);
    if (!d) {
        if (fd >= 0)
            ::close(fd);
        return out;
    }
    while (const dirent *e = ::readdir(d)) {
        if (const qint32 pid = pidOf(e->d_name))
            out.push_back(pid);
    }
    ::closedir(d);
    return out;
}

bool ProcessReader::readSmall(qint32 pid, const char *file)
{
    char path[48];
    std::snprintf(path, sizeof path, "%d/%s", pid, file);
    const int fd = ::openat(m_root, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    m_buffer.resize(4096);
    qsizetype used = 0;
    for (;;) {
        if (used == m_buffer.size())
            m_buffer.resize(used * 2);
        const ssize_t n = ::read(fd, m_buffer.data() + used, size_t(m_buffer.size() - used));
        if (n <= 0 || used > (1 << 20))
            break;
        used += n;
    }
    ::close(fd);
    m_buffer.resize(used);
    return used > 0;
}

std::optional<ProcPidParser::Stat> ProcessReader::stat(qint32 pid)
{
    if (!readSmall(pid, "stat"))
        return std::nullopt;
    return ProcPidParser::stat(m_buffer);
}

bool ProcessReader::identify(qint32 pid, ProcessOwner &owner)
{
    char path[24];
    std::snprintf(path, sizeof path, "%d", pid);
    struct stat st;
    if (::fstatat(m_root, path, &st, 0) != 0)
        return false;
    owner.uid = st.st_uid; // the process's effective uid (proc(5): /proc/PID ownership)
    owner.unit = readSmall(pid, "cgroup") ? ProcPidParser::unit(m_buffer) : QString();
    return true;
}

ProcessReader::Access ProcessReader::sockets(qint32 pid, std::vector<quint64> &inodes) const
{
    char path[32];
    std::snprintf(path, sizeof path, "%d/fd", pid);
    const int fd = ::openat(m_root, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno == EACCES || errno == EPERM ? Access::Denied : Access::Gone;
    DIR *d = ::fdopendir(fd);
    if (!d) {
        ::close(fd);
        return Access::Gone;
    }
    char link[64];
    while (const dirent *e = ::readdir(d)) {
        if (e->d_name[0] == '.')
            continue;
        const ssize_t n = ::readlinkat(fd, e->d_name, link, sizeof link);
        const quint64 inode = n > 0 ? ProcPidParser::socketInode(QByteArrayView(link, n)) : 0;
        if (inode != 0)
            inodes.push_back(inode);
    }
    ::closedir(d);
    return Access::Ok;
}

QString ProcessReader::commandLine(qint32 pid)
{
    if (!readSmall(pid, "cmdline"))
        return {};
    while (m_buffer.endsWith('\0'))
        m_buffer.chop(1);
    return QString::fromUtf8(m_buffer.replace('\0', ' '));
}
