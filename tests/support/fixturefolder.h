#pragma once

#include "fixture.h"

// The fixtures of one folder of tests/data/, read as Fixture::read does (a missing one ends the run):
//   const FixtureFolder fixture(QStringLiteral("bsd"));  ...  fixture(QStringLiteral("freebsd.txt"))
class FixtureFolder
{
public:
    explicit FixtureFolder(const QString &folder)
        : m_prefix(folder + QLatin1Char('/'))
    { }
    QByteArray operator()(const QString &name) const { return Fixture::read(m_prefix + name); }
    QByteArray operator()(const char *name) const { return Fixture::read(m_prefix + QLatin1String(name)); }

private:
    QString m_prefix;
};
