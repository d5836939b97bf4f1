#pragma once

#include <QString>

// uid -> login name from the password database, cached: the table asks for every visible row.
class UserNames
{
public:
    // The login name, or the number as text when the uid has no entry (e.g. a container's user).
    static QString name(quint32 uid);
};
