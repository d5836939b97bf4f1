#pragma once

#include <QByteArrayView>

#include <limits>

// Byte-level helpers the text parsers share, inline for their per-field loops. Kernel and netstat output is ASCII, so
// no locale applies.
namespace AsciiText {

// The white space between fields: isspace(3) in the C locale, without '\n' (lines are already split).
inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// Unsigned decimal digits only (no sign, no spaces), at most maxDigits of them, no overflow, not above max.
inline bool parseDecimal(
    QByteArrayView t, quint64 &out, quint64 max = std::numeric_limits<quint64>::max(), qsizetype maxDigits = 20)
{
    if (t.isEmpty() || t.size() > maxDigits)
        return false;
    quint64 v = 0;
    for (char c : t) {
        if (c < '0' || c > '9')
            return false;
        const quint64 digit = quint64(c - '0');
        // v * 10 + digit would pass max (or wrap); max / 10 and max % 10 fold to constants.
        if (v > max / 10 || (v == max / 10 && digit > max % 10))
            return false;
        v = v * 10 + digit;
    }
    out = v;
    return true;
}

} // namespace AsciiText
