#include "parse/bsdnetstatparser.h"

#include "core/socketkey.h"
#include "parse/asciitext.h"
#include "parse/textlines.h"

#include <arpa/inet.h>
#include <QCoreApplication>

#include <array>
#include <cstring>
#include <unordered_map>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("BsdNetstatParser", text);
}

// netinet/tcp_fsm.h tcpstates[], indexed by the BSD state number netstat prints when it has no name.
constexpr std::array<std::pair<QByteArrayView, TcpState>, 11> bsdStates = { {
    { "CLOSED", TcpState::Close },
    { "LISTEN", TcpState::Listen },
    { "SYN_SENT", TcpState::SynSent },
    { "SYN_RCVD", TcpState::SynRecv },
    { "ESTABLISHED", TcpState::Established },
    { "CLOSE_WAIT", TcpState::CloseWait },
    { "FIN_WAIT_1", TcpState::FinWait1 },
    { "CLOSING", TcpState::Closing },
    { "LAST_ACK", TcpState::LastAck },
    { "FIN_WAIT_2", TcpState::FinWait2 },
    { "TIME_WAIT", TcpState::TimeWait },
} };

using AsciiText::isSpace;

// netstat prints its numbers with %u: ten digits at most.
bool parseDec(QByteArrayView t, quint64 max, quint64 &out)
{
    return AsciiText::parseDecimal(t, out, max, 10);
}

bool pton(int af, QByteArrayView text, quint8 *dst)
{
    char buf[64];
    if (text.size() >= qsizetype(sizeof buf))
        return false;
    std::memcpy(buf, text.data(), size_t(text.size()));
    buf[text.size()] = '\0';
    return inet_pton(af, buf, dst) == 1;
}

// A host netstat cut to 16 characters: keep the longest prefix that parses, padded with "::" (the lost
// groups become zero). "2001:f40:925:dc8" -> 2001:f40:925:dc8::.
bool parseTruncatedV6(QByteArrayView host, quint8 *dst)
{
    for (QByteArrayView h = host; !h.isEmpty(); h.chop(1)) {
        if (pton(AF_INET6, h, dst))
            return true;
        const QByteArray padded = h.toByteArray() + (h.endsWith(':') ? ":" : "::");
        if (!h.contains("::") && pton(AF_INET6, padded, dst))
            return true;
    }
    return false;
}

struct Row
{
    QByteArrayView tok[8];
    int n = 0;
    int gapBeforeLocal = 0; // spaces between Send-Q and the local address
};

void tokenize(QByteArrayView line, Row &r)
{
    qsizetype i = 0;
    while (i < line.size() && r.n < 8) {
        const qsizetype gapStart = i;
        while (i < line.size() && isSpace(line[i]))
            ++i;
        if (i >= line.size())
            break;
        if (r.n == 3)
            r.gapBeforeLocal = int(i - gapStart);
        const qsizetype start = i;
        while (i < line.size() && !isSpace(line[i]))
            ++i;
        r.tok[r.n++] = line.sliced(start, i - start);
    }
}

bool isOtherProtocol(QByteArrayView p)
{
    // netstat -an also lists these; only TCP rows carry a TCP state.
    for (const char *prefix : { "udp", "icm", "raw", "rip", "div", "sctp", "igmp", "pim", "carp", "ip" }) {
        if (p.startsWith(prefix))
            return true;
    }
    return false;
}

struct EndpointResult
{
    QString error;
    bool truncated = false;
    bool wide = false; // longer than netstat's 16-character cut: this output was printed with -W / -l
};

// "127.0.0.1.5000", "*.22", "*.*", "fe80::1%em0.22": the port follows the LAST dot.
EndpointResult parseEndpoint(
    QByteArrayView t, AddressFamily family, bool fullAddresses, std::array<quint8, 16> &addr, quint16 &port)
{
    const qsizetype dot = t.lastIndexOf('.');
    if (dot <= 0 || dot == t.size() - 1)
        return {
            QCoreApplication::translate("BsdNetstatParser", "no host.port in \"%1\"").arg(QString::fromLatin1(t))
        };
    const QByteArrayView portText = t.sliced(dot + 1);
    QByteArrayView host = t.first(dot);
    quint64 p = 0;
    if (portText == "*")
        p = 0;
    else if (!parseDec(portText, 65535, p)) {
        const bool name = !portText.isEmpty() && portText.front() >= 'a' && portText.front() <= 'z';
        return {
            name ? QCoreApplication::translate("BsdNetstatParser", "port \"%1\" is a service name: run netstat with -n")
                       .arg(QString::fromLatin1(portText))
                 : QCoreApplication::translate("BsdNetstatParser", "bad port \"%1\"").arg(QString::fromLatin1(portText))
        };
    }
    port = quint16(p);
    addr.fill(0);
    if (host == "*")
        return {};
    EndpointResult r;
    const qsizetype zone = host.indexOf('%'); // scope id: kept out of the address bytes, as on Linux
    const QByteArrayView bare = zone >= 0 ? host.first(zone) : host;
    const bool looksV6 = bare.contains(':');
    if (looksV6) {
        if (family == AddressFamily::IPv4)
            return { QCoreApplication::translate("BsdNetstatParser", "IPv6 address on a tcp4 row") };
        r.truncated = !fullAddresses && host.size() == BsdNetstatParser::TruncatedHostLength;
        r.wide = host.size() > BsdNetstatParser::TruncatedHostLength;
        if (pton(AF_INET6, bare, addr.data()))
            return r;
        if (r.truncated && parseTruncatedV6(bare, addr.data()))
            return r;
        return {
            QCoreApplication::translate("BsdNetstatParser", "bad IPv6 address \"%1\"").arg(QString::fromLatin1(host))
        };
    }
    quint8 v4[4];
    if (!pton(AF_INET, bare, v4))
        return { QCoreApplication::translate(
            "BsdNetstatParser", "host \"%1\" is not a numeric address: run netstat with -n")
                     .arg(QString::fromLatin1(host)) };
    if (family == AddressFamily::IPv4) {
        std::memcpy(addr.data(), v4, 4);
    } else {
        // A dual-stack (tcp46) or v4-mapped socket: stored as ::ffff:a.b.c.d, as /proc/net/tcp6 shows it.
        addr[10] = addr[11] = 0xff;
        std::memcpy(addr.data() + 12, v4, 4);
    }
    return r;
}

// "tcp4", "tcp6", "tcp46" (a dual-stack socket, stored as IPv6), or macOS's bare "tcp": the address tells.
bool familyOf(QByteArrayView proto, QByteArrayView localAddress, AddressFamily &family)
{
    const QByteArrayView fam = proto.sliced(3);
    if (fam == "4")
        family = AddressFamily::IPv4;
    else if (fam == "6" || fam == "46")
        family = AddressFamily::IPv6;
    else if (fam.isEmpty())
        family = localAddress.contains(':') ? AddressFamily::IPv6 : AddressFamily::IPv4;
    else
        return false;
    return true;
}

// The columns from the protocol on: Proto Recv-Q Send-Q Local Foreign (state). The result's error is
// what was wrong; truncated / wide are those of either address.
EndpointResult parseRow(const Row &row, int first, const BsdNetstatParser::Options &options, SocketEntry &e)
{
    if (row.n - first < 6)
        return { QCoreApplication::translate("BsdNetstatParser", "expected 6 fields, found %1").arg(row.n - first) };
    e.kind = RowKind::BsdPcb;
    const QByteArrayView proto = row.tok[first];
    if (!familyOf(proto, row.tok[first + 3], e.family))
        return {
            QCoreApplication::translate("BsdNetstatParser", "unknown protocol \"%1\"").arg(QString::fromLatin1(proto))
        };
    quint64 rq = 0, sq = 0;
    if (!parseDec(row.tok[first + 1], 0xffffffffu, rq) || !parseDec(row.tok[first + 2], 0xffffffffu, sq))
        return { QCoreApplication::translate("BsdNetstatParser", "bad Recv-Q or Send-Q") };
    e.rxQueue = quint32(rq); // bytes in the receive buffer (LISTEN: not the accept queue, unlike Linux)
    e.txQueue = quint32(sq);
    const auto local = parseEndpoint(row.tok[first + 3], e.family, options.fullAddresses, e.localAddr, e.localPort);
    if (!local.error.isEmpty())
        return { QCoreApplication::translate("BsdNetstatParser", "local address: ") + local.error };
    const auto remote = parseEndpoint(row.tok[first + 4], e.family, options.fullAddresses, e.remoteAddr, e.remotePort);
    if (!remote.error.isEmpty())
        return { QCoreApplication::translate("BsdNetstatParser", "foreign address: ") + remote.error };
    const auto state = BsdNetstatParser::stateFromBsdName(row.tok[first + 5]);
    if (!state)
        return { QCoreApplication::translate("BsdNetstatParser", "unknown state \"%1\"")
                     .arg(QString::fromLatin1(row.tok[first + 5])) };
    e.state = *state;
    return { {}, local.truncated || remote.truncated, local.wide || remote.wide };
}

// Section titles, column headers and netstat's own notes: lines without a socket row. Follows the section
// (only "Active Internet connections" holds TCP rows) and sets note when the line is worth a Problem.
bool isNotARow(QByteArrayView trimmed, bool &internetSection, QString &note)
{
    if (trimmed.isEmpty())
        return true;
    if (trimmed.startsWith("Active ") || trimmed.startsWith("Registered ")) {
        // macOS also prints "Active Multipath Internet connections" (MPTCP, no TCP state rows).
        internetSection = trimmed.contains("Internet") && !trimmed.contains("Multipath");
        return true;
    }
    if (!internetSection || trimmed.startsWith("Proto") || trimmed.startsWith("Tcpcb "))
        return true;
    if (trimmed.startsWith("Some ") && trimmed.contains("may have been deleted")) {
        // inet.c: the pcblist generation changed while it was read, so the list is not one instant.
        note
            = QCoreApplication::translate("BsdNetstatParser", "netstat says the socket list changed while it was read");
        return true;
    }
    return false;
}

// -A puts the PCB address in front of the protocol: the index of the protocol column.
int protocolColumn(const Row &row)
{
    return row.n > 1 && !row.tok[0].startsWith("tcp") && row.tok[1].startsWith("tcp") && row.tok[0].size() >= 8 ? 1 : 0;
}

// What parse() carries from one row to the next.
struct Tally
{
    bool internetSection = true; // `netstat -p tcp` prints no section title when grepped
    int freebsdRows = 0, darwinRows = 0;
    bool wideOutput = false;
    // Several SO_REUSEPORT listeners print identical rows; Snapshot would merge them as /proc re-reads.
    std::unordered_map<SocketKey, quint64, SocketKey::Hash> listeners;
};

void keepRow(BsdNetstatResult &out, Tally &tally, SocketEntry &e, const EndpointResult &row, bool pcbColumn,
    int gapBeforeLocal, qint64 lineNo)
{
    tally.wideOutput |= row.wide;
    if (row.truncated)
        out.truncatedHostLines.push_back(lineNo);
    if (!pcbColumn)
        ++(gapBeforeLocal >= 2 ? tally.darwinRows : tally.freebsdRows);
    if (e.state == TcpState::Listen)
        e.inode = tally.listeners[SocketKey::of(e)]++; // 0 for the first, then 1, 2, ...
    out.sockets.push_back(e);
}

void finish(BsdNetstatResult &out, const QString &source, const Tally &tally)
{
    if (tally.wideOutput)
        out.truncatedHostLines.clear(); // a 16-character host in wide output is a whole address
    if (!out.truncatedHostLines.empty()) {
        // One note, not one per row: the rows are usable, only the tail of the address is unknown.
        out.problems.add({ source, out.truncatedHostLines.front(),
            QCoreApplication::translate("BsdNetstatParser",
                "%1 row(s) have IPv6 hosts netstat may have cut to %2 characters; the missing "
                "groups are stored as zero (run netstat with -W on FreeBSD, -l on macOS)")
                .arg(out.truncatedHostLines.size())
                .arg(BsdNetstatParser::TruncatedHostLength) });
    }
    if (tally.darwinRows > tally.freebsdRows)
        out.dialect = NetstatDialect::Darwin;
    else if (tally.freebsdRows > 0)
        out.dialect = NetstatDialect::FreeBSD;
}

} // namespace

std::optional<TcpState> BsdNetstatParser::stateFromBsdName(QByteArrayView name)
{
    for (const auto &[text, state] : bsdStates) {
        if (name == text)
            return state;
    }
    quint64 n = 0;
    if (parseDec(name, bsdStates.size() - 1, n))
        return bsdStates[n].second;
    return std::nullopt;
}

BsdNetstatResult BsdNetstatParser::parse(QByteArrayView text, const QString &source)
{
    return parse(text, source, Options {});
}

BsdNetstatResult BsdNetstatParser::parse(QByteArrayView text, const QString &source, const Options &options)
{
    BsdNetstatResult out;
    out.sockets.reserve(size_t(qMin<qsizetype>(text.size() / 80, options.maxSockets))); // a row is ~80 bytes
    Tally tally;
    for (const TextLines::Line &line : TextLines(text)) {
        auto report = [&](const QString &what) {
            out.problems.add(
                { source, line.number, what + QLatin1String(": \"") + Problem::excerpt(line.text) + QLatin1Char('"') });
        };
        QString note;
        if (isNotARow(line.text.trimmed(), tally.internetSection, note)) {
            if (!note.isEmpty())
                report(note);
            continue;
        }
        if (line.text.size() > MaxLineLength) {
            report(tr("line too long (%1 bytes), skipped").arg(line.text.size()));
            continue;
        }
        Row row;
        tokenize(line.text, row);
        const int first = protocolColumn(row);
        if (!row.tok[first].startsWith("tcp")) {
            if (!isOtherProtocol(row.tok[first]))
                report(tr("not a netstat row"));
            continue;
        }
        ++out.lines;
        if (qsizetype(out.sockets.size()) >= options.maxSockets) {
            report(tr("more than %1 sockets: the rest of the input is ignored").arg(options.maxSockets));
            break;
        }
        SocketEntry e;
        const EndpointResult parsed = parseRow(row, first, options, e);
        if (parsed.error.isEmpty())
            keepRow(out, tally, e, parsed, first == 1, row.gapBeforeLocal, line.number);
        else
            report(parsed.error);
    }
    finish(out, source, tally);
    return out;
}
