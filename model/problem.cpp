#include "problem.h"

QString Problem::toString() const
{
    if (line > 0)
        return source + QLatin1Char(':') + QString::number(line) + QLatin1String(": ") + message;
    if (source.isEmpty())
        return message;
    return source + QLatin1String(": ") + message;
}

void ProblemList::add(Problem p)
{
    ++m_total;
    if (m_items.size() < MaxKept)
        m_items.append(std::move(p));
}

void ProblemList::append(const ProblemList &other)
{
    for (const Problem &p : other.m_items)
        add(p);
    m_total += other.m_total - other.m_items.size();
}
