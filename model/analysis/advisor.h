#pragma once

#include "analysis/advisorthresholds.h"
#include "analysis/advisory.h"
#include "core/snapshot.h"

#include <functional>
#include <optional>
#include <utility>
#include <vector>

class ConnectionTracker;

// Rules that turn one snapshot (and, when given, the previous poll's snapshot and the tracker's ages)
// into plain advice. Each rule is a pure function with a stable id; docs/advisories.md lists them.
// Thresholds are public so tests and the documentation state them exactly. Texts are translated in
// context "Advisor" (QCoreApplication::translate); ids, sysctl names and references are not.
class Advisor
{
public:
    using Thresholds = AdvisorThresholds;

    // While one exists on this thread, the rules write English whatever translator is installed:
    // the JSON report is for machines (report/snapshotjson.cpp).
    class EnglishScope
    {
    public:
        EnglishScope()
            : m_was(std::exchange(s_english, true))
        { }
        ~EnglishScope() { s_english = m_was; }
        EnglishScope(const EnglishScope &) = delete;
        EnglishScope &operator=(const EnglishScope &) = delete;

    private:
        bool m_was;
    };

    // Every rule, most severe first. `previous` is the last poll of the same host (null: none), for
    // the rules that read a counter's growth rather than its value since boot.
    static std::vector<Advisory> evaluate(const Snapshot &snapshot, const Snapshot &previous,
        const ConnectionTracker *tracker = nullptr, const Thresholds &t = Thresholds());
    static std::vector<Advisory> evaluate(
        const Snapshot &snapshot, const ConnectionTracker *tracker = nullptr, const Thresholds &t = Thresholds());

    static std::optional<Advisory> twRecycleEnabled(const Snapshot &s);
    static std::optional<Advisory> twReuseInboundOnly(const Snapshot &s);
    static std::optional<Advisory> twReuseNoTimestamps(const Snapshot &s);
    // The rules about piles of sockets name the processes that hold them: the tracker's owners when
    // given (TIME_WAIT and orphans: the owner remembered from before they closed), else the snapshot's.
    static std::optional<Advisory> twBucketsNearLimit(
        const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t = Thresholds());
    static std::optional<Advisory> twBucketsNearLimit(const Snapshot &s, const Thresholds &t = Thresholds())
    {
        return twBucketsNearLimit(s, nullptr, t);
    }
    static std::optional<Advisory> ephemeralPortPressure(
        const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t = Thresholds());
    static std::optional<Advisory> ephemeralPortPressure(const Snapshot &s, const Thresholds &t = Thresholds())
    {
        return ephemeralPortPressure(s, nullptr, t);
    }
    static std::optional<Advisory> acceptQueueOverflow(const Snapshot &s, const Snapshot &previous);
    static std::optional<Advisory> serverClosesFirst(
        const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t = Thresholds());
    static std::optional<Advisory> serverClosesFirst(const Snapshot &s, const Thresholds &t = Thresholds())
    {
        return serverClosesFirst(s, nullptr, t);
    }
    static std::optional<Advisory> closeWaitPiling(
        const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t = Thresholds());
    static std::optional<Advisory> finWait2Piling(
        const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t = Thresholds());

    // The ids evaluate() can produce, in documentation order.
    static QStringList ruleIds();

private:
    static inline thread_local bool s_english = false; // an EnglishScope is alive on this thread
    struct Aged
    {
        qint64 ageMs = 0;
        const SocketEntry *entry = nullptr;
        bool atLeast = false; // there before the first poll: a lower bound (TrackedSocket::Since)
    };
    // QCoreApplication::translate("Advisor", text), or text itself under an EnglishScope.
    static QString tr(const char *text);
    static QString duration(qint64 ms);
    static QString list(const QStringList &items);
    static QString percent(double share); // "85%", "2.5%"
    static QString topLocalPorts(const Snapshot &s, TcpState state, int limit = 5);
    static std::vector<Aged> ages(const Snapshot &s, const ConnectionTracker *tracker, TcpState state);
    static QString oldestText(const std::vector<Aged> &aged, int limit = 3);
    using Selects = std::function<bool(const SocketEntry &)>;
    // Fills a.processes with the top 3 holders of the sockets `which` selects and adds a line each to
    // a.evidence, or one line saying why their owners are unknown. `what` names them ("CLOSE_WAIT").
    static void nameHolders(
        Advisory &a, const Snapshot &s, const ConnectionTracker *tracker, const Selects &which, const QString &what);
    static QString holderLine(const AdvisoryProcess &p, const QString &what);
    // Why a rule's sockets have no known owner, in one line; `closed`: all have inode 0, else `held`
    // of them have an inode.
    static QString unknownOwners(const SocketOwners &owners, const ConnectionTracker *tracker, bool closed, int held);
    // "leaky (pid 4121), api (pid 4122)"
    static QString holderNames(const Advisory &a);
    // fin-wait2-piling's evidence, explanation, action and reference on FreeBSD and macOS.
    static void finWait2OnBsd(const Snapshot &s, int n, const QString &oldest, Advisory &a);
};
