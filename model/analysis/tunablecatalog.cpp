#include "analysis/tunablecatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {
// A text field every entry must have; false, with its name in error, when it is missing or empty.
bool readText(const QJsonObject &o, QLatin1String key, QString &out, QString &error)
{
    out = o.value(key).toString();
    if (out.isEmpty())
        error = QStringLiteral("no \"%1\"").arg(key);
    return !out.isEmpty();
}

const QString ZhTW = QStringLiteral("zh_TW");

// The optional "zh_TW" object: every member a string (an empty one falls back to English). The error
// names the tunable too: the entry number alone is hard to find in a file of thirty.
bool readTranslation(const QJsonObject &o, TunableInfo &info, QString &error)
{
    const QJsonValue v = o.value(ZhTW);
    if (v.isUndefined())
        return true;
    if (!v.isObject()) {
        error = QStringLiteral("%1: \"zh_TW\" is not an object").arg(info.name);
        return false;
    }
    const QJsonObject t = v.toObject();
    for (auto it = t.begin(); it != t.end(); ++it) {
        if (!it.value().isString()) {
            error = QStringLiteral("%1: \"zh_TW\".\"%2\" is not a string").arg(info.name, it.key());
            return false;
        }
        info.zhTW.insert(it.key(), it.value().toString());
    }
    return true;
}

bool readEntry(const QJsonObject &o, TunableInfo &info, QString &error)
{
    if (!readText(o, QLatin1String("name"), info.name, error) || !readText(o, QLatin1String("os"), info.os, error)
        || !readText(o, QLatin1String("default"), info.defaultValue, error)
        || !readText(o, QLatin1String("does"), info.does, error)
        || !readText(o, QLatin1String("doesNot"), info.doesNot, error)
        || !readText(o, QLatin1String("reference"), info.reference, error))
        return false;
    if (info.os != QLatin1String("Linux") && info.os != QLatin1String("FreeBSD") && info.os != QLatin1String("macOS")) {
        error = QStringLiteral("os \"%1\" is not Linux, FreeBSD or macOS").arg(info.os);
        return false;
    }
    info.defaultIsFormula = o.value(QLatin1String("defaultIsFormula")).toBool();
    info.readOnly = o.value(QLatin1String("readOnly")).toBool();
    return readTranslation(o, info, error);
}

std::vector<TunableInfo> loadResource()
{
    QFile f(QString::fromLatin1(TunableCatalog::ResourcePath));
    const Expected<std::vector<TunableInfo>> entries = f.open(QIODevice::ReadOnly)
        ? TunableCatalog::fromJson(f.readAll())
        : Expected<std::vector<TunableInfo>>(Status::failure(f.errorString()));
    if (!entries.ok()) { // a build without the resource: tst_tunablecatalog fails on it
        qWarning("%s: %s", TunableCatalog::ResourcePath, qPrintable(entries.error()));
        return {};
    }
    return *entries;
}
} // namespace

Expected<std::vector<TunableInfo>> TunableCatalog::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return Status::failure(parseError.errorString());
    const QJsonValue list = doc.object().value(QLatin1String("tunables"));
    if (!list.isArray())
        return Status::failure(QStringLiteral("no \"tunables\" array"));
    std::vector<TunableInfo> entries;
    for (const auto &v : list.toArray()) {
        TunableInfo info;
        QString why;
        if (!readEntry(v.toObject(), info, why))
            return Status::failure(QStringLiteral("entry %1: %2").arg(entries.size() + 1).arg(why));
        entries.push_back(info);
    }
    return entries;
}

const std::vector<TunableInfo> &TunableCatalog::all()
{
    static const std::vector<TunableInfo> entries = loadResource(); // read once, on first use
    return entries;
}

const TunableInfo *TunableCatalog::find(const QString &name, const QString &os)
{
    const QString wanted = os.isEmpty() ? QString() : family(os);
    for (const TunableInfo &i : all()) {
        if (i.name == name && (wanted.isEmpty() || i.os == wanted))
            return &i;
    }
    return nullptr;
}

QString TunableCatalog::family(const QString &os)
{
    if (os == QLatin1String("Linux"))
        return os;
    return os == QLatin1String("Darwin") ? QStringLiteral("macOS") : QStringLiteral("FreeBSD");
}

std::vector<const TunableInfo *> TunableCatalog::forOs(const QString &os)
{
    const QString wanted = family(os);
    std::vector<const TunableInfo *> out;
    for (const TunableInfo &i : all()) {
        if (i.os == wanted)
            out.push_back(&i);
    }
    return out;
}

bool TunableCatalog::isDefault(const TunableInfo &info, const QString &value)
{
    if (info.defaultIsFormula || info.readOnly)
        return false;
    if (info.defaultValue == QLatin1String("(empty)"))
        return value.trimmed().isEmpty();
    return value.simplified()
        == info.defaultValue.section(QLatin1Char(' '), 0, info.name.contains(QLatin1String("range")) ? 1 : 0);
}

QString TunableCatalog::uiLanguage()
{
    for (QString l : QLocale().uiLanguages()) {
        l.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (l.startsWith(ZhTW) || l.startsWith(QLatin1String("zh_Hant")))
            return ZhTW;
    }
    return QStringLiteral("en");
}

QString TunableCatalog::text(const TunableInfo &info, Field field, const QString &language)
{
    const QString &english = field == Field::Does ? info.does
        : field == Field::DoesNot                 ? info.doesNot
                                                  : info.defaultValue;
    if (language != ZhTW)
        return english;
    static const QString keys[] = { QStringLiteral("does"), QStringLiteral("doesNot"), QStringLiteral("default") };
    const QString translated = info.zhTW.value(keys[int(field)]);
    return translated.isEmpty() ? english : translated;
}

QString TunableCatalog::oneLine(const TunableInfo &info, const QString &language)
{
    return text(info, Field::Does, language) + QLatin1Char(' ') + text(info, Field::DoesNot, language);
}
