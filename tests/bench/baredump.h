#pragma once

#include "parse/inetdiagparser.h"

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <sys/socket.h>
#include <vector>

// Dumps every TCP socket of one family over sock_diag(7) and only walks the message headers: the
// floor a netlink reader can reach (nothing decoded). The messages seen.
inline size_t bareDump(int fd, int family, std::vector<char> &buf)
{
    // Every state but CLOSE (7) and the unused 0, as NetlinkSource asks.
    const QByteArray req = InetDiagParser::dumpRequest(family, (((1u << 13) - 1) & ~1u) & ~(1u << 7), 0);
    sockaddr_nl k {};
    k.nl_family = AF_NETLINK;
    if (sendto(fd, req.constData(), size_t(req.size()), 0, reinterpret_cast<sockaddr *>(&k), sizeof k) < 0)
        return 0;
    size_t count = 0;
    for (;;) {
        const ssize_t got = recv(fd, buf.data(), buf.size(), 0);
        if (got <= 0)
            return count;
        size_t n = size_t(got);
        for (auto *h = reinterpret_cast<nlmsghdr *>(buf.data()); NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
                return count;
            ++count;
        }
    }
}
