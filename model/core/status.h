#pragma once

#include <QString>

#include <utility>

// The outcome of an operation that returns nothing: ok, or an error message that says what went
// wrong and what to do. The one error idiom outside the parsers (Expected<T> when there is a value).
class Status
{
public:
    Status() = default; // ok
    static Status failure(QString message)
    {
        Status s;
        s.m_failed = true;
        s.m_error = std::move(message);
        return s;
    }

    bool ok() const { return !m_failed; }
    // Empty when ok().
    const QString &error() const { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
};
