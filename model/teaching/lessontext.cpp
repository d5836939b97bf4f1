#include "teaching/lessontext.h"

#include <QCoreApplication>
#include <QLocale>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("LessonText", text);
}

const QLatin1String translationKey("zh_TW");

// "zh-Hant-TW", "zh_TW", "zh-HK" are Traditional Chinese; "zh-Hans-CN" and a bare "zh" are not known to be.
bool isTraditionalChinese(const QStringList &parts)
{
    if (parts.isEmpty() || parts.constFirst() != QLatin1String("zh"))
        return false;
    static const QStringList traditional
        = { QStringLiteral("hant"), QStringLiteral("tw"), QStringLiteral("hk"), QStringLiteral("mo") };
    for (int i = 1; i < parts.size(); ++i) {
        if (parts.at(i) == QLatin1String("hans"))
            return false;
        if (traditional.contains(parts.at(i)))
            return true;
    }
    return false;
}
} // namespace

QString LessonText::languageFor(const QStringList &uiLanguages)
{
    for (const QString &name : uiLanguages) {
        const QStringList parts = name.toLower().replace(QLatin1Char('_'), QLatin1Char('-')).split(QLatin1Char('-'));
        if (isTraditionalChinese(parts))
            return traditionalChinese();
        if (parts.constFirst() == QLatin1String("en"))
            return english();
    }
    return english();
}

QString LessonText::uiLanguage()
{
    return languageFor(QLocale().uiLanguages());
}

QString LessonText::defaultClientLabel(const QString &language)
{
    return language == traditionalChinese() ? QStringLiteral("用戶端") : QStringLiteral("Client");
}

QString LessonText::defaultServerLabel(const QString &language)
{
    return language == traditionalChinese() ? QStringLiteral("伺服器") : QStringLiteral("Server");
}

LessonText::LessonText(const QJsonObject &object, const QString &language)
    : m_english(object)
{
    if (language == traditionalChinese())
        m_translation = object.value(translationKey).toObject();
}

Status LessonText::check() const
{
    if (!m_english.contains(translationKey))
        return {};
    const QJsonValue t = m_english.value(translationKey);
    if (!t.isObject())
        return Status::failure(tr("%1 must be an object").arg(translationKey));
    const QJsonObject o = t.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString())
            return Status::failure(tr("%1.%2 must be a string").arg(translationKey, it.key()));
    }
    return {};
}

QString LessonText::value(QLatin1String key, const QString &fallback) const
{
    const QJsonValue t = m_translation.value(key);
    if (t.isString() && !t.toString().isEmpty())
        return t.toString();
    return m_english.value(key).toString(fallback);
}
