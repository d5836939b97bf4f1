#pragma once

#include <QString>
#include <QtGlobal>

// How often a full snapshot may be read so tcpscope stays cheap on the host it watches. At 100k
// sockets one netlink poll costs ~90 ms of CPU, mostly in the kernel (docs/performance.md): at 1 Hz
// that alone is 9% of a core. When a poll costs more than the budget allows, full snapshots are
// spaced out to a whole multiple of the requested interval; the counters path (CountersReader)
// keeps the requested cadence. Pure: costs in, interval and an explanation out.
class SnapshotPacer
{
public:
    static constexpr double DefaultBudget = 0.05; // share of one core for full snapshots
    static constexpr int MaxFactor = 10; // never slower than 10x the requested interval

    explicit SnapshotPacer(double budget = DefaultBudget);

    void setRequestedIntervalMs(int ms);
    // What the last full poll cost (its CPU time, SnapshotData::pollCpuUs, over all its threads) and
    // how big it was.
    void recordPoll(qint64 costUs, qsizetype sockets);

    int fullIntervalMs() const { return m_requestedMs * m_factor; }
    bool isSlowed() const { return m_factor > 1; }
    // For the status bar, e.g. "100,036 sockets: a full read costs 92 ms of CPU, so the table is read every 2 s
    // (counters every 1 s)"; empty when not slowed.
    QString reason() const;

private:
    double m_budget;
    int m_requestedMs = 1000;
    int m_factor = 1;
    double m_costMs = 0; // smoothed
    qsizetype m_sockets = 0;
    bool m_haveCost = false;
};
