#include "endconnectionjob.h"

#ifdef Q_OS_LINUX
#include "sources/local/socketdestroyer.h"
#endif

#include <QCoreApplication>

#include <cerrno>

EndConnectionJob::Result EndConnectionJob::run(const std::vector<SocketEntry> &sockets)
{
    Result r;
#ifndef Q_OS_LINUX
    for (size_t i = 0; i < sockets.size(); ++i)
        r.failures.push_back({ i,
            QCoreApplication::translate(
                "EndConnectionJob", "ending a connection uses netlink SOCK_DESTROY, which only Linux has"),
            EOPNOTSUPP });
#else
    SocketDestroyer destroyer;
    for (size_t i = 0; i < sockets.size(); ++i) {
        const Status st = destroyer.destroy(sockets[i]);
        if (st.ok()) {
            ++r.ended;
            continue;
        }
        const int error = destroyer.lastError();
        r.failures.push_back({ i, st.error(), error });
        if (error == ENOENT)
            ++r.gone;
        if (error == EPERM || error == EACCES || error == EOPNOTSUPP)
            break; // the same answer for every other one
    }
#endif
    return r;
}
