#pragma once

#include "core/problem.h"
#include "core/tunables.h"

#include <QByteArrayView>

struct SysctlParseResult
{
    Tunables tunables;
    ProblemList problems;
};

// Parses sysctl(8) text into tunables. Pure. Accepts the forms sysctl and sysctl.conf(5) write:
//   "name: value" (FreeBSD/macOS `sysctl name`), "name=value" (sysctl.conf, `sysctl -e`),
//   "name = value" (Linux), "name: old -> new" (`sysctl -w`; the new value is kept),
// '#' comments, and multi-line values such as net.inet.tcp.functions_available (a table after "name: ").
class SysctlParser
{
public:
    static SysctlParseResult parse(QByteArrayView text, const QString &source);

    static constexpr qsizetype MaxValueBytes = 4096; // a sysctl value is one page at most (proc_sys)
    // The value of one Linux /proc/sys file, cut to MaxValueBytes: trailing newline dropped, tabs kept.
    static QString parseLinuxValue(QByteArrayView fileContents);
};
