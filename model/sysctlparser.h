#pragma once

#include "problem.h"
#include "tunables.h"

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

    // The FreeBSD/macOS sysctls that shape teardown and port use, in display order; absent ones simply were
    // not present on that kernel (tcp-domain.md section 4).
    static const QStringList &bsdNames();
};
