#pragma once

#include <QLocale>

class QCoreApplication;

// Loads the translation for a locale (the system's by default): tcpscope's own from the embedded
// :/i18n/tcpscope_<lang>.qm, and Qt's (qtbase_<lang>.qm, Debian: qt6-translations-l10n) for the
// standard dialogs. English needs none. The translators are children of app.
namespace Translations {
// Returns true when tcpscope's own translation for the locale was found.
bool install(QCoreApplication *app, const QLocale &locale = QLocale());
} // namespace Translations
