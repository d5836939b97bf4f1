#include "webconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>

#include <yaml-cpp/yaml.h>

#include <initializer_list>

namespace {
// Where a value comes from: the file, for messages and for relative paths.
struct Source
{
    QString path;
    QDir dir;
    QString fail(const QString &key, const QString &what) const
    {
        return QStringLiteral("web config %1: %2: %3").arg(path, key, what);
    }
};

QString text(const YAML::Node &n)
{
    return QString::fromStdString(n.Scalar());
}

// The toolkit decodes strictly: a key it does not know is an error, never ignored.
QString unknownKeys(
    const Source &src, const YAML::Node &map, const QString &where, std::initializer_list<const char *> known)
{
    if (!map.IsMap())
        return src.fail(
            where.isEmpty() ? QStringLiteral("top level") : where, QStringLiteral("must be a mapping of keys"));
    QStringList names;
    for (const char *k : known)
        names << QLatin1String(k);
    for (const auto &kv : map) {
        const QString key = text(kv.first);
        if (!names.contains(key))
            return src.fail(where.isEmpty() ? key : where + QLatin1Char('.') + key,
                QStringLiteral("unknown key; remove it (known here: %1)").arg(names.join(QStringLiteral(", "))));
    }
    return {};
}

// A string value, or an error if it is there but not a string.
QString scalar(const Source &src, const YAML::Node &map, const char *key, const QString &where, QString *error)
{
    const YAML::Node n = map[key];
    if (!n || n.IsNull())
        return {};
    if (!n.IsScalar()) {
        *error = src.fail(where + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be a string"));
        return {};
    }
    return text(n);
}

// A file named by a key: relative to the config file's directory, as the toolkit resolves it.
QByteArray readFile(const Source &src, const QString &key, const QString &name, QString *error)
{
    const QString path = src.dir.absoluteFilePath(name);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = src.fail(key,
            QStringLiteral("cannot read %1 (%2); give a PEM file, relative to the config file's directory or absolute")
                .arg(path, f.errorString()));
        return {};
    }
    return f.readAll();
}

// The PEM certificates of the file a key names; an error if there is none.
QList<QSslCertificate> certificates(const Source &src, const QString &key, const QString &name, QString *error)
{
    const QByteArray pem = readFile(src, key, name, error);
    if (!error->isEmpty())
        return {};
    QList<QSslCertificate> certs = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certs.isEmpty())
        *error = src.fail(key, QStringLiteral("%1 holds no PEM certificate").arg(src.dir.absoluteFilePath(name)));
    return certs;
}

QSslKey privateKey(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm a : { QSsl::Ec, QSsl::Rsa, QSsl::Dsa }) {
        QSslKey k(pem, a, QSsl::Pem, QSsl::PrivateKey);
        if (!k.isNull())
            return k;
    }
    return {};
}

// cert_file and key_file into the configuration; an error if either is missing or unreadable.
QString certificateAndKey(const Source &src, const YAML::Node &tls, QSslConfiguration *c)
{
    const QString where = QStringLiteral("tls_server_config");
    QString error;
    const QString certName = scalar(src, tls, "cert_file", where, &error);
    const QString keyName = scalar(src, tls, "key_file", where, &error);
    if (!error.isEmpty())
        return error;
    if (certName.isEmpty() || keyName.isEmpty())
        return src.fail(where, QStringLiteral("needs cert_file and key_file (PEM files)"));
    const QList<QSslCertificate> chain = certificates(src, where + QStringLiteral(".cert_file"), certName, &error);
    const QByteArray keyPem
        = error.isEmpty() ? readFile(src, where + QStringLiteral(".key_file"), keyName, &error) : QByteArray();
    if (!error.isEmpty())
        return error;
    const QSslKey key = privateKey(keyPem);
    if (key.isNull())
        return src.fail(where + QStringLiteral(".key_file"),
            QStringLiteral("%1 holds no unencrypted PEM private key (EC, RSA or DSA)")
                .arg(src.dir.absoluteFilePath(keyName)));
    c->setLocalCertificateChain(chain);
    c->setPrivateKey(key);
    return {};
}

// client_auth_type and client_ca_file: as the toolkit, a CA without a policy (or the reverse) is an error.
QString clientAuth(const Source &src, const YAML::Node &tls, QSslConfiguration *c)
{
    const QString where = QStringLiteral("tls_server_config");
    QString error;
    const QString type = scalar(src, tls, "client_auth_type", where, &error);
    const QString caName = scalar(src, tls, "client_ca_file", where, &error);
    if (!error.isEmpty())
        return error;
    if (type.isEmpty() || type == QLatin1String("NoClientCert")) {
        if (!caName.isEmpty())
            return src.fail(where + QStringLiteral(".client_ca_file"),
                QStringLiteral(
                    "a client CA without client_auth_type: RequireAndVerifyClientCert would be ignored; add it"));
        c->setPeerVerifyMode(QSslSocket::VerifyNone);
        return {};
    }
    if (type != QLatin1String("RequireAndVerifyClientCert"))
        return src.fail(where + QStringLiteral(".client_auth_type"),
            QStringLiteral("'%1' is not supported; use NoClientCert or RequireAndVerifyClientCert").arg(type));
    if (caName.isEmpty())
        return src.fail(where + QStringLiteral(".client_ca_file"),
            QStringLiteral("RequireAndVerifyClientCert needs the CA that signs client certificates"));
    const QList<QSslCertificate> cas = certificates(src, where + QStringLiteral(".client_ca_file"), caName, &error);
    if (!error.isEmpty())
        return error;
    c->setCaCertificates(cas);
    c->setPeerVerifyMode(QSslSocket::VerifyPeer);
    return {};
}

// min_version: TLS12 by default as the toolkit; TLS 1.0 and 1.1 are deprecated (RFC 8996).
QString minVersion(const Source &src, const YAML::Node &tls, QSslConfiguration *c)
{
    QString error;
    const QString v = scalar(src, tls, "min_version", QStringLiteral("tls_server_config"), &error);
    if (!error.isEmpty())
        return error;
    if (v.isEmpty() || v == QLatin1String("TLS12"))
        c->setProtocol(QSsl::TlsV1_2OrLater);
    else if (v == QLatin1String("TLS13"))
        c->setProtocol(QSsl::TlsV1_3OrLater);
    else
        return src.fail(QStringLiteral("tls_server_config.min_version"),
            QStringLiteral("'%1' is not offered; use TLS12 or TLS13 (RFC 8996 deprecates TLS 1.0 and 1.1)").arg(v));
    return {};
}

QString tlsServerConfig(const Source &src, const YAML::Node &tls, QSslConfiguration *c)
{
    if (QString e = unknownKeys(src, tls, QStringLiteral("tls_server_config"),
            { "cert_file", "key_file", "client_ca_file", "client_auth_type", "min_version" });
        !e.isEmpty())
        return e;
    *c = QSslConfiguration::defaultConfiguration();
    for (const auto step : { certificateAndKey, clientAuth, minVersion }) {
        if (QString e = step(src, tls, c); !e.isEmpty())
            return e;
    }
    return {};
}

bool isBcrypt(const QByteArray &h)
{
    // $2?$NN$ then 53 characters of bcrypt's base64: 60 in all.
    return h.size() == 60 && (h.startsWith("$2a$") || h.startsWith("$2b$") || h.startsWith("$2y$")) && h[6] == '$';
}

QString basicAuthUsers(const Source &src, const YAML::Node &users, QHash<QString, QByteArray> *out)
{
    if (!users.IsMap())
        return src.fail(QStringLiteral("basic_auth_users"), QStringLiteral("must map each user name to a bcrypt hash"));
    for (const auto &kv : users) {
        const QString user = text(kv.first);
        const QString key = QStringLiteral("basic_auth_users.") + user;
        if (user.isEmpty() || user.contains(QLatin1Char(':'))) // RFC 7617 section 2: no colon in a user-id
            return src.fail(key, QStringLiteral("a user name must be non-empty and without ':'"));
        const QByteArray hash = kv.second.IsScalar() ? text(kv.second).toUtf8() : QByteArray();
        if (!isBcrypt(hash))
            return src.fail(key,
                QStringLiteral("not a bcrypt hash ($2a$, $2b$ or $2y$, 60 characters); make one with "
                               "htpasswd -nBC 10 %1 and copy the part after the colon")
                    .arg(user));
        out->insert(user, hash);
    }
    return {};
}
} // namespace

std::optional<WebConfig> WebConfig::load(const QString &path, QString *error)
{
    const QFileInfo info(path);
    const Source src { path, info.absoluteDir() };
    if (!info.isFile() || !info.isReadable()) {
        *error = src.fail(QStringLiteral("file"), QStringLiteral("cannot read it; give the path of a YAML web config"));
        return std::nullopt;
    }
    YAML::Node root;
    try {
        root = YAML::LoadFile(info.absoluteFilePath().toStdString());
    } catch (const YAML::Exception &e) {
        *error = src.fail(QStringLiteral("line %1").arg(e.mark.line + 1),
            QStringLiteral("not valid YAML (%1)").arg(QString::fromStdString(e.msg)));
        return std::nullopt;
    }
    WebConfig config;
    if (root.IsNull())
        return config; // an empty file: no TLS and no users, as the toolkit reads it
    try {
        *error = unknownKeys(src, root, {}, { "tls_server_config", "basic_auth_users" });
        if (error->isEmpty() && root["tls_server_config"]) {
            QSslConfiguration c;
            *error = tlsServerConfig(src, root["tls_server_config"], &c);
            config.m_tls = c;
        }
        if (error->isEmpty() && root["basic_auth_users"])
            *error = basicAuthUsers(src, root["basic_auth_users"], &config.m_users);
    } catch (const YAML::Exception &e) {
        *error = src.fail(QStringLiteral("line %1").arg(e.mark.line + 1), QString::fromStdString(e.msg));
    }
    if (!error->isEmpty())
        return std::nullopt;
    return config;
}

bool WebConfig::verifiesClients() const
{
    return m_tls && m_tls->peerVerifyMode() == QSslSocket::VerifyPeer;
}

QTcpServer *WebConfig::newServer(QObject *parent) const
{
    if (!m_tls)
        return new QTcpServer(parent);
    auto *s = new QSslServer(parent);
    s->setSslConfiguration(*m_tls);
    return s;
}
