#include "parse/sysctlparser.h"

#include "parse/textlines.h"
#include <QCoreApplication>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("SysctlParser", text);
}

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
        || c == '-' || c == '%';
}

// A sysctl name has at least two components: "net.inet.tcp.msl", "kern.ostype".
bool isName(QByteArrayView n)
{
    if (n.isEmpty() || !n.contains('.') || n.front() == '.' || n.back() == '.')
        return false;
    for (char c : n) {
        if (!isNameChar(c))
            return false;
    }
    return true;
}

} // namespace

SysctlParseResult SysctlParser::parse(QByteArrayView text, const QString &source)
{
    SysctlParseResult out;
    QString multiName; // a value that continues on the following lines until a blank line
    QString multiValue;
    auto flushMulti = [&] {
        if (!multiName.isEmpty())
            out.tunables.set(multiName, multiValue);
        multiName.clear();
        multiValue.clear();
    };
    for (const TextLines::Line &line : TextLines(text)) {
        const QByteArrayView t = line.text.trimmed();
        if (t.isEmpty()) {
            flushMulti();
            continue;
        }
        if (t.startsWith('#'))
            continue;
        // The separator is whichever of ':' and '=' comes first; values may contain either.
        const qsizetype colon = t.indexOf(':');
        const qsizetype equals = t.indexOf('=');
        qsizetype sep = colon < 0 ? equals : (equals < 0 ? colon : qMin(colon, equals));
        const QByteArrayView name = sep > 0 ? t.first(sep).trimmed() : QByteArrayView();
        if (!isName(name)) {
            if (!multiName.isEmpty()) {
                multiValue += (multiValue.isEmpty() ? QString() : QStringLiteral("\n")) + QString::fromUtf8(t);
                continue;
            }
            if (t.startsWith("sysctl:")) // "sysctl: unknown oid 'net.inet.tcp.maxtcptw'": absent on this kernel
                out.problems.add({ source, line.number, QString::fromUtf8(t) });
            else
                out.problems.add({ source, line.number, tr("not a sysctl line: \"%1\"").arg(Problem::excerpt(t)) });
            continue;
        }
        flushMulti();
        QByteArrayView value = t.sliced(sep + 1).trimmed();
        const qsizetype arrow = value.lastIndexOf(" -> ");
        if (arrow >= 0)
            value = value.sliced(arrow + 4).trimmed();
        const QString n = QString::fromLatin1(name);
        if (value.isEmpty() && t.at(sep) == ':')
            multiName = n; // "net.inet.tcp.functions_available: " then a table
        else
            out.tunables.set(n, QString::fromUtf8(value));
    }
    flushMulti();
    return out;
}

QString SysctlParser::parseLinuxValue(QByteArrayView fileContents)
{
    // Cut to the bound first, then trim, so a cut value never ends in a newline either.
    QByteArrayView v = fileContents.first(qMin<qsizetype>(fileContents.size(), MaxValueBytes));
    while (!v.isEmpty() && (v.back() == '\n' || v.back() == '\r' || v.back() == ' '))
        v.chop(1);
    return QString::fromUtf8(v);
}
