#pragma once

#include "core/expected.h"
#include "core/ssfilter.h"
#include "parse/ssfilterwords.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

// Parses ss(8)'s filter language (iproute2 misc/ssfilter.y and misc/ss.c) into an SsFilter:
//   [state|exclude STATE]... [EXPRESSION]
// with src/dst HOST, sport/dport [OP] PORT, not/!, and/&/&&, or/|/||, parentheses and an implicit
// `and`. As in ss's grammar, and/or/implicit-and bind equally from left to right (the man page
// claims otherwise; `ss` 6.1 runs `a or b and c` as `(a or b) and c`). Host names are not looked up.
// Errors name the column: "column 17: expected a port after ':'".
class SsFilterParser
{
public:
    // A TCP service name to its port (getservbyname(3) in sources/local/servicedatabase.h).
    using ServiceLookup = std::function<std::optional<quint16>(const QString &name)>;

    static Expected<SsFilter> parse(const QString &text, const ServiceLookup &services = SsFilterWords::builtinService);
    // The first word is a filter keyword (state, src, dport, not, '(', ...): the toolbar then reads the
    // text as an expression rather than as a plain search.
    static bool looksLikeExpression(const QString &text);

private:
    struct Token
    {
        QString text;
        int column = 0; // 1-based
    };

    SsFilterParser(const QString &text, const ServiceLookup &services);
    static std::vector<Token> tokenize(const QString &text);

    bool atEnd() const { return m_pos >= m_tokens.size(); }
    bool peekIs(const char *word) const;
    const Token &next() { return m_tokens[m_pos++]; }
    int endColumn() const { return m_end; }
    int nextColumn() const { return atEnd() ? m_end : m_tokens[m_pos].column; }
    int fail(int column, const QString &message); // returns -1, the failed node
    bool refuse(int column, const QString &message); // fail() for the bool steps

    bool parseStates();
    int parseList();
    int parseTerm();
    int parseHostTerm(const Token &keyword);
    int parsePortTerm(const Token &keyword);
    int parseOwnerTerm(const Token &keyword);
    // Value of a src/dst/sport/dport term into n; false after fail().
    bool parseHost(const Token &value, bool portOnly, SsFilter::Node &n);
    bool parsePort(const QString &text, int column, SsFilter::Node &n);
    bool parseAddress(const QString &text, int column, quint8 family, SsFilter::Node &n);
    int notOf(int node);

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_end = 1; // the column after the text
    const ServiceLookup &m_services;
    SsFilter m_filter;
    QString m_error;
};
