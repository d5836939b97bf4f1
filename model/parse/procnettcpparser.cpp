#include "parse/procnettcpparser.h"

#include "parse/asciitext.h"
#include "parse/textlines.h"
#include <QCoreApplication>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("ProcNetTcpParser", text);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool parseHex(QByteArrayView t, quint64 &out, int maxDigits = 16)
{
    if (t.isEmpty() || t.size() > maxDigits)
        return false;
    quint64 v = 0;
    for (char c : t) {
        const int h = hexValue(c);
        if (h < 0)
            return false;
        v = (v << 4) | quint64(h);
    }
    out = v;
    return true;
}

bool parseDec(QByteArrayView t, quint64 &out)
{
    return AsciiText::parseDecimal(t, out);
}

// One 32-bit word as the kernel printed it with %08X; host order of the printing machine.
bool parseWord(QByteArrayView t, quint8 *dst, bool bigEndian)
{
    quint64 w = 0;
    if (t.size() != 8 || !parseHex(t, w))
        return false;
    for (int i = 0; i < 4; ++i)
        dst[i] = bigEndian ? quint8(w >> (8 * (3 - i))) : quint8(w >> (8 * i));
    return true;
}

// "0100007F:1388" or 32 hex digits then ":PORT".
bool parseEndpoint(QByteArrayView t, AddressFamily family, std::array<quint8, 16> &addr, quint16 &port, bool be)
{
    const qsizetype words = family == AddressFamily::IPv4 ? 1 : 4;
    if (t.size() != words * 8 + 5 || t[words * 8] != ':')
        return false;
    for (qsizetype i = 0; i < words; ++i) {
        if (!parseWord(t.sliced(i * 8, 8), addr.data() + i * 4, be))
            return false;
    }
    quint64 p = 0;
    if (!parseHex(t.sliced(words * 8 + 1), p, 4))
        return false;
    port = quint16(p);
    return true;
}

bool parsePair(QByteArrayView t, quint64 &a, quint64 &b)
{
    const qsizetype colon = t.indexOf(':');
    return colon > 0 && parseHex(t.first(colon), a) && parseHex(t.sliced(colon + 1), b);
}

using AsciiText::isSpace;

constexpr int MaxTokens = 20;

// Returns an empty string on success, or what was wrong.
QString parseLine(QByteArrayView line, AddressFamily family, const ProcNetTcpParser::Options &opt, SocketEntry &e)
{
    QByteArrayView tok[MaxTokens];
    int n = 0;
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && isSpace(line[i]))
            ++i;
        if (i >= line.size())
            break;
        const qsizetype start = i;
        while (i < line.size() && !isSpace(line[i]))
            ++i;
        if (n == MaxTokens)
            return QCoreApplication::translate("ProcNetTcpParser", "too many fields");
        tok[n++] = line.sliced(start, i - start);
    }
    // sl, local, remote, st, tx:rx, tr:when, retrnsmt, uid, timeout, inode: the columns we need.
    if (n < 10)
        return QCoreApplication::translate("ProcNetTcpParser", "expected at least 10 fields, found %1").arg(n);
    quint64 v = 0;
    if (tok[0].size() < 2 || tok[0].back() != ':' || !parseDec(tok[0].chopped(1), v))
        return QCoreApplication::translate("ProcNetTcpParser", "bad row number");
    e.family = family;
    if (!parseEndpoint(tok[1], family, e.localAddr, e.localPort, opt.bigEndianKernel))
        return QCoreApplication::translate("ProcNetTcpParser", "bad local address");
    if (!parseEndpoint(tok[2], family, e.remoteAddr, e.remotePort, opt.bigEndianKernel))
        return QCoreApplication::translate("ProcNetTcpParser", "bad remote address");
    if (!parseHex(tok[3], v, 2))
        return QCoreApplication::translate("ProcNetTcpParser", "bad state field");
    const auto state = TcpStates::fromCode(unsigned(v));
    if (!state)
        return QCoreApplication::translate("ProcNetTcpParser", "unknown state code %1")
            .arg(QString::fromLatin1(tok[3].toByteArray()));
    e.state = *state;
    quint64 a = 0, b = 0;
    if (!parsePair(tok[4], a, b) || a > 0xffffffffu || b > 0xffffffffu)
        return QCoreApplication::translate("ProcNetTcpParser", "bad tx_queue:rx_queue");
    e.txQueue = quint32(a);
    e.rxQueue = quint32(b);
    if (!parsePair(tok[5], a, b) || a > 4)
        return QCoreApplication::translate("ProcNetTcpParser", "bad tr:tm->when");
    e.timer = static_cast<TimerKind>(a);
    const quint64 ms = opt.ticksPerSecond > 0 ? b * 1000 / quint64(opt.ticksPerSecond) : 0;
    e.timerMs = quint32(qMin<quint64>(ms, 0xffffffffu));
    if (!parseHex(tok[6], v) || v > 0xffffffffu)
        return QCoreApplication::translate("ProcNetTcpParser", "bad retrnsmt");
    e.retransmits = quint32(v);
    if (!parseDec(tok[7], v) || v > 0xffffffffu)
        return QCoreApplication::translate("ProcNetTcpParser", "bad uid");
    e.uid = quint32(v);
    if (!parseDec(tok[8], v) || v > 0xffffffffu)
        return QCoreApplication::translate("ProcNetTcpParser", "bad timeout (probes) field");
    e.probes = quint32(v);
    if (!parseDec(tok[9], v))
        return QCoreApplication::translate("ProcNetTcpParser", "bad inode");
    e.inode = v;
    // The three printers differ: timewait rows have tr 3; request rows print st 03 and 12 fields.
    if (e.timer == TimerKind::TimeWait)
        e.kind = RowKind::TimeWaitSock;
    else if (e.state == TcpState::SynRecv && n < 17 && e.inode == 0)
        e.kind = RowKind::Request;
    else
        e.kind = RowKind::Full;
    return {};
}

} // namespace

bool ProcNetTcpParser::parseEndpoint(
    QByteArrayView field, AddressFamily family, std::array<quint8, 16> &addr, quint16 &port, bool bigEndianKernel)
{
    return ::parseEndpoint(field, family, addr, port, bigEndianKernel);
}

ProcParseResult ProcNetTcpParser::parse(QByteArrayView text, AddressFamily family, const QString &source)
{
    return parse(text, family, source, Options {});
}

ProcParseResult ProcNetTcpParser::parse(
    QByteArrayView text, AddressFamily family, const QString &source, const Options &options)
{
    ProcParseResult r;
    parseInto(r, text, family, source, options);
    return r;
}

void ProcNetTcpParser::parseInto(
    ProcParseResult &out, QByteArrayView text, AddressFamily family, const QString &source, const Options &options)
{
    if (text.isEmpty()) {
        out.problems.add({ source, 0, tr("empty input: no header and no sockets") });
        return;
    }
    for (const TextLines::Line &textLine : TextLines(text)) {
        const QByteArrayView line = textLine.text;
        const qint64 lineNo = textLine.number;
        qsizetype first = 0;
        while (first < line.size() && isSpace(line[first]))
            ++first;
        if (first == line.size())
            continue; // blank
        if (line.sliced(first).startsWith("sl "))
            continue; // header: "  sl  local_address rem_address ..." (v6 says remote_address)
        ++out.lines;
        if (line.size() > MaxLineLength) {
            out.problems.add({ source, lineNo, tr("line too long (%1 bytes), skipped").arg(line.size()) });
            continue;
        }
        if (qsizetype(out.sockets.size()) >= options.maxSockets) {
            out.problems.add({ source, lineNo,
                tr("more than %1 sockets: the rest of the input is ignored").arg(options.maxSockets) });
            return;
        }
        SocketEntry e;
        const QString error = parseLine(line, family, options, e);
        if (error.isEmpty()) {
            out.sockets.push_back(e);
            continue;
        }
        const QString what = textLine.terminated ? error : error + QLatin1String(" (last line is truncated)");
        out.problems.add({ source, lineNo, what + QLatin1String(": \"") + Problem::excerpt(line) + QLatin1Char('"') });
    }
}
