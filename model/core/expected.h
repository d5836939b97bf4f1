#pragma once

#include "core/status.h"

#include <optional>
#include <utility>

// A value, or the Status::failure that says why there is none. Same ok() / error() as Status.
template<typename T> class Expected
{
public:
    Expected(T value)
        : m_value(std::move(value))
    { }
    // Must be a failure: an ok Status carries no value.
    Expected(Status failure)
        : m_status(std::move(failure))
    {
        Q_ASSERT(!m_status.ok());
    }

    bool ok() const { return m_value.has_value(); }
    const QString &error() const { return m_status.error(); }
    const Status &status() const { return m_status; }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    T &operator*() & { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }

private:
    std::optional<T> m_value;
    Status m_status;
};
