#pragma once

#include "core/status.h"

#include <QJsonObject>
#include <QStringList>

// The user-visible text of one lesson JSON object in one language: a value of its "zh_TW" member when
// the language is zh_TW and that member has the key, else the English value (lessonformat in the lesson
// files: { "title": "...", "zh_TW": { "title": "..." } }).
class LessonText
{
public:
    static QString english() { return QStringLiteral("en"); }
    static QString traditionalChinese() { return QStringLiteral("zh_TW"); }

    // The first of uiLanguages with lesson text: "zh-TW", "zh-Hant-TW", "zh-Hant", "zh-HK" -> "zh_TW";
    // "en-US" -> "en". English when none has any.
    static QString languageFor(const QStringList &uiLanguages);
    // languageFor(QLocale().uiLanguages()).
    static QString uiLanguage();

    // The lane names of a lesson that gives none: "Client" and "Server", or their zh_TW terms.
    static QString defaultClientLabel(const QString &language);
    static QString defaultServerLabel(const QString &language);

    LessonText(const QJsonObject &object, const QString &language);

    // Fails when the object's zh_TW member is not an object or holds a non-string:
    // "zh_TW.narration must be a string". Checked whatever the language, so a bad file fails everywhere.
    Status check() const;
    QString value(QLatin1String key, const QString &fallback = {}) const;

private:
    QJsonObject m_english;
    QJsonObject m_translation; // empty unless the language is zh_TW
};
