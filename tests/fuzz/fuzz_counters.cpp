// libFuzzer target: /proc/net/sockstat{,6}, /proc/net/snmp and /proc/net/netstat text (CountersParser).
// Bad lines are reported and skipped; problems stay bounded and every value has a "Prefix.Name" key.
#include "parse/countersparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Counters c;
    ProblemList problems;
    CountersParser::parseSockstat(bytes, c, problems, QStringLiteral("sockstat"));
    CountersParser::parseTable(bytes, c, problems, QStringLiteral("snmp"));
    if (problems.items().size() > ProblemList::MaxKept)
        std::abort();
    for (const auto &[key, value] : c.values) {
        if (key.isEmpty())
            std::abort();
        (void)value;
    }
    (void)c.inUse();
    return 0;
}
