#include "stream/streamevents.h"

#include "parse/asciitext.h"
#include "parse/procnettcpparser.h"
#include "parse/textlines.h"
#include "stream/proclineformatter.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StreamEvents", text);
}

QList<QByteArrayView> fields(QByteArrayView line)
{
    QList<QByteArrayView> out;
    qsizetype i = 0;
    while (i < line.size() && out.size() < 7) {
        while (i < line.size() && AsciiText::isSpace(line[i]))
            ++i;
        const qsizetype start = i;
        while (i < line.size() && !AsciiText::isSpace(line[i]))
            ++i;
        if (i > start)
            out.append(line.sliced(start, i - start));
    }
    return out;
}

bool parseState(QByteArrayView t, TcpState &state)
{
    bool ok = false;
    const auto s = TcpStates::fromCode(t.toUInt(&ok, 16));
    if (!ok || t.size() != 2 || !s)
        return false;
    state = *s;
    return true;
}

bool parseLine(QByteArrayView line, TcpStateEvent &e)
{
    const QList<QByteArrayView> f = fields(line);
    if (f.size() != 6)
        return false;
    quint64 time = 0;
    if (!AsciiText::parseDecimal(f[0], time, quint64(std::numeric_limits<qint64>::max()))
        || !AsciiText::parseDecimal(f[1], e.cookie) || !parseState(f[2], e.oldState) || !parseState(f[3], e.newState))
        return false;
    e.timeNs = qint64(time);
    e.family = f[4].size() == 13 ? AddressFamily::IPv4 : AddressFamily::IPv6;
    return ProcNetTcpParser::parseEndpoint(f[4], e.family, e.localAddr, e.localPort)
        && ProcNetTcpParser::parseEndpoint(f[5], e.family, e.remoteAddr, e.remotePort);
}
} // namespace

void StreamEvents::append(QByteArray &out, const StateEvents &events)
{
    out += "@events " + QByteArray::number(events.lostSincePrevious) + ' ' + QByteArray::number(events.lostTotal)
        + '\n';
    for (const TcpStateEvent &e : events.changes) {
        SocketEntry s; // the formatter's endpoints
        s.family = e.family;
        s.localAddr = e.localAddr;
        s.remoteAddr = e.remoteAddr;
        s.localPort = e.localPort;
        s.remotePort = e.remotePort;
        const QByteArray key = ProcLineFormatter::key(s); // "LOCAL REM INODE": the inode is dropped
        out += QByteArray::number(e.timeNs) + ' ' + QByteArray::number(e.cookie) + ' '
            + QByteArray::number(int(e.oldState), 16).rightJustified(2, '0').toUpper() + ' '
            + QByteArray::number(int(e.newState), 16).rightJustified(2, '0').toUpper() + ' '
            + key.first(key.lastIndexOf(' ')) + '\n';
    }
}

void StreamEvents::parse(
    QByteArrayView arg, QByteArrayView content, const QString &where, StateEvents &into, ProblemList &problems)
{
    const QList<QByteArrayView> lost = fields(arg);
    quint64 since = 0, total = 0;
    if (lost.size() == 2 && AsciiText::parseDecimal(lost[0], since) && AsciiText::parseDecimal(lost[1], total)) {
        into.lostSincePrevious += since;
        into.lostTotal = total;
    } else {
        problems.add({ QStringLiteral("stream"), 0, tr("%1: @events without its lost counts").arg(where) });
    }
    qint64 bad = 0;
    qint64 firstBad = 0;
    for (const TextLines::Line &l : TextLines(content)) {
        if (l.text.trimmed().isEmpty())
            continue;
        TcpStateEvent e;
        if (into.changes.size() < size_t(MaxPerFrame) && parseLine(l.text, e)) {
            into.changes.push_back(e);
        } else if (bad++ == 0) {
            firstBad = l.number;
        }
    }
    if (bad > 0)
        problems.add({ QStringLiteral("stream"), 0,
            tr("%1: @events line %2: %3 malformed event line(s) ignored").arg(where).arg(firstBad).arg(bad) });
}
