#pragma once

#include <QByteArray>
#include <QString>

// Test fixtures under tests/data/ (each folder's README says how it was captured).
class Fixture
{
public:
    // The absolute path of tests/data/<relative>.
    static QString path(const QString &relative);
    // The whole file. A missing or unreadable fixture is a broken checkout, not an empty input: it ends
    // the test run with the path and the reason (an empty buffer would pass many parser tests).
    static QByteArray read(const QString &relative);
};
