#include "tunables.h"

#include <QRegularExpression>

std::optional<qint64> Tunables::intValue(const QString &name, int field) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.cend())
        return std::nullopt;
    const QStringList parts = it->split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (field < 0 || field >= parts.size())
        return std::nullopt;
    bool ok = false;
    const qint64 v = parts.at(field).toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}
