#include "parse/countersparser.h"

#include "parse/textlines.h"

#include <QCoreApplication>
#include <QList>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("CountersParser", text);
}

QList<QByteArrayView> words(QByteArrayView line)
{
    QList<QByteArrayView> out;
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            ++i;
        const qsizetype start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            ++i;
        if (i > start)
            out.append(line.sliced(start, i - start));
    }
    return out;
}

bool toInt(QByteArrayView t, qint64 &v)
{
    bool ok = false;
    // Some snmp fields are signed (Tcp MaxConn is -1); counters above 2^63 do not occur in practice.
    v = t.toLongLong(&ok);
    return ok;
}

// Splits "Prefix:" from the rest; false for lines without a colon in their first word.
bool prefixOf(const QList<QByteArrayView> &w, QString &prefix)
{
    if (w.isEmpty() || w[0].size() < 2 || w[0].back() != ':')
        return false;
    prefix = QString::fromLatin1(w[0].chopped(1));
    return true;
}

// The lines that are not blank, with their numbers (blank ones count).
template<typename F> void forEachLine(QByteArrayView text, F &&f)
{
    for (const TextLines::Line &line : TextLines(text)) {
        if (!line.text.trimmed().isEmpty())
            f(line.text, line.number);
    }
}
} // namespace

void CountersParser::parseSockstat(QByteArrayView text, Counters &out, ProblemList &problems, const QString &source)
{
    forEachLine(text, [&](QByteArrayView line, qint64 lineNo) {
        const QList<QByteArrayView> w = words(line);
        QString prefix;
        if (!prefixOf(w, prefix) || w.size() % 2 != 1) {
            problems.add({ source, lineNo, tr("expected \"PREFIX: name value ...\"") });
            return;
        }
        for (qsizetype i = 1; i + 1 < w.size(); i += 2) {
            qint64 v = 0;
            if (!toInt(w[i + 1], v)) {
                problems.add({ source, lineNo, tr("bad value for %1").arg(QString::fromLatin1(w[i])) });
                continue;
            }
            out.set(prefix + QLatin1Char('.') + QString::fromLatin1(w[i]), v);
        }
    });
}

void CountersParser::parseTable(QByteArrayView text, Counters &out, ProblemList &problems, const QString &source)
{
    QList<QByteArrayView> header;
    QString headerPrefix;
    qint64 headerLine = 0;
    forEachLine(text, [&](QByteArrayView line, qint64 lineNo) {
        const QList<QByteArrayView> w = words(line);
        QString prefix;
        if (!prefixOf(w, prefix)) {
            problems.add({ source, lineNo, tr("expected \"Prefix: ...\"") });
            return;
        }
        if (header.isEmpty() || prefix != headerPrefix) {
            header = w;
            headerPrefix = prefix;
            headerLine = lineNo;
            return;
        }
        if (w.size() != header.size()) {
            problems.add({ source, lineNo,
                tr("%1 values for %2 names (header on line %3)")
                    .arg(w.size() - 1)
                    .arg(header.size() - 1)
                    .arg(headerLine) });
        }
        for (qsizetype i = 1; i < qMin(w.size(), header.size()); ++i) {
            qint64 v = 0;
            if (toInt(w[i], v))
                out.set(prefix + QLatin1Char('.') + QString::fromLatin1(header[i]), v);
            else
                problems.add({ source, lineNo, tr("bad value for %1").arg(QString::fromLatin1(header[i])) });
        }
        header.clear();
    });
    if (!header.isEmpty())
        problems.add({ source, headerLine, tr("header line without a values line") });
}
