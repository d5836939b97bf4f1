#pragma once

#include "analysis/advisorthresholds.h"
#include "analysis/advisory.h"
#include "core/snapshot.h"

#include <optional>
#include <vector>

class ConnectionTracker;

// Rules that turn one snapshot (and, when given, the tracker's ages) into plain advice. Each rule is a
// pure function with a stable id; docs/advisories.md lists them. Thresholds are public so tests and
// the documentation state them exactly.
class Advisor
{
public:
    using Thresholds = AdvisorThresholds;

    // Every rule, most severe first.
    static std::vector<Advisory> evaluate(
        const Snapshot &snapshot, const ConnectionTracker *tracker = nullptr, const Thresholds &t = Thresholds());

    static std::optional<Advisory> twRecycleEnabled(const Snapshot &s);
    static std::optional<Advisory> twReuseInboundOnly(const Snapshot &s);
    static std::optional<Advisory> twReuseNoTimestamps(const Snapshot &s);
    static std::optional<Advisory> twBucketsNearLimit(const Snapshot &s, const Thresholds &t = Thresholds());
    static std::optional<Advisory> ephemeralPortPressure(const Snapshot &s, const Thresholds &t = Thresholds());
    static std::optional<Advisory> serverClosesFirst(const Snapshot &s, const Thresholds &t = Thresholds());
    static std::optional<Advisory> closeWaitPiling(
        const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t = Thresholds());
    static std::optional<Advisory> finWait2Piling(
        const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t = Thresholds());

    // The ids evaluate() can produce, in documentation order.
    static QStringList ruleIds();
};
