#include "basicauth.h"

#include <QCryptographicHash>

#include <crypt.h>

#include <cstring>
#include <memory>

namespace {
// For a user that does not exist bcrypt still runs, so the time taken does not tell which users exist.
constexpr char UnknownUserHash[] = "$2b$10$SlAcXYdSwn8KSxjIgdmuJueHFc2BB2MwWKwkyCPZxwR9szxWuM2UO";

// Every byte is compared whatever differs first: the time does not tell how much of a guess was right.
bool sameBytes(const char *a, const QByteArray &b)
{
    const size_t n = std::strlen(a);
    if (n != size_t(b.size()))
        return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < n; ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[qsizetype(i)]);
    return diff == 0;
}
} // namespace

BasicAuth::BasicAuth(QHash<QString, QByteArray> users)
    : m_users(std::move(users))
{ }

bool BasicAuth::verify(const QByteArray &password, const QByteArray &hash)
{
    // crypt(3): crypt_r hashes with the method, cost and salt that the setting (the hash) names.
    auto data = std::make_unique<crypt_data>();
    const char *out = crypt_r(password.constData(), hash.constData(), data.get());
    // On failure libxcrypt returns a string starting with '*', never equal to a valid hash.
    return out != nullptr && out[0] != '*' && sameBytes(out, hash);
}

bool BasicAuth::check(const QByteArray &authorization, QString *user)
{
    user->clear();
    // RFC 7617 section 2: "Basic " then base64 of user-id ":" password.
    const QByteArray value = authorization.trimmed();
    if (!value.startsWith("Basic ") && !value.startsWith("basic "))
        return false;
    const auto result
        = QByteArray::fromBase64Encoding(value.sliced(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray decoded = result ? result.decoded : QByteArray();
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0)
        return false;
    *user = QString::fromUtf8(decoded.first(colon));
    const QByteArray password = decoded.sliced(colon + 1);
    if (password.contains('\0'))
        return false; // crypt_r takes a C string: a NUL would cut the password short
    const auto known = m_users.constFind(*user);
    const QByteArray hash = known == m_users.cend() ? QByteArray(UnknownUserHash) : *known;
    const QByteArray key = QCryptographicHash::hash(QByteArray(decoded + '\0' + hash), QCryptographicHash::Sha256);
    if (m_verified.contains(key))
        return true;
    if (!verify(password, hash) || known == m_users.cend())
        return false;
    if (m_verified.size() >= MaxCached)
        m_verified.clear(); // bounded: many distinct good passwords only cost bcrypt again
    m_verified.insert(key);
    return true;
}
