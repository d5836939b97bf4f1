// tcpscope-agent --web-config: the exporter-toolkit file is read strictly (an unknown key, a missing
// file or a bad hash is an error naming the key), relative paths are the file's, bcrypt hashes made by
// Python's crypt verify, and a live agent serves /metrics over TLS to its user only (a wrong password
// gets 401 and a log line), the frame stream to client certificates only, and beyond loopback it
// refuses to start without TLS.
#include "basicauth.h"
#include "netnamespace.h"
#include "webconfig.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {
// crypt(3) of libxcrypt through Python, as an administrator would make one: a hash this code did not write.
QByteArray bcrypt(const QByteArray &password)
{
    QProcess p;
    p.start(QStringLiteral("python3"),
        { QStringLiteral("-W"), QStringLiteral("ignore"), QStringLiteral("-c"),
            QStringLiteral("import crypt, sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH, "
                           "rounds=16)))"),
            QString::fromUtf8(password) });
    p.waitForFinished(20000);
    return p.readAllStandardOutput().trimmed();
}

// A self-signed certificate for 127.0.0.1 as the brief's openssl line makes it: NAME.pem and NAME-key.pem.
bool makeCertificate(const QString &dir, const QString &name)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral("openssl"),
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
            QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name,
            QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
            dir + QLatin1Char('/') + name + QStringLiteral("-key.pem"), QStringLiteral("-out"),
            dir + QLatin1Char('/') + name + QStringLiteral(".pem") });
    return p.waitForFinished(20000) && p.exitCode() == 0;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Reads the agent's stderr until a line matches re; its first capture, or empty after 10 s.
QString waitForLine(QProcess &agent, const QRegularExpression &re, QByteArray *err)
{
    agent.waitForStarted();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10000 && agent.state() == QProcess::Running) {
        agent.waitForReadyRead(200);
        *err += agent.readAllStandardError();
        if (const auto m = re.match(QString::fromUtf8(*err)); m.hasMatch())
            return m.captured(1);
    }
    qWarning("agent: %s", err->constData());
    return {};
}
// An agent that is killed when the test ends, passed or failed.
struct Agent : QProcess
{
    ~Agent() override
    {
        kill();
        waitForFinished();
    }
};
} // namespace

class TestWebConfig : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QByteArray m_hash; // of "s3cret"

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString config(const QString &name, const QByteArray &text) const
    {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(f.fileName()));
        return f.fileName();
    }
    QByteArray tls() const { return "tls_server_config:\n  cert_file: server.pem\n  key_file: server-key.pem\n"; }
    QByteArray users() const { return "basic_auth_users:\n  alice: " + m_hash + '\n'; }
    static QString loadError(const QString &file)
    {
        QString error;
        const std::optional<WebConfig> c = WebConfig::load(file, &error);
        return c ? QStringLiteral("loaded") : error;
    }
    QByteArray curl(const QString &url, const QString &user, int *code);
    // An agent serving --metrics over TLS to alice; its port, or empty.
    QString startMetrics(Agent &agent, const QString &name, QByteArray *err)
    {
        agent.start(QStringLiteral(TCPSCOPE_AGENT),
            { QStringLiteral("--metrics"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--no-ebpf"),
                QStringLiteral("--web-config"), config(name, tls() + users()) });
        return waitForLine(
            agent, QRegularExpression(QStringLiteral("metrics on https://127.0.0.1:(\\d+)/metrics")), err);
    }

private Q_SLOTS:
    void initTestCase();
    void goodFile();
    void relativePathsAreTheFiles();
    void unknownKey_data();
    void unknownKey();
    void missingCertFile();
    void badHash();
    void clientCaNeedsPolicy();
    void bcryptRightAndWrong();
    void authorizationHeader();
    void metricsOverTlsWithBasicAuth();
    void listenNeedsClientCertificate();
    void prometheusScrapesOverTls();
    void refusals_data();
    void refusals();
};

void TestWebConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(makeCertificate(m_dir.path(), QStringLiteral("server")));
    QVERIFY(makeCertificate(m_dir.path(), QStringLiteral("client")));
    m_hash = bcrypt("s3cret");
    QVERIFY2(m_hash.startsWith("$2b$04$") && m_hash.size() == 60, m_hash.constData());
}

void TestWebConfig::goodFile()
{
    QString error;
    const auto c = WebConfig::load(config(QStringLiteral("good.yml"),
                                       tls()
                                           + "  client_auth_type: RequireAndVerifyClientCert\n"
                                             "  client_ca_file: client.pem\n  min_version: TLS13\n"
                                           + users()),
        &error);
    QVERIFY2(c, qPrintable(error));
    QVERIFY(c->hasTls());
    QVERIFY(c->verifiesClients());
    QCOMPARE(c->tls()->localCertificate().subjectInfo(QSslCertificate::CommonName), { QStringLiteral("server") });
    QVERIFY(!c->tls()->privateKey().isNull());
    QCOMPARE(c->tls()->caCertificates().size(), 1);
    QCOMPARE(c->tls()->protocol(), QSsl::TlsV1_3OrLater);
    QCOMPARE(c->users().value(QStringLiteral("alice")), m_hash);
    // An empty file is a config without TLS or users, as the toolkit reads it.
    const auto empty = WebConfig::load(config(QStringLiteral("empty.yml"), ""), &error);
    QVERIFY(empty && !empty->hasTls() && empty->users().isEmpty());
}

void TestWebConfig::relativePathsAreTheFiles()
{
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("etc/certs")));
    for (const QString &name : { QStringLiteral("server.pem"), QStringLiteral("server-key.pem") })
        QVERIFY(QFile::copy(path(name), path(QStringLiteral("etc/certs/") + name)));
    const QString file = config(QStringLiteral("etc/web.yml"),
        "tls_server_config:\n  cert_file: certs/server.pem\n  key_file: certs/server-key.pem\n");
    const QString cwd = QDir::currentPath();
    QDir::setCurrent(QDir::rootPath()); // not where the file is
    QString error;
    const auto c = WebConfig::load(file, &error);
    QDir::setCurrent(cwd);
    QVERIFY2(c && c->hasTls(), qPrintable(error));
}

void TestWebConfig::unknownKey_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("key");
    QTest::newRow("top level") << QByteArray("tls_server_confg:\n  cert_file: server.pem\n")
                               << QStringLiteral("tls_server_confg: unknown key");
    QTest::newRow("in tls_server_config")
        << (tls() + "  cipher_suite: [TLS_AES_128_GCM_SHA256]\n") << QStringLiteral("tls_server_config.cipher_suite");
}

void TestWebConfig::unknownKey()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, key);
    const QString error = loadError(config(QStringLiteral("unknown.yml"), text));
    QVERIFY2(error.contains(key) && error.contains(QStringLiteral("unknown.yml")), qPrintable(error));
}

void TestWebConfig::missingCertFile()
{
    const QString error = loadError(config(QStringLiteral("missing.yml"),
        "tls_server_config:\n  cert_file: nowhere.pem\n  key_file: "
        "server-key.pem\n"));
    QVERIFY2(error.contains(QStringLiteral("tls_server_config.cert_file"))
            && error.contains(path(QStringLiteral("nowhere.pem"))),
        qPrintable(error));
    const QString noKey
        = loadError(config(QStringLiteral("nokey.yml"), "tls_server_config:\n  cert_file: server.pem\n"));
    QVERIFY2(noKey.contains(QStringLiteral("key_file")), qPrintable(noKey));
}

void TestWebConfig::badHash()
{
    const QString error
        = loadError(config(QStringLiteral("badhash.yml"), "basic_auth_users:\n  alice: $1$salt$notbcrypt\n"));
    QVERIFY2(error.contains(QStringLiteral("basic_auth_users.alice")) && error.contains(QStringLiteral("htpasswd")),
        qPrintable(error));
    const QString yaml = loadError(config(QStringLiteral("broken.yml"), "basic_auth_users: [alice\n"));
    QVERIFY2(yaml.contains(QStringLiteral("not valid YAML")), qPrintable(yaml));
}

void TestWebConfig::clientCaNeedsPolicy()
{
    const QString error = loadError(config(QStringLiteral("ca.yml"), tls() + "  client_ca_file: client.pem\n"));
    QVERIFY2(error.contains(QStringLiteral("RequireAndVerifyClientCert")), qPrintable(error));
    const QString noCa
        = loadError(config(QStringLiteral("noca.yml"), tls() + "  client_auth_type: RequireAndVerifyClientCert\n"));
    QVERIFY2(noCa.contains(QStringLiteral("client_ca_file")), qPrintable(noCa));
}

void TestWebConfig::bcryptRightAndWrong()
{
    QVERIFY(BasicAuth::verify("s3cret", m_hash));
    QVERIFY(!BasicAuth::verify("s3cret!", m_hash));
    QVERIFY(!BasicAuth::verify("", m_hash));
    QVERIFY(!BasicAuth::verify("s3cret", "$2b$04$notahash"));
    // $2y$ (htpasswd's prefix) is read by crypt_r too.
    QByteArray y = m_hash;
    y[2] = 'y';
    QVERIFY(BasicAuth::verify("s3cret", y));
}

void TestWebConfig::authorizationHeader()
{
    BasicAuth auth({ { QStringLiteral("alice"), m_hash } });
    QString user;
    const QByteArray right = "Basic " + QByteArray("alice:s3cret").toBase64();
    QVERIFY(auth.check(right, &user));
    QCOMPARE(user, QStringLiteral("alice"));
    QVERIFY(auth.check(right, &user)); // from the cache
    QVERIFY(!auth.check("Basic " + QByteArray("alice:wrong").toBase64(), &user));
    QCOMPARE(user, QStringLiteral("alice"));
    QVERIFY(!auth.check("Basic " + QByteArray("bob:s3cret").toBase64(), &user));
    QVERIFY(!auth.check("Basic !!!", &user));
    QVERIFY(!auth.check("Bearer abc", &user));
    QVERIFY(!auth.check({}, &user));
}

QByteArray TestWebConfig::curl(const QString &url, const QString &user, int *code)
{
    QProcess p;
    QStringList args { QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("10"), QStringLiteral("--cacert"),
        path(QStringLiteral("server.pem")), QStringLiteral("-w"), QStringLiteral("\n%{http_code}") };
    if (!user.isEmpty())
        args << QStringLiteral("-u") << user;
    p.start(QStringLiteral("curl"), args << url);
    p.waitForFinished(20000);
    QByteArray out = p.readAllStandardOutput();
    const qsizetype nl = out.lastIndexOf('\n');
    *code = p.exitCode() == 0 ? out.sliced(nl + 1).toInt() : -p.exitCode();
    return out.first(qMax<qsizetype>(nl, 0));
}

void TestWebConfig::metricsOverTlsWithBasicAuth()
{
    Agent agent;
    QByteArray err;
    const QString port = startMetrics(agent, QStringLiteral("live.yml"), &err);
    QVERIFY(!port.isEmpty());
    const QString url = QStringLiteral("https://127.0.0.1:%1/metrics").arg(port);
    int code = 0;
    QByteArray body;
    for (int i = 0; i < 50 && !body.contains("node_tcp_connection_states"); ++i) // the first poll may be under way
        body = curl(url, QStringLiteral("alice:s3cret"), &code);
    QCOMPARE(code, 200);
    QVERIFY(body.contains("# TYPE node_tcp_connection_states gauge"));
    curl(url, QStringLiteral("alice:wrong"), &code);
    QCOMPARE(code, 401);
    curl(url, {}, &code);
    QCOMPARE(code, 401);
    QVERIFY(!waitForLine(agent, QRegularExpression(QStringLiteral("(401 for user alice from 127.0.0.1)\n")), &err)
                 .isEmpty());
    QVERIFY2(!err.contains("wrong") && !err.contains("s3cret"), err.constData()); // no password in the log
    curl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port), QStringLiteral("alice:s3cret"), &code);
    QVERIFY2(code < 0, qPrintable(QString::number(code))); // plain HTTP on the TLS port: no answer
}

void TestWebConfig::listenNeedsClientCertificate()
{
    Agent agent;
    agent.start(QStringLiteral(TCPSCOPE_AGENT),
        { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--interval"),
            QStringLiteral("100"), QStringLiteral("--no-ebpf"), QStringLiteral("--web-config"),
            config(QStringLiteral("frames.yml"),
                tls() + "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: client.pem\n") });
    QByteArray err;
    const quint16 port
        = waitForLine(agent, QRegularExpression(QStringLiteral("listening on \\S+ port (\\d+)")), &err).toUShort();
    QVERIFY(port > 0);
    const auto frames = [this, port](bool withCertificate) {
        QSslSocket s;
        QSslConfiguration c = s.sslConfiguration();
        c.setCaCertificates(QSslCertificate::fromPath(path(QStringLiteral("server.pem"))));
        if (withCertificate) {
            c.setLocalCertificate(QSslCertificate::fromPath(path(QStringLiteral("client.pem"))).value(0));
            c.setPrivateKey(QSslKey(readFile(path(QStringLiteral("client-key.pem"))), QSsl::Ec));
        }
        s.setSslConfiguration(c);
        s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        QByteArray got;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 3000 && got.isEmpty() && s.state() != QAbstractSocket::UnconnectedState) {
            s.waitForReadyRead(100);
            got += s.readAll();
        }
        return got;
    };
    QVERIFY(frames(true).startsWith("@tcpscope"));
    QVERIFY(frames(false).isEmpty());
}

// Debian's prometheus scrapes the agent with scheme https, the CA and a user: up; a wrong password: 401.
void TestWebConfig::prometheusScrapesOverTls()
{
    const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    if (prometheus.isEmpty()) {
        const char *why = "prometheus is not installed (scripts/dev.sh installs Debian's prometheus package)";
        if (NetNamespace::mustNotSkip())
            QFAIL(why);
        QSKIP(why);
    }
    Agent agent;
    QByteArray err;
    const QString port = startMetrics(agent, QStringLiteral("scraped.yml"), &err);
    QVERIFY(!port.isEmpty());
    const auto job = [&](const char *name, const char *password) -> QByteArray {
        return "  - job_name: " + QByteArray(name) + "\n    scheme: https\n    tls_config: { ca_file: server.pem }\n"
            + "    basic_auth: { username: alice, password: " + password
            + " }\n    static_configs: [ { targets: ['127.0.0.1:" + port.toLatin1() + "'] } ]\n";
    };
    const QString promConfig = config(QStringLiteral("prometheus.yml"),
        "global: { scrape_interval: 1s, scrape_timeout: 1s }\nscrape_configs:\n" + job("right", "s3cret")
            + job("wrong", "nope"));
    QTcpServer free; // a port for prometheus's own web API
    QVERIFY(free.listen(QHostAddress::LocalHost, 0));
    const QString api = QStringLiteral("127.0.0.1:%1").arg(free.serverPort());
    free.close();
    Agent prom;
    prom.setProcessChannelMode(QProcess::MergedChannels);
    prom.start(prometheus,
        { QStringLiteral("--config.file=") + promConfig, QStringLiteral("--web.listen-address=") + api,
            QStringLiteral("--storage.tsdb.path=") + path(QStringLiteral("tsdb")) });
    QHash<QString, QString> health;
    QString wrongError;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000
        && (health.value(QStringLiteral("right")) != QLatin1String("up")
            || health.value(QStringLiteral("wrong")) != QLatin1String("down"))) {
        QTest::qWait(500);
        int code = 0;
        const QByteArray reply = curl(QStringLiteral("http://%1/api/v1/targets").arg(api), {}, &code);
        for (const QJsonValue v :
            QJsonDocument::fromJson(reply)[QLatin1String("data")][QLatin1String("activeTargets")].toArray()) {
            const QString name = v[QLatin1String("labels")][QLatin1String("job")].toString();
            health[name] = v[QLatin1String("health")].toString();
            if (name == QLatin1String("wrong"))
                wrongError = v[QLatin1String("lastError")].toString();
        }
    }
    QCOMPARE(health.value(QStringLiteral("right")), QStringLiteral("up"));
    QCOMPARE(health.value(QStringLiteral("wrong")), QStringLiteral("down"));
    QVERIFY2(wrongError.contains(QStringLiteral("401")), qPrintable(wrongError));
}

void TestWebConfig::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString usersOnly = config(QStringLiteral("users.yml"), users());
    const QString tlsOnly = config(QStringLiteral("tls.yml"), tls());
    QTest::newRow("metrics, no config") << QStringList { QStringLiteral("--metrics"), QStringLiteral("0.0.0.0:0") }
                                        << QStringLiteral("pass --web-config FILE");
    QTest::newRow("metrics, passwords without TLS") << QStringList { QStringLiteral("--metrics"),
        QStringLiteral("0.0.0.0:0"), QStringLiteral("--web-config"), usersOnly }
                                                    << QStringLiteral("passwords would cross the network in clear");
    QTest::newRow("listen, TLS without client certificates") << QStringList { QStringLiteral("--listen"),
        QStringLiteral("0.0.0.0:0"), QStringLiteral("--web-config"), tlsOnly }
                                                             << QStringLiteral("RequireAndVerifyClientCert");
    QTest::newRow("listen, no config") << QStringList { QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0") }
                                       << QStringLiteral("--allow-insecure (alias --allow-remote)");
    QTest::newRow("bad config") << QStringList { QStringLiteral("--metrics"), QStringLiteral("0"),
        QStringLiteral("--web-config"), path(QStringLiteral("badhash.yml")) }
                                << QStringLiteral("basic_auth_users.alice");
}

void TestWebConfig::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QProcess p;
    p.start(QStringLiteral(TCPSCOPE_AGENT), args << QStringLiteral("--no-ebpf"));
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("reading sockets")), qPrintable(err)); // refused before any socket
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
}

QTEST_GUILESS_MAIN(TestWebConfig)
#include "tst_webconfig.moc"
