// bench_itertcp: an eBPF iter/tcp dump of the socket table (ebpf/itertcp.bpf.c) against the
// sock_diag dump that ss and NetlinkSource pay, meant to run inside `sockpop --mix 100000`.
// Median wall and CPU (this process, kernel time in read()/recv() included) over N runs of: the
// iterator read alone, the iterator read into SocketEntry rows, a bare sock_diag dump of both
// families (headers walked, nothing decoded) and NetlinkSource's dump (decoded into SocketEntry).
#include "baredump.h"
#include "benchclock.h"
#include "itertcp.h"
#include "itertcp.skel.h"
#include "parse/inetdiagparser.h"
#include "sources/local/netlinksource.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <cstdio>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
// Reads one pass of the iterator into buf; the records read.
size_t readIterator(bpf_link *link, std::vector<char> &buf)
{
    const int fd = bpf_iter_create(bpf_link__fd(link));
    if (fd < 0)
        return 0;
    size_t total = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buf.data() + total, buf.size() - total);
        if (n <= 0)
            break;
        total += size_t(n);
        if (buf.size() - total < 65536)
            buf.resize(buf.size() * 2);
    }
    ::close(fd);
    return total / sizeof(itertcp_record);
}

void toEntries(const std::vector<char> &buf, size_t n, std::vector<SocketEntry> &out)
{
    out.clear();
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        itertcp_record r;
        std::memcpy(&r, buf.data() + i * sizeof r, sizeof r);
        SocketEntry e;
        e.family = r.family == AF_INET ? AddressFamily::IPv4 : AddressFamily::IPv6;
        std::memcpy(e.localAddr.data(), r.local, 16);
        std::memcpy(e.remoteAddr.data(), r.remote, 16);
        e.localPort = r.lport;
        e.remotePort = r.rport;
        e.state = TcpState(r.state);
        e.cookie = r.cookie;
        e.inode = r.inode;
        e.uid = r.uid;
        e.txQueue = r.txq;
        e.rxQueue = r.rxq;
        e.retransmits = r.retransmits;
        out.push_back(e);
    }
}

} // namespace

int main(int argc, char **argv)
{
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 15;
    itertcp_bpf *skel = itertcp_bpf__open_and_load();
    if (!skel) {
        std::fprintf(stderr, "bench_itertcp: cannot load the iter/tcp program: %s\n", std::strerror(errno));
        return 1;
    }
    bpf_link *link = bpf_program__attach_iter(skel->progs.dump_tcp, nullptr);
    if (!link) {
        std::fprintf(stderr, "bench_itertcp: cannot attach iter/tcp: %s\n", std::strerror(errno));
        return 1;
    }
    std::vector<char> buf(16 << 20);
    std::vector<SocketEntry> rows;
    std::printf("iter/tcp records: %zu\n", readIterator(link, buf));
    BenchClock::measure(runs, [&] { (void)readIterator(link, buf); }).print("iter/tcp read");
    BenchClock::measure(runs, [&] {
        toEntries(buf, readIterator(link, buf), rows);
    }).print("iter/tcp read + SocketEntry rows");

    const int fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    std::vector<char> nl(1 << 20);
    std::printf("sock_diag messages: %zu\n", bareDump(fd, AF_INET, nl) + bareDump(fd, AF_INET6, nl));
    BenchClock::measure(runs, [&] {
        (void)bareDump(fd, AF_INET, nl);
        (void)bareDump(fd, AF_INET6, nl);
    }).print("sock_diag bare dump, both families");
    ::close(fd);
    NetlinkSource source;
    source.setParallel(false); // one thread, as the iterator: CPU compares like with like
    ProblemList problems;
    BenchClock::measure(runs, [&] { (void)source.dump(rows, problems); }).print("NetlinkSource::dump (decoded)");
    std::printf("NetlinkSource rows: %zu\n", rows.size());
    bpf_link__destroy(link);
    itertcp_bpf__destroy(skel);
    return 0;
}
