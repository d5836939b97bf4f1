#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Translations {
bool install(QCoreApplication *app, const QLocale &locale)
{
    // QTranslator::load(QLocale, ...) tries each of locale.uiLanguages() (zh_Hant_TW, zh_TW, ...),
    // so a Simplified Chinese desktop does not get the Traditional file by accident.
    auto *qt = new QTranslator(app);
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(app);
    if (own->load(locale, QStringLiteral("tcpscope"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        return true;
    }
    delete own;
    return false;
}
} // namespace Translations
