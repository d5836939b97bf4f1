#include "models/usernames.h"

#include <QHash>
#include <QMutex>

#include <pwd.h>
#include <unistd.h>

#include <vector>

QString UserNames::name(quint32 uid)
{
    static QMutex mutex;
    static QHash<quint32, QString> cache;
    QMutexLocker lock(&mutex);
    const auto it = cache.constFind(uid);
    if (it != cache.constEnd())
        return *it;
    passwd pw {};
    passwd *result = nullptr;
    std::vector<char> buf(16384);
    QString name = QString::number(uid);
    if (getpwuid_r(uid_t(uid), &pw, buf.data(), buf.size(), &result) == 0 && result)
        name = QString::fromLocal8Bit(result->pw_name);
    cache.insert(uid, name);
    return name;
}
