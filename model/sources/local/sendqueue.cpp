#include "sources/local/sendqueue.h"

#if defined(Q_OS_LINUX)
#include <linux/sockios.h>
#include <sys/ioctl.h>
#endif

qint64 SendQueue::bytes(qintptr socketDescriptor)
{
#if defined(Q_OS_LINUX)
    int n = 0;
    if (socketDescriptor >= 0 && ::ioctl(int(socketDescriptor), SIOCOUTQ, &n) == 0)
        return n;
#else
    Q_UNUSED(socketDescriptor);
#endif
    return -1;
}
