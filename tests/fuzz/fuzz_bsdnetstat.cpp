// libFuzzer target: FreeBSD/macOS `netstat -an -p tcp` text (BsdNetstatParser) and the snapshot built
// from it with sysctl and uname text (BsdSnapshot). Every socket carries a real state, sockets never
// outnumber the tcp rows seen, and problems stay bounded.
#include "parse/bsdnetstatparser.h"
#include "parse/bsdsnapshot.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    for (bool full : { false, true }) {
        BsdNetstatParser::Options o;
        o.fullAddresses = full;
        o.maxSockets = 1000;
        const BsdNetstatResult r = BsdNetstatParser::parse(bytes, QStringLiteral("fuzz"), o);
        if (qint64(r.sockets.size()) > r.lines || r.sockets.size() > size_t(o.maxSockets))
            std::abort();
        if (r.problems.items().size() > ProblemList::MaxKept)
            std::abort();
        for (const SocketEntry &s : r.sockets) {
            if (s.state == TcpState::Unknown)
                std::abort();
            (void)s.localText();
        }
    }
    // The same bytes as netstat, sysctl and uname output of one host.
    BsdSnapshot::Input in;
    in.netstat = bytes;
    in.sysctl = bytes;
    in.uname = bytes.first(qMin<qsizetype>(bytes.size(), 200));
    const Snapshot s(BsdSnapshot::build(in));
    int total = 0;
    for (int c : s.totalCounts())
        total += c;
    if (total != int(s.sockets().size()) || s.count(TcpState::Unknown) != 0)
        std::abort();
    (void)s.timeWaitLengthMs();
    return 0;
}
