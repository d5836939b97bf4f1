#pragma once

#include "core/snapshot.h"

#include <QString>

#include <array>
#include <vector>

// Per-state counts over time in a fixed-size ring: 24 h at 1 s is 86,400 samples of 56 bytes
// (4.8 MB), allocated once. Also remembers when a tunable changed, for chart markers.
class StateHistory
{
public:
    // Transitions between the previous sample and this one, counted from the tracker's paths (hops the
    // kernel reported with eBPF, else inferred): plotted as rates beside the counts.
    enum class Flow : quint8 { Opened, EnteredTimeWait, Closed, Count };
    struct Sample
    {
        qint64 timeMs = 0;
        std::array<quint32, 11> counts {}; // index = kernel state code - 1 (ESTABLISHED .. CLOSING)
        std::array<quint32, size_t(Flow::Count)> flows {};
        bool gapBefore = false; // the source was unavailable before this sample

        quint32 count(TcpState s) const;
        quint32 flow(Flow f) const { return flows[size_t(f)]; }
    };
    struct TunableChange
    {
        qint64 timeMs = 0;
        QString name;
        QString oldValue; // empty with present == false: the sysctl appeared
        QString newValue;
    };
    static constexpr qsizetype MaxTunableChanges = 1000;

    explicit StateHistory(qsizetype capacity = 86'400);

    void append(const Snapshot &snapshot, const std::array<quint32, size_t(Flow::Count)> &flows = {});
    // Transitions per second into f over the sample at i (0 for the first sample and after a gap).
    double rate(qsizetype i, Flow f) const;
    void append(const Sample &sample);
    // The next sample is marked as following a gap (a dropped SSH link, a paused source).
    void markGap() { m_pendingGap = true; }
    void clear();

    qsizetype capacity() const { return qsizetype(m_ring.size()); }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // i = 0 is the oldest kept sample.
    const Sample &at(qsizetype i) const;
    const Sample &last() const { return at(m_size - 1); }
    // Index of the first sample at or after timeMs (size() when none).
    qsizetype lowerBound(qint64 timeMs) const;
    const std::vector<TunableChange> &tunableChanges() const { return m_changes; }
    qsizetype memoryBytes() const;

private:
    std::vector<Sample> m_ring;
    qsizetype m_head = 0; // index of the oldest sample
    qsizetype m_size = 0;
    bool m_pendingGap = false;
    bool m_haveTunables = false;
    Tunables m_lastTunables;
    std::vector<TunableChange> m_changes;
};
