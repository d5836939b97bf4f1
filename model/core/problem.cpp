#include "core/problem.h"

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

QString Problem::excerpt(QByteArrayView line)
{
    QString s;
    const qsizetype n = qMin<qsizetype>(line.size(), 48);
    s.reserve(n + 3);
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        s.append(c >= 0x20 && c < 0x7f ? QChar(char16_t(c)) : QChar(u'?'));
    }
    if (line.size() > n)
        s.append(QLatin1String("..."));
    return s;
}
