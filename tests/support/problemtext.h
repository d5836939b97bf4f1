#pragma once

#include "core/problem.h"

#include <QStringList>

// Every problem of a list, one a line: what a test prints when it finds one it did not expect.
inline QString allProblems(const ProblemList &p)
{
    QStringList s;
    for (const Problem &x : p.items())
        s << x.toString();
    return s.join(QLatin1Char('\n'));
}
