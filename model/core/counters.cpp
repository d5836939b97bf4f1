#include "core/counters.h"

bool Counters::has(QStringView key) const
{
    for (const auto &[k, v] : values) {
        if (k == key)
            return true;
    }
    return false;
}

qint64 Counters::value(QStringView key, qint64 fallback) const
{
    for (const auto &[k, v] : values) {
        if (k == key)
            return v;
    }
    return fallback;
}

void Counters::set(const QString &key, qint64 v)
{
    for (auto &[k, old] : values) {
        if (k == key) {
            old = v;
            return;
        }
    }
    values.emplace_back(key, v);
}

qint64 Counters::inUse() const
{
    const qint64 v4 = value(u"TCP.inuse"), v6 = value(u"TCP6.inuse");
    return v4 < 0 && v6 < 0 ? -1 : qMax<qint64>(v4, 0) + qMax<qint64>(v6, 0);
}
