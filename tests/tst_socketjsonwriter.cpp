#include "report/snapshotjson.h"
#include "report/socketjsonwriter.h"
#include "support/snapshotbuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// The byte writer of --snapshot --json --sockets must give the same document as the QJsonObject path
// (SnapshotJson::toJson with sockets), hostile process names included.
class TestSocketJsonWriter : public QObject
{
    Q_OBJECT

    static Snapshot sample()
    {
        SnapshotBuilder b;
        b.add(TcpState::Listen, 443, 0)
            .add(TcpState::Established, 443, 50'000)
            .add(TcpState::CloseWait, 8080, 40'000, AddressFamily::IPv6)
            .timeWait(50'001, 12'345);
        const Snapshot plain = b.build();
        SocketOwners owners;
        auto p = std::make_shared<ProcessOwner>();
        p->pid = 4121;
        p->name = QStringLiteral("a\"b\\c\nd\te\x01 名"); // comm may hold any byte but NUL (prctl(2))
        p->user = QStringLiteral("www-data");
        p->unit = QStringLiteral("api \"x\".service");
        auto q = std::make_shared<ProcessOwner>();
        q->pid = 7;
        q->name = QStringLiteral("sshd");
        q->user = QStringLiteral("root");
        owners.processes = { p, q };
        owners.slots = { 1, 1, 2, 0 };
        return plain.withOwners(owners);
    }

private Q_SLOTS:
    void sameAsJsonObjectPath()
    {
        const Snapshot s = sample();
        const QByteArray written = SocketJsonWriter::document(SnapshotJson::toJson(s, false), s);
        QJsonParseError error {};
        const QJsonDocument parsed = QJsonDocument::fromJson(written, &error);
        QVERIFY2(error.error == QJsonParseError::NoError,
            qPrintable(error.errorString() + QLatin1Char('\n') + QString::fromUtf8(written)));
        QCOMPARE(parsed.object(), SnapshotJson::toJson(s, true));
        QCOMPARE(parsed.object().value(QStringLiteral("sockets")).toArray().size(), 4);
        QVERIFY(written.endsWith("\n    ]\n}\n"));
    }

    void emptySocketList()
    {
        const Snapshot s = SnapshotBuilder().build();
        const QByteArray written = SocketJsonWriter::document(SnapshotJson::toJson(s, false), s);
        const QJsonObject o = QJsonDocument::fromJson(written).object();
        QVERIFY(o.value(QStringLiteral("sockets")).isArray());
        QCOMPARE(o.value(QStringLiteral("sockets")).toArray().size(), 0);
    }

    void escapesEveryControlCharacter()
    {
        QString all;
        for (char16_t c = 0; c < 0x20; ++c)
            all.append(QChar(c));
        QByteArray out;
        SocketJsonWriter::appendString(out, all + QStringLiteral("\"\\/"));
        QCOMPARE(QJsonDocument::fromJson("[" + out + "]").array().at(0).toString(), all + QStringLiteral("\"\\/"));
        for (const char c : out.mid(1, out.size() - 2))
            QVERIFY(static_cast<unsigned char>(c) >= 0x20);
    }
};

QTEST_GUILESS_MAIN(TestSocketJsonWriter)
#include "tst_socketjsonwriter.moc"
