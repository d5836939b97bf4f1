#include "analysis/advisor.h"

#include "core/socketkey.h"
#include "tracker/connectiontracker.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>

QString Advisor::tr(const char *text)
{
    return s_english ? QString::fromUtf8(text) : QCoreApplication::translate("Advisor", text);
}

QString Advisor::duration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 120)
        return tr("%1 s").arg(s);
    if (s < 7200)
        return tr("%1 min").arg(s / 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString Advisor::percent(double share)
{
    return QString::number(share * 100.0, 'f', share < 0.1 ? 1 : 0) + QLatin1Char('%');
}

QString Advisor::list(const QStringList &items)
{
    return items.join(tr(", "));
}

// "8080 (41), 9000 (3)": the most frequent local ports of sockets in one state.
QString Advisor::topLocalPorts(const Snapshot &s, TcpState state, int limit)
{
    QMap<quint16, int> n;
    for (const SocketEntry &e : s.sockets()) {
        if (e.state == state)
            ++n[e.localPort];
    }
    std::vector<std::pair<int, quint16>> v;
    for (auto it = n.cbegin(); it != n.cend(); ++it)
        v.emplace_back(it.value(), it.key());
    std::sort(v.begin(), v.end(),
        [](auto a, auto b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    QStringList out;
    for (size_t i = 0; i < v.size() && int(i) < limit; ++i)
        out << tr("%1 (%2)").arg(v[i].second).arg(v[i].first);
    return list(out);
}

// Time each socket in `state` has been seen in it, oldest first; empty without a tracker.
std::vector<Advisor::Aged> Advisor::ages(const Snapshot &s, const ConnectionTracker *tracker, TcpState state)
{
    std::vector<Aged> out;
    if (!tracker)
        return out;
    for (const SocketEntry &e : s.sockets()) {
        if (e.state != state)
            continue;
        if (const TrackedSocket *t = tracker->find(SocketKey::of(e)))
            out.push_back(
                { std::max<qint64>(0, s.timeMs() - t->stateSinceMs), &e, t->since == TrackedSocket::Since::AtLeast });
    }
    std::sort(out.begin(), out.end(), [](const Aged &a, const Aged &b) { return a.ageMs > b.ageMs; });
    return out;
}

QString Advisor::oldestText(const std::vector<Aged> &aged, int limit)
{
    QStringList out;
    for (size_t i = 0; i < aged.size() && int(i) < limit; ++i)
        out << tr("%1 (%2 -> %3)")
                   .arg(aged[i].atLeast ? QStringLiteral("\u2265 ") + duration(aged[i].ageMs) : duration(aged[i].ageMs),
                       aged[i].entry->localText(), aged[i].entry->remoteText());
    return list(out);
}

QStringList Advisor::ruleIds()
{
    return { QStringLiteral("tw-recycle-enabled"), QStringLiteral("tw-reuse-inbound-only"),
        QStringLiteral("tw-reuse-no-timestamps"), QStringLiteral("tw-buckets-near-limit"),
        QStringLiteral("ephemeral-port-pressure"), QStringLiteral("accept-queue-overflow"),
        QStringLiteral("server-closes-first"), QStringLiteral("close-wait-piling"),
        QStringLiteral("fin-wait2-piling") };
}

std::vector<Advisory> Advisor::evaluate(const Snapshot &s, const ConnectionTracker *tracker, const Thresholds &t)
{
    return evaluate(s, Snapshot(), tracker, t);
}

std::vector<Advisory> Advisor::evaluate(
    const Snapshot &s, const Snapshot &previous, const ConnectionTracker *tracker, const Thresholds &t)
{
    std::vector<Advisory> out;
    if (!s.isValid())
        return out;
    for (auto a : { twRecycleEnabled(s), twReuseInboundOnly(s), twReuseNoTimestamps(s),
             twBucketsNearLimit(s, tracker, t), ephemeralPortPressure(s, tracker, t), acceptQueueOverflow(s, previous),
             serverClosesFirst(s, tracker, t), closeWaitPiling(s, tracker, t), finWait2Piling(s, tracker, t) }) {
        if (a)
            out.push_back(std::move(*a));
    }
    std::stable_sort(
        out.begin(), out.end(), [](const Advisory &a, const Advisory &b) { return a.severity > b.severity; });
    return out;
}
