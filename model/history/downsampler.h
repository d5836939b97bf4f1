#pragma once

#include "history/statehistory.h"

#include <QList>
#include <QPointF>

#include <array>
#include <vector>

// Reduces a time window of the history to what a chart of `columns` pixels can show, so 24 h of 1 s
// samples draw as cheaply as one minute. Points are (ms since the epoch, count).
class Downsampler
{
public:
    static constexpr int StateCount = 11; // StateHistory::Sample::counts, kernel code - 1
    enum class Mode {
        MinMax, // per column the minimum and maximum, in time order: spikes survive (line charts)
        Max, // per column one point at the column's first time with the maximum (stacked charts)
    };
    // A stretch without gaps; points[i] belongs to the state with kernel code i + 1.
    struct Segment
    {
        std::array<QList<QPointF>, StateCount> points;
    };

    // Samples with fromMs <= time <= toMs, split where Sample::gapBefore is set. Windows with at most
    // 2 x columns samples are returned unreduced.
    static std::vector<Segment> run(const StateHistory &history, qint64 fromMs, qint64 toMs, int columns, Mode mode);
};
