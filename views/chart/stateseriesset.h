#pragma once

#include "core/tcpstate.h"
#include "history/downsampler.h"

#include <array>
#include <vector>

class QAbstractAxis;
class QAbstractSeries;
class QAreaSeries;
class QChart;
class QLineSeries;

// The series a ChartPanel draws, per TCP state in stacking order (StatePalette::chartStates()): one per
// segment, since a gap in the history splits the line, drawn as lines or as stacked areas. The chart owns
// the series objects; this set keeps them by state and fills them from Downsampler segments.
class StateSeriesSet
{
public:
    static constexpr double LogFloor = 0.5; // a log axis cannot show 0; zero counts sit on this floor

    StateSeriesSet();

    // Replaces the chart's series with `segments` per state, attached to the axes (areas when stacked).
    void rebuild(QChart *chart, bool stacked, QAbstractAxis *x, QAbstractAxis *y, int segments);
    // Replaces every series' points with the segments'; returns the highest visible count.
    double fill(const std::vector<Downsampler::Segment> &segs, bool log);
    int segments() const { return m_segments; }

    // The state a series (line or area) draws, and whether it is its first segment's: false if none.
    bool find(const QAbstractSeries *series, TcpState &state, bool &firstSegment) const;
    // A hidden state's series stay in the chart, hidden (its legend marker stays), and add nothing to the
    // stack. False for a state the chart does not plot. Takes effect at the next rebuild() and fill().
    bool setVisible(TcpState s, bool visible);
    bool isVisible(TcpState s) const;
    // Points currently drawn for a state, over all its segments.
    qsizetype pointCount(TcpState s) const;

private:
    struct StateSeries
    {
        TcpState state = TcpState::Unknown;
        bool visible = true;
        std::vector<QLineSeries *> upper; // the line, or the top edge of the area
        std::vector<QLineSeries *> lower; // stacked mode: the bottom edge
        std::vector<QAreaSeries *> areas;
    };
    const StateSeries *seriesFor(TcpState s) const;
    void addSegment(QChart *chart, StateSeries &ss, QAbstractAxis *x, QAbstractAxis *y) const;
    // Stacked areas: this state's points on top of base (the visible states below), which moves up.
    double stackSegment(StateSeries &ss, size_t k, const QList<QPointF> &pts, QList<QPointF> &base, bool log);
    double lineSegment(StateSeries &ss, size_t k, QList<QPointF> pts, bool log);

    std::array<StateSeries, 10> m_series;
    bool m_stacked = false;
    int m_segments = 0;
};
