// libFuzzer target: sysctl text, both a Linux /proc/sys value (SysctlParser::parseLinuxValue) and the
// BSD `sysctl` / sysctl.conf(5) forms (SysctlParser). Any input parses without a crash, leak or hang;
// problems stay bounded and every tunable parsed has a name.
#include "parse/sysctlparser.h"
#include "sources/local/tunablesreader.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString v = SysctlParser::parseLinuxValue(bytes);
    if (v.endsWith(QLatin1Char('\n')) || v.size() > SysctlParser::MaxValueBytes)
        std::abort(); // the trailing newline is always dropped
    const SysctlParseResult r = SysctlParser::parse(bytes, QStringLiteral("fuzz"));
    if (r.problems.items().size() > ProblemList::MaxKept || r.problems.items().size() > r.problems.total())
        std::abort();
    return 0;
}
