#include "netnamespace.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
QString errnoText(const char *what)
{
    return QString::fromLatin1(what) + QLatin1String(": ") + QString::fromLocal8Bit(std::strerror(errno));
}

bool writeFile(const char *path, const QByteArray &data)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, data.constData(), size_t(data.size())) == data.size();
    ::close(fd);
    return ok;
}

QString loopbackUp()
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return errnoText("socket");
    ifreq ifr {};
    std::strncpy(ifr.ifr_name, "lo", IFNAMSIZ - 1);
    QString error;
    if (::ioctl(fd, SIOCGIFFLAGS, &ifr) < 0) {
        error = errnoText("SIOCGIFFLAGS lo");
    } else {
        ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
        if (::ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
            error = errnoText("SIOCSIFFLAGS lo");
    }
    ::close(fd);
    return error;
}
} // namespace

QString NetNamespace::enterNew()
{
    if (::geteuid() == 0) {
        if (::unshare(CLONE_NEWNET) < 0)
            return errnoText("unshare(CLONE_NEWNET)");
        return loopbackUp();
    }
    const uid_t uid = ::geteuid();
    const gid_t gid = ::getegid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0)
        return errnoText("unshare(CLONE_NEWUSER|CLONE_NEWNET) (not root, and user namespaces are not allowed)");
    writeFile("/proc/self/setgroups", "deny");
    writeFile("/proc/self/uid_map", QByteArray("0 ") + QByteArray::number(uid) + " 1");
    writeFile("/proc/self/gid_map", QByteArray("0 ") + QByteArray::number(gid) + " 1");
    return loopbackUp();
}

namespace {
QString &testErrorStorage()
{
    static QString error = QStringLiteral("NetNamespace::enterForTests() was not called");
    return error;
}
} // namespace

void NetNamespace::enterForTests()
{
    testErrorStorage() = enterNew();
    if (!testErrorStorage().isEmpty())
        testErrorStorage().prepend(QLatin1String("no private network namespace: "));
}

QString NetNamespace::testError()
{
    return testErrorStorage();
}

bool NetNamespace::mustNotSkip()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}
