#pragma once

#include "problem.h"
#include "tunables.h"

#include <QByteArrayView>

// Reads the Linux sysctls that shape teardown and port use from a /proc tree.
class TunablesReader
{
public:
    // The sysctls read, in display order. Missing ones are "not present on this kernel".
    static const QStringList &linuxNames();
    // "net.ipv4.tcp_tw_reuse" -> "sys/net/ipv4/tcp_tw_reuse"
    static QString procPath(const QString &sysctlName);
    static constexpr qsizetype MaxValueBytes = 4096; // a sysctl value is one page at most (proc_sys)

    // The value of one sysctl file, cut to MaxValueBytes: trailing newline dropped, tabs kept.
    static QString parseValue(QByteArrayView fileContents);
    // Reads every known sysctl under procRoot (normally "/proc"). Unreadable files become problems.
    static Tunables read(const QString &procRoot, ProblemList *problems = nullptr);
    static QString readKernelRelease(const QString &procRoot);
    static QString readHostName(const QString &procRoot);
};
