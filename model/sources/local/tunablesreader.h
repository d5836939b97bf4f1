#pragma once

#include "core/problem.h"
#include "core/tunables.h"

#include <QByteArrayView>

// Reads the Linux sysctls that shape teardown and port use from a /proc tree.
class TunablesReader
{
public:
    // Reads every known sysctl under procRoot (normally "/proc"). Unreadable files become problems.
    static Tunables read(const QString &procRoot, ProblemList *problems = nullptr);
    static QString readKernelRelease(const QString &procRoot);
    static QString readHostName(const QString &procRoot);
};
