#pragma once

#include "core/expected.h"

#include <QString>
#include <QStringList>

#include <vector>

// What each tunable tcpscope reads means, checked against the kernel sources and man pages each entry's
// reference names. One honest line per tunable: what it does, and the thing people wrongly believe it does.
struct TunableInfo
{
    QString name; // sysctl name, "net.ipv4.tcp_fin_timeout"; "TCP_TIMEWAIT_LEN" for the fixed constant
    QString os; // "Linux", "FreeBSD" or "macOS"
    QString defaultValue; // as the kernel prints it; a formula when it depends on memory
    bool defaultIsFormula = false; // e.g. "ehash entries / 2": cannot be compared with the value
    bool readOnly = false; // a kernel constant shown for teaching, not a sysctl
    QString does;
    QString doesNot;
    QString reference;
};

// The entries live in tunablecatalog.json, embedded as a resource and read on first use.
class TunableCatalog
{
public:
    static constexpr const char *ResourcePath = ":/analysis/tunablecatalog.json";

    static const std::vector<TunableInfo> &all();
    // nullptr when tcpscope knows nothing about the name. With a host's os (uname -s), only that OS's entry:
    // macOS shares sysctl names with FreeBSD but not their defaults (xnu bsd/netinet/tcp_timer.h, in_pcb.c).
    static const TunableInfo *find(const QString &name, const QString &os = QString());
    // The entries for one OS (uname -s: "Linux", "FreeBSD", "Darwin") in display order.
    static std::vector<const TunableInfo *> forOs(const QString &os);
    // The catalog's os for a uname -s: "Darwin" is "macOS"; other BSDs use the FreeBSD entries.
    static QString family(const QString &os);
    // True when value is the kernel default (whitespace-insensitive); false when unknown.
    static bool isDefault(const TunableInfo &info, const QString &value);
    // "does doesNot" as one line for tooltips and text output.
    static QString oneLine(const TunableInfo &info);
    // The entries of a catalog file ({"tunables": [...]}), in its order. Every text field must be there and
    // os must be Linux, FreeBSD or macOS; otherwise a failure that says why.
    static Expected<std::vector<TunableInfo>> fromJson(const QByteArray &json);
};
