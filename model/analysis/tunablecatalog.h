#pragma once

#include "core/expected.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

// What each tunable tcpscope reads means, checked against the kernel sources and man pages each entry's
// reference names. One honest line per tunable: what it does, and the thing people wrongly believe it does.
struct TunableInfo
{
    QString name; // sysctl name, "net.ipv4.tcp_fin_timeout"; "TCP_TIMEWAIT_LEN" for the fixed constant
    QString os; // "Linux", "FreeBSD" or "macOS"
    QString defaultValue; // as the kernel prints it; a formula when it depends on memory
    bool defaultIsFormula = false; // e.g. "ehash entries / 2": cannot be compared with the value
    bool readOnly = false; // a kernel constant shown for teaching, not a sysctl
    QString does; // English; the translations are in zhTW
    QString doesNot;
    QString reference;
    // Traditional Chinese by JSON field ("does", "doesNot", "default"); a missing one falls back to English.
    QHash<QString, QString> zhTW;
};

// The entries live in tunablecatalog.json, embedded as a resource and read on first use.
class TunableCatalog
{
public:
    static constexpr const char *ResourcePath = ":/analysis/tunablecatalog.json";
    enum class Field { Does, DoesNot, Default };

    // "zh_TW" when QLocale().uiLanguages() has zh-TW or zh-Hant (as QTranslator::load(QLocale) picks
    // tcpscope_zh_TW.qm, app/translations.cpp), else "en".
    static QString uiLanguage();
    // One field in a language ("en", "zh_TW"); English when that language has no text for it.
    static QString text(const TunableInfo &info, Field field, const QString &language = uiLanguage());

    static const std::vector<TunableInfo> &all();
    // nullptr when tcpscope knows nothing about the name. With a host's os (uname -s), only that OS's entry:
    // macOS shares sysctl names with FreeBSD but not their defaults (xnu bsd/netinet/tcp_timer.h, in_pcb.c).
    static const TunableInfo *find(const QString &name, const QString &os = QString());
    // The entries for one OS (uname -s: "Linux", "FreeBSD", "Darwin") in display order.
    static std::vector<const TunableInfo *> forOs(const QString &os);
    // The catalog's os for a uname -s: "Darwin" is "macOS"; other BSDs use the FreeBSD entries.
    static QString family(const QString &os);
    // True when value is the kernel default (whitespace-insensitive); false when unknown.
    static bool isDefault(const TunableInfo &info, const QString &value);
    // "does doesNot" as one line for tooltips and text output.
    static QString oneLine(const TunableInfo &info, const QString &language = uiLanguage());
    // The entries of a catalog file ({"tunables": [...]}), in its order. Every text field must be there,
    // os must be Linux, FreeBSD or macOS and zh_TW, when there, an object of strings; otherwise a failure
    // that says why.
    static Expected<std::vector<TunableInfo>> fromJson(const QByteArray &json);
};
