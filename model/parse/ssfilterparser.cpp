#include "parse/ssfilterparser.h"

#include "parse/ssfilterwords.h"

#include <arpa/inet.h>
#include <QCoreApplication>

#include <cstring>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("SsFilterParser", text);
}

using Node = SsFilter::Node;
using Op = SsFilter::Op;
using Cmp = SsFilterWords::Cmp;
using W = SsFilterWords;

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

QString quoted(const QString &s)
{
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

// Dotted IPv4 with 1 to 4 parts, missing parts zero, as iproute2's get_addr_ipv4 (lib/utils.c) reads "10/8".
bool parseIpv4(const QString &text, std::array<quint8, 16> &out)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() > 4)
        return false;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        bool ok = false;
        const uint v = parts[i].toUInt(&ok, 10);
        if (!ok || v > 255 || parts[i].isEmpty())
            return false;
        out[size_t(i)] = quint8(v);
    }
    return true;
}
} // namespace

SsFilterParser::SsFilterParser(const QString &text, const ServiceLookup &services)
    : m_tokens(tokenize(text))
    , m_end(int(text.size()) + 1)
    , m_services(services)
{ }

Expected<SsFilter> SsFilterParser::parse(const QString &text, const ServiceLookup &services)
{
    SsFilterParser p(text, services);
    if (!p.parseStates())
        return Status::failure(p.m_error);
    if (!p.atEnd()) {
        const int root = p.parseList();
        if (root < 0)
            return Status::failure(p.m_error);
        if (!p.atEnd()) // parseList stops only at ')' or the end
            return Status::failure(tr("column %1: ')' without '('").arg(p.nextColumn()));
        p.m_filter.setRoot(root);
    }
    return p.m_filter;
}

bool SsFilterParser::looksLikeExpression(const QString &text)
{
    const std::vector<Token> t = tokenize(text);
    return !t.empty()
        && (W::isKeyword(t.front().text) || W::isNot(t.front().text)
            || W::oneOf(t.front().text, { "state", "exclude", "excl", "process", "pid", "unit" }));
}

// Words split at blanks, as ss's get_token_from_line(); '(' and ')' are words on their own even when
// written against a term, which ss would refuse.
std::vector<SsFilterParser::Token> SsFilterParser::tokenize(const QString &text)
{
    std::vector<Token> out;
    for (qsizetype i = 0; i < text.size();) {
        if (isSpace(text[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        if (text[i] == QLatin1Char('(') || text[i] == QLatin1Char(')')) {
            ++i;
        } else {
            while (i < text.size() && !isSpace(text[i]) && text[i] != QLatin1Char('(') && text[i] != QLatin1Char(')'))
                ++i;
        }
        out.push_back({ text.sliced(start, i - start), int(start) + 1 });
    }
    return out;
}

bool SsFilterParser::peekIs(const char *word) const
{
    return !atEnd() && m_tokens[m_pos].text == QLatin1StringView(word);
}

int SsFilterParser::fail(int column, const QString &message)
{
    if (m_error.isEmpty())
        m_error = tr("column %1: %2").arg(column).arg(message);
    return -1;
}

bool SsFilterParser::refuse(int column, const QString &message)
{
    fail(column, message);
    return false;
}

// ss reads `state` and `exclude` in main() before the expression: the first `state` starts from no
// state, the first `exclude` from all of them (misc/ss.c).
bool SsFilterParser::parseStates()
{
    bool saw = false;
    quint32 mask = SsFilter::AllStates;
    while (peekIs("state") || peekIs("exclude") || peekIs("excl")) {
        const Token kw = next();
        if (atEnd())
            return refuse(m_end, tr("expected a state name after %1").arg(quoted(kw.text)));
        const Token name = next();
        const quint32 bits = W::stateBits(name.text);
        if (!bits)
            return refuse(name.column,
                tr("%1 is not a state (established, syn-sent, syn-recv, fin-wait-1, fin-wait-2, "
                   "time-wait, closed, close-wait, last-ack, listening, closing, or a group: "
                   "all, connected, synchronized, bucket, big)")
                    .arg(quoted(name.text)));
        const bool include = kw.text == QLatin1String("state");
        if (!saw)
            mask = include ? 0 : SsFilter::AllStates;
        mask = include ? mask | bits : mask & ~bits;
        saw = true;
    }
    m_filter.setStates(mask);
    return true;
}

// exprlist of ssfilter.y: terms joined by and, or or nothing (and), all left-associative.
int SsFilterParser::parseList()
{
    int left = parseTerm();
    while (left >= 0 && !atEnd() && !peekIs(")")) {
        Op op = Op::And;
        if (W::isAnd(m_tokens[m_pos].text) || W::isOr(m_tokens[m_pos].text)) {
            op = W::isOr(next().text) ? Op::Or : Op::And;
            if (atEnd())
                return fail(m_end, tr("expected a term after %1").arg(quoted(m_tokens[m_pos - 1].text)));
        }
        const int right = parseTerm();
        if (right < 0)
            return -1;
        Node n;
        n.op = op;
        n.left = left;
        n.right = right;
        left = m_filter.add(n);
    }
    return left;
}

int SsFilterParser::notOf(int node)
{
    if (node < 0)
        return -1;
    Node n;
    n.op = Op::Not;
    n.left = node;
    return m_filter.add(n);
}

int SsFilterParser::parseTerm()
{
    if (atEnd())
        return fail(m_end, tr("expected a term"));
    const Token t = next();
    const QString &w = t.text;
    if (w == QLatin1String("(")) {
        const int inner = parseList();
        if (inner < 0)
            return -1;
        if (!peekIs(")"))
            return fail(t.column, tr("'(' is not closed"));
        ++m_pos;
        return inner;
    }
    if (W::isNot(w)) {
        if (atEnd())
            return fail(m_end, tr("expected a term after %1").arg(quoted(w)));
        return notOf(parseTerm());
    }
    if (W::oneOf(w, { "src", "dst" }))
        return parseHostTerm(t);
    if (W::oneOf(w, { "sport", "dport" }))
        return parsePortTerm(t);
    if (W::oneOf(w, { "process", "pid", "unit" }))
        return parseOwnerTerm(t);
    if (W::oneOf(w, { "state", "exclude", "excl" }))
        return fail(t.column, tr("%1 goes before the expression, as in ss").arg(quoted(w)));
    if (W::oneOf(w, { "dev", "fwmark", "cgroup", "autobound" }))
        return fail(t.column,
            tr("%1 is not supported: tcpscope's snapshots do not carry the socket's device, mark, "
               "cgroup or bind flags")
                .arg(quoted(w)));
    if (w == QLatin1String(")"))
        return fail(t.column, tr("expected a term before ')'"));
    if (W::isAnd(w) || W::isOr(w))
        return fail(t.column, tr("expected a term before %1").arg(quoted(w)));
    return fail(t.column,
        tr("expected src, dst, sport, dport, process, pid, unit, not or '(' but found %1 (to search text, "
           "leave out ss's keywords)")
            .arg(quoted(w)));
}

// {src|dst} [=] HOST
int SsFilterParser::parseHostTerm(const Token &keyword)
{
    if (!atEnd()) {
        const auto cmp = W::comparison(m_tokens[m_pos].text);
        if (cmp && *cmp != Cmp::Eq)
            return fail(m_tokens[m_pos].column,
                tr("%1 takes '=' or nothing before the address, not %2")
                    .arg(quoted(keyword.text), quoted(m_tokens[m_pos].text)));
        if (cmp)
            ++m_pos;
    }
    if (atEnd() || W::isKeyword(m_tokens[m_pos].text))
        return fail(nextColumn(), tr("expected an address after %1").arg(quoted(keyword.text)));
    Node n;
    n.op = keyword.text == QLatin1String("src") ? Op::Src : Op::Dst;
    if (!parseHost(next(), false, n))
        return -1;
    return m_filter.add(n);
}

// {sport|dport} [OP] [FAMILY:][:]PORT; ssfilter.y builds > and < as the negation of <= and >=.
int SsFilterParser::parsePortTerm(const Token &keyword)
{
    Cmp cmp = Cmp::Eq;
    if (!atEnd()) {
        if (const auto c = W::comparison(m_tokens[m_pos].text)) {
            cmp = *c;
            ++m_pos;
        }
    }
    if (atEnd() || W::isKeyword(m_tokens[m_pos].text))
        return fail(nextColumn(), tr("expected a port after %1").arg(quoted(m_tokens[m_pos - 1].text)));
    Node n;
    if (!parseHost(next(), true, n))
        return -1;
    const bool src = keyword.text == QLatin1String("sport");
    switch (cmp) {
    case Cmp::Eq:
    case Cmp::Ne:
        n.op = src ? Op::Src : Op::Dst;
        break;
    case Cmp::Ge:
    case Cmp::Lt:
        n.op = src ? Op::SrcPortGe : Op::DstPortGe;
        break;
    case Cmp::Le:
    case Cmp::Gt:
        n.op = src ? Op::SrcPortLe : Op::DstPortLe;
        break;
    }
    const int node = m_filter.add(n);
    return cmp == Cmp::Ne || cmp == Cmp::Gt || cmp == Cmp::Lt ? notOf(node) : node;
}

// tcpscope's own terms (core/ssfilter.h): process NAME[*], pid N, unit NAME, matched against the
// socket's owner.
int SsFilterParser::parseOwnerTerm(const Token &keyword)
{
    const bool pid = keyword.text == QLatin1String("pid");
    const bool unit = keyword.text == QLatin1String("unit");
    const QString what = pid ? tr("a process id") : unit ? tr("a systemd unit name") : tr("a process name");
    if (atEnd() || W::isKeyword(m_tokens[m_pos].text))
        return fail(nextColumn(), tr("expected %1 after %2").arg(what, quoted(keyword.text)));
    const Token value = next();
    Node n;
    n.op = pid ? Op::Pid : unit ? Op::Unit : Op::Process;
    if (pid) {
        bool ok = false;
        const uint number = value.text.toUInt(&ok, 10);
        // pid_max is at most 2^22 (PID_MAX_LIMIT, include/linux/threads.h); 0 is no process.
        if (!ok || number == 0 || number > (1u << 22))
            return fail(
                value.column, tr("%1 is not a process id (a number from 1 to 4194304)").arg(quoted(value.text)));
        n.port = qint32(number);
        return m_filter.add(n);
    }
    QString name = value.text;
    n.prefix = !unit && name.endsWith(QLatin1Char('*'));
    if (n.prefix)
        name.chop(1);
    if (!unit && name.contains(QLatin1Char('*')))
        return fail(value.column + int(name.indexOf(QLatin1Char('*'))),
            tr("'*' may only end a process name (a prefix), as in 'process nginx*'"));
    n.text = m_filter.addText(name);
    return m_filter.add(n);
}

// [FAMILY:]ADDRESS[/PREFIX][:PORT] as parse_hostcond() of misc/ss.c splits it: "[...]" around IPv6,
// '*' for any address, else the last ':' after any '/' starts the port. portOnly: the whole text is a port.
bool SsFilterParser::parseHost(const Token &value, bool portOnly, Node &n)
{
    QString rest = value.text;
    int col = value.column;
    quint8 family = 0;
    if (rest.startsWith(QLatin1String("inet:")) || rest.startsWith(QLatin1String("inet6:"))) {
        family = rest.startsWith(QLatin1String("inet6:")) ? 6 : 4;
        const int len = family == 6 ? 6 : 5;
        rest = rest.sliced(len);
        col += len;
        m_filter.setFamily(AddressFamily(family)); // restricts the whole query, as ss -f does
    } else if (rest.startsWith(QLatin1String("unix:")) || rest.startsWith(QLatin1String("link:"))
        || rest.startsWith(QLatin1String("netlink:")) || rest.startsWith(QLatin1String("vsock:"))) {
        return refuse(col, tr("tcpscope shows TCP sockets: only inet: and inet6: addresses apply"));
    }
    QString address;
    QString port = rest;
    int portCol = col;
    int addressCol = col;
    if (!portOnly) {
        qsizetype split = -1;
        if (rest.startsWith(QLatin1Char('['))) {
            const qsizetype close = rest.indexOf(QLatin1Char(']'));
            if (close < 0)
                return refuse(col, tr("'[' without ']'"));
            address = rest.sliced(1, close - 1);
            addressCol = col + 1;
            split = close + 1;
            if (split < rest.size() && rest[split] != QLatin1Char(':'))
                return refuse(col + int(split), tr("expected ':' and a port after ']'"));
        } else if (rest.startsWith(QLatin1Char('*'))) {
            address = QStringLiteral("*");
            split = 1;
            if (split < rest.size() && rest[split] != QLatin1Char(':'))
                return refuse(col + 1, tr("expected ':' and a port after '*'"));
        } else {
            const qsizetype slash = rest.indexOf(QLatin1Char('/'));
            split = rest.lastIndexOf(QLatin1Char(':'));
            if (split < 0 || split < slash)
                split = rest.size();
            address = rest.first(split);
        }
        port = rest.sliced(std::min(split, rest.size()));
        portCol = col + int(split);
    }
    if (!port.isEmpty() && !parsePort(port, portCol, n))
        return false;
    return address.isEmpty() || address == QLatin1String("*") || parseAddress(address, addressCol, family, n);
}

bool SsFilterParser::parsePort(const QString &text, int column, Node &n)
{
    QString p = text;
    if (p.startsWith(QLatin1Char(':'))) {
        p = p.sliced(1);
        if (p.isEmpty())
            return refuse(column, tr("expected a port after ':'"));
        ++column;
    }
    if (p == QLatin1String("*"))
        return true;
    bool ok = false;
    const int number = p.toInt(&ok, 0); // get_integer(..., 0) in ss: 0x1bb and 0773 are ports too
    if (ok) {
        if (number < 0 || number > 65535)
            return refuse(column, tr("port %1 is out of range (0-65535)").arg(p));
        n.port = number;
        return true;
    }
    const auto service = m_services ? m_services(p) : std::nullopt;
    if (!service)
        return refuse(column, tr("%1 is not a port number or a known TCP service").arg(quoted(p)));
    n.port = *service;
    return true;
}

bool SsFilterParser::parseAddress(const QString &text, int column, quint8 family, Node &n)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QString addr = slash < 0 ? text : text.first(slash);
    const bool v6 = addr.contains(QLatin1Char(':'));
    if (family && (family == 6) != v6)
        return refuse(column,
            tr("%1 is not an %2 address")
                .arg(quoted(addr), family == 6 ? QStringLiteral("inet6") : QStringLiteral("inet")));
    std::array<quint8, 16> bytes {};
    const QByteArray latin = addr.toLatin1();
    const bool ok = v6 ? inet_pton(AF_INET6, latin.constData(), bytes.data()) == 1 : parseIpv4(addr, bytes);
    if (!ok)
        return refuse(column,
            tr("%1 is not an IPv4 or IPv6 address (write IPv6 in [ ]; host names are not looked up)")
                .arg(quoted(addr)));
    const int maxLen = v6 ? 128 : 32;
    int len = maxLen;
    if (slash >= 0) {
        bool lenOk = false;
        len = text.sliced(slash + 1).toInt(&lenOk, 10);
        if (!lenOk || len < 0 || len > maxLen)
            return refuse(column + int(slash) + 1, tr("expected a prefix length from 0 to %1 after '/'").arg(maxLen));
    }
    n.family = v6 ? 6 : 4;
    n.prefixLen = quint8(len);
    n.addr = bytes;
    return true;
}
