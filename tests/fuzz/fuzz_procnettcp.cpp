// libFuzzer target: /proc/net/tcp and /proc/net/tcp6 text. Any input must parse without a crash,
// a leak or a hang, and every socket it yields must carry a real state.
#include "parse/procnettcpparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString source = QStringLiteral("fuzz");
    for (AddressFamily f : { AddressFamily::IPv4, AddressFamily::IPv6 }) {
        const ProcParseResult r = ProcNetTcpParser::parse(bytes, f, source);
        if (qint64(r.sockets.size()) > r.lines)
            std::abort();
        for (const SocketEntry &s : r.sockets) {
            if (s.state == TcpState::Unknown || s.family != f)
                std::abort();
            (void)s.localText();
        }
    }
    return 0;
}
