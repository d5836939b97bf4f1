#pragma once

#include "analysis/advisory.h"

#include <QColor>
#include <QIcon>

#include <vector>

// How a finding's severity looks wherever it is shown (the advisor panel, the findings banner, the
// advisor dock's title): one colour, one word, one dot. Advisory::severityName() stays the JSON value.
class AdvisorStyle
{
public:
    static QColor color(Advisory::Severity s);
    static QString text(Advisory::Severity s); // translated: "critical", "warning", "info"
    static QIcon dot(Advisory::Severity s);
    // The most severe finding first of equals in list order; nullptr when there is none.
    static const Advisory *top(const std::vector<Advisory> &advisories);
};
