// libFuzzer target: the bytes of one NETLINK_SOCK_DIAG recv() (InetDiagParser). Bounds-checked: any
// buffer parses without reading past its end; every socket carries a real state.
#include "parse/inetdiagparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Copy into an exactly-sized heap buffer so ASan catches any read past the end.
    QByteArray copy(reinterpret_cast<const char *>(data), qsizetype(size));
    std::vector<SocketEntry> out;
    ProblemList problems;
    const InetDiagParser::Result r = InetDiagParser::parse(QByteArrayView(copy), out, problems);
    if (qint64(out.size()) > r.messages)
        std::abort(); // a socket only comes from a decoded record
    if (problems.items().size() > ProblemList::MaxKept)
        std::abort();
    for (const SocketEntry &s : out) {
        if (s.state == TcpState::Unknown)
            std::abort();
        (void)s.localText();
    }
    InetDiagParser::fillRequestUids(out);
    return 0;
}
