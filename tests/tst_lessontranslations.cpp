// Lesson texts in Traditional Chinese: every built-in lesson carries a zh_TW twin of each English text
// (the per-language format beside each text), and LessonLoader picks the language it is asked for.
#include "teaching/lessonloader.h"
#include "teaching/lessontext.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

namespace {
bool hasCjk(const QString &s)
{
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if ((u >= 0x3400 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff))
            return true;
    }
    return false;
}

// Text with no English word in it (a clock label "t = 60 s", flags "SYN,ACK", a request line "GET / HTTP/1.0")
// is kept as written in every language (zh-glossary: states, flags, units and code stay as in English).
bool keptAsWritten(const QString &english, const QString &twin)
{
    static const QRegularExpression word(QStringLiteral("[a-z]{3,}"));
    return twin == english.trimmed() && !english.contains(word);
}

// Appends "<where>: <key>" for each English text of `o` whose zh_TW twin is missing, empty or not Chinese.
void checkTwins(const QJsonObject &o, const QStringList &keys, const QString &where, QStringList &missing)
{
    const QJsonObject zh = o.value(LessonText::traditionalChinese()).toObject();
    for (const QString &key : keys) {
        if (!o.contains(key))
            continue;
        const QString twin = zh.value(key).toString().trimmed();
        if (!hasCjk(twin) && (twin.isEmpty() || !keptAsWritten(o.value(key).toString(), twin)))
            missing.append(where + QStringLiteral(": ") + key);
    }
}

QStringList untranslated(const QString &id, const QJsonObject &root)
{
    QStringList missing;
    checkTwins(root,
        { QStringLiteral("title"), QStringLiteral("summary"), QStringLiteral("clientLabel"),
            QStringLiteral("serverLabel") },
        id, missing);
    const QJsonArray steps = root.value(QLatin1String("steps")).toArray();
    for (int i = 0; i < steps.size(); ++i) {
        const QJsonObject step = steps.at(i).toObject();
        const QString where = QStringLiteral("%1: step %2").arg(id).arg(i + 1);
        checkTwins(step,
            { QStringLiteral("title"), QStringLiteral("narration"), QStringLiteral("time"),
                QStringLiteral("clientLabel"), QStringLiteral("serverLabel") },
            where, missing);
        const QJsonArray packets = step.value(QLatin1String("packets")).toArray();
        for (int p = 0; p < packets.size(); ++p)
            checkTwins(packets.at(p).toObject(), { QStringLiteral("note") },
                where + QStringLiteral(": packet %1").arg(p + 1), missing);
    }
    return missing;
}

const QByteArray smallLesson = R"({
  "title": "Client closes", "summary": "A short story.", "clientLabel": "Laptop",
  "references": ["RFC 9293 §3.6"], "start": { "client": "ESTABLISHED", "server": "ESTABLISHED" },
  "zh_TW": { "title": "用戶端關閉", "summary": "一個短故事。" },
  "steps": [ {
    "title": "FIN", "client": "FIN-WAIT-1", "server": "CLOSE-WAIT", "reference": "RFC 9293 §3.6",
    "narration": "The client sends FIN.", "time": "t = 0",
    "packets": [ { "from": "client", "flags": "FIN,ACK", "note": "first FIN", "zh_TW": { "note": "第一個 FIN" } } ],
    "zh_TW": { "title": "送出 FIN", "time": "t = 0 s" }
  } ]
})";
} // namespace

class TestLessonTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Q_INIT_RESOURCE(resources); }

    void everyBuiltinTextHasAChineseTwin()
    {
        const QDir dir(LessonLoader::builtinDirectory());
        const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files);
        QVERIFY(files.size() >= 12);
        QStringList missing;
        for (const QString &f : files) {
            QFile file(dir.filePath(f));
            QVERIFY(file.open(QIODevice::ReadOnly));
            missing += untranslated(f.chopped(5), QJsonDocument::fromJson(file.readAll()).object());
        }
        // QtTest cuts long messages short: each one is logged as well, so the list is complete.
        for (const QString &m : std::as_const(missing))
            qWarning("no zh_TW text for %s", qPrintable(m));
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("%1 texts have no zh_TW twin:\n").arg(missing.size())
                + missing.join(QLatin1Char('\n'))));
    }

    void builtinLessonsLoadInChinese()
    {
        const QList<Lesson> en = LessonLoader::builtinLessons(LessonText::english());
        const QList<Lesson> zh = LessonLoader::builtinLessons(LessonText::traditionalChinese());
        QCOMPARE(zh.size(), en.size());
        for (int i = 0; i < zh.size(); ++i) {
            QCOMPARE(zh.at(i).id, en.at(i).id);
            QCOMPARE(zh.at(i).steps.size(), en.at(i).steps.size());
            QCOMPARE(zh.at(i).references, en.at(i).references); // citations are not translated
        }
        const Expected<Lesson> active
            = LessonLoader::load(QStringLiteral("active-close"), LessonText::traditionalChinese());
        QVERIFY2(active.ok(), qPrintable(active.error()));
        QVERIFY(hasCjk(active->title));
        QVERIFY(active->steps.constFirst().narration.contains(QLatin1String("close()")));
        QCOMPARE(active->steps.constFirst().reference, QStringLiteral("RFC 9293 §3.6, §3.3.2"));
    }

    void loaderPicksTheLanguage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("small.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(smallLesson);
        f.close();

        const Expected<Lesson> zh = LessonLoader::load(path, LessonText::traditionalChinese());
        QVERIFY2(zh.ok(), qPrintable(zh.error()));
        QCOMPARE(zh->title, QStringLiteral("用戶端關閉"));
        QCOMPARE(zh->summary, QStringLiteral("一個短故事。"));
        QCOMPARE(zh->steps.constFirst().title, QStringLiteral("送出 FIN"));
        QCOMPARE(zh->steps.constFirst().time, QStringLiteral("t = 0 s"));
        QCOMPARE(zh->steps.constFirst().packets.constFirst().note, QStringLiteral("第一個 FIN"));
        // No zh_TW key: the English text.
        QCOMPARE(zh->clientLabel, QStringLiteral("Laptop"));
        QCOMPARE(zh->serverLabel, QStringLiteral("伺服器")); // the default lane name in zh_TW
        QCOMPARE(zh->steps.constFirst().narration, QStringLiteral("The client sends FIN."));

        const Expected<Lesson> en = LessonLoader::load(path, LessonText::english());
        QVERIFY2(en.ok(), qPrintable(en.error()));
        QCOMPARE(en->title, QStringLiteral("Client closes"));
        QCOMPARE(en->summary, QStringLiteral("A short story."));
        QCOMPARE(en->serverLabel, QStringLiteral("Server"));
        QCOMPARE(en->steps.constFirst().title, QStringLiteral("FIN"));
        QCOMPARE(en->steps.constFirst().time, QStringLiteral("t = 0"));
        QCOMPARE(en->steps.constFirst().packets.constFirst().note, QStringLiteral("first FIN"));
    }

    void badTranslationIsAnError_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("error");
        QTest::newRow("step narration") << QByteArray(R"("zh_TW": { "title": "送出 FIN", "time")")
                                        << QByteArray(R"("zh_TW": { "narration": 3, "time")")
                                        << QStringLiteral("small: step 1: zh_TW.narration must be a string");
        QTest::newRow("lesson member") << QByteArray(R"("zh_TW": { "title": "用戶端關閉", "summary": "一個短故事。" })")
                                       << QByteArray(R"("zh_TW": "用戶端關閉")")
                                       << QStringLiteral("small: zh_TW must be an object");
        QTest::newRow("packet note") << QByteArray(R"({ "note": "第一個 FIN" })")
                                     << QByteArray(R"({ "note": ["第一個 FIN"] })")
                                     << QStringLiteral("small: step 1: packet 1: zh_TW.note must be a string");
    }

    void badTranslationIsAnError()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, error);
        QByteArray json = smallLesson;
        QVERIFY(json.contains(from));
        json.replace(from, to);
        // Wrong in every language: the file is broken, whatever the UI shows.
        for (const QString &language : { LessonText::english(), LessonText::traditionalChinese() }) {
            const Expected<Lesson> l = LessonLoader::parse(json, QStringLiteral("small"), language);
            QVERIFY(!l.ok());
            QCOMPARE(l.error(), error);
        }
    }

    void languageFromUiLanguages_data()
    {
        QTest::addColumn<QStringList>("uiLanguages");
        QTest::addColumn<QString>("language");
        const QString zh = LessonText::traditionalChinese();
        const QString en = LessonText::english();
        QTest::newRow("zh-TW") << QStringList { QStringLiteral("zh-TW") } << zh;
        QTest::newRow("zh-Hant-TW") << QStringList { QStringLiteral("zh-Hant-TW"), QStringLiteral("zh-TW") } << zh;
        QTest::newRow("zh_TW") << QStringList { QStringLiteral("zh_TW") } << zh;
        QTest::newRow("zh-Hant") << QStringList { QStringLiteral("zh-Hant") } << zh;
        QTest::newRow("zh-HK") << QStringList { QStringLiteral("zh-HK") } << zh;
        QTest::newRow("English first") << QStringList { QStringLiteral("en-US"), QStringLiteral("zh-TW") } << en;
        QTest::newRow("German, then zh-TW") << QStringList { QStringLiteral("de-DE"), QStringLiteral("zh-TW") } << zh;
        QTest::newRow("Simplified") << QStringList { QStringLiteral("zh-Hans-CN"), QStringLiteral("zh-CN") } << en;
        QTest::newRow("German") << QStringList { QStringLiteral("de-DE"), QStringLiteral("de") } << en;
        QTest::newRow("none") << QStringList {} << en;
    }

    void languageFromUiLanguages()
    {
        QFETCH(QStringList, uiLanguages);
        QFETCH(QString, language);
        QCOMPARE(LessonText::languageFor(uiLanguages), language);
    }
};

QTEST_GUILESS_MAIN(TestLessonTranslations)
#include "tst_lessontranslations.moc"
