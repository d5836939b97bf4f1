#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

// HTTP basic authentication (RFC 7617) against bcrypt hashes, verified by libxcrypt's crypt_r(3).
// A verified (user, password) pair is remembered by its SHA-256, so a scrape every 15 s does not pay
// bcrypt's cost each time (as the exporter-toolkit caches); passwords themselves are never kept.
class BasicAuth
{
public:
    static constexpr qsizetype MaxCached = 1024;

    explicit BasicAuth(QHash<QString, QByteArray> users = {});

    bool enabled() const { return !m_users.isEmpty(); }
    // The value of an Authorization header; *user is the user it names (empty if none).
    bool check(const QByteArray &authorization, QString *user);
    // Whether bcrypt of password with hash's salt and cost is hash, compared in constant time.
    static bool verify(const QByteArray &password, const QByteArray &hash);

private:
    QHash<QString, QByteArray> m_users;
    QSet<QByteArray> m_verified;
};
