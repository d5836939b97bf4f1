#pragma once

#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QString>

// Something in the input that could not be used. Parsers report problems and carry on.
struct Problem
{
    QString source; // file or stream the input came from, e.g. "/proc/net/tcp6"
    qint64 line = 0; // 1-based; 0 when the problem is not about one line
    QString message;

    QString toString() const;
    // The start of a bad input line, safe to show: control and non-ASCII bytes become '?'.
    static QString excerpt(QByteArrayView line);
};

// A bounded list: a flood of bad lines keeps the first few and counts the rest.
class ProblemList
{
public:
    static constexpr int MaxKept = 100;

    void add(Problem p);
    void append(const ProblemList &other);
    const QList<Problem> &items() const { return m_items; }
    qint64 total() const { return m_total; }
    bool isEmpty() const { return m_total == 0; }

private:
    QList<Problem> m_items;
    qint64 m_total = 0;
};
