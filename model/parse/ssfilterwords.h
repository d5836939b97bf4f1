#pragma once

#include "core/ssfilter.h"

#include <QString>

#include <initializer_list>
#include <optional>

// The vocabulary of ss(8) filter expressions, as iproute2's lexer (misc/ssfilter.y yylex) and
// scan_state() (misc/ss.c) spell it, for SsFilterParser.
class SsFilterWords
{
public:
    enum class Cmp { Eq, Ne, Ge, Le, Gt, Lt };

    static bool oneOf(const QString &word, std::initializer_list<const char *> words);
    static bool isNot(const QString &word); // ! not
    static bool isAnd(const QString &word); // & && and
    static bool isOr(const QString &word); // | || or
    // Words the lexer turns into grammar tokens, so they can never be an address or a port.
    static bool isKeyword(const QString &word);
    static std::optional<Cmp> comparison(const QString &word);
    // SsFilter::stateBit() mask of a state name or group after `state`/`exclude`; 0 if none.
    static quint32 stateBits(const QString &name);
    // A few well-known ports (RFC 6335 registry), for hosts without /etc/services.
    static std::optional<quint16> builtinService(const QString &name);
};
