#pragma once

#include <QByteArray>
#include <QHash>
#include <QSslConfiguration>
#include <QString>

#include <optional>

class QObject;
class QTcpServer;

// `--web-config FILE`: the Prometheus exporter-toolkit's web configuration (the format of
// https://prometheus.io/docs/prometheus/latest/configuration/https/): tls_server_config with a
// certificate, its key and optionally a CA for client certificates, and basic_auth_users with bcrypt
// hashes. As the toolkit, it is strict (an unknown key is an error) and relative paths are relative
// to the file's directory. Everything is read at load, so a bad file fails before a socket is opened.
class WebConfig
{
public:
    // An error names the file and the key, and says what to do.
    static std::optional<WebConfig> load(const QString &path, QString *error);

    bool hasTls() const { return m_tls.has_value(); }
    // TLS, and a client must show a certificate signed by client_ca_file.
    bool verifiesClients() const;
    const std::optional<QSslConfiguration> &tls() const { return m_tls; }
    // user -> bcrypt hash ($2a$, $2b$ or $2y$)
    const QHash<QString, QByteArray> &users() const { return m_users; }
    // A QSslServer with this configuration when there is TLS, a plain QTcpServer otherwise.
    QTcpServer *newServer(QObject *parent) const;

private:
    std::optional<QSslConfiguration> m_tls;
    QHash<QString, QByteArray> m_users;
};
