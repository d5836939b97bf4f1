#pragma once

#include "core/counters.h"
#include "core/problem.h"

#include <QByteArrayView>

// Pure parsers for the kernel's counter files. Bytes in, values appended to a Counters; bad lines
// are reported and skipped.
class CountersParser
{
public:
    // /proc/net/sockstat and sockstat6: "TCP: inuse 15 orphan 0 tw 20 alloc 31 mem 197" lines of
    // name/value pairs (net/ipv4/proc.c sockstat_seq_show). Keys "TCP.tw", "TCP6.inuse"...
    static void parseSockstat(QByteArrayView text, Counters &out, ProblemList &problems, const QString &source);
    // /proc/net/snmp and /proc/net/netstat: pairs of lines, a header "Tcp: RtoAlgorithm RtoMin ..." then
    // the values "Tcp: 1 200 ..." (net/ipv4/proc.c snmp_seq_show, netstat_seq_show). Keys "Tcp.ActiveOpens".
    static void parseTable(QByteArrayView text, Counters &out, ProblemList &problems, const QString &source);
};
