#pragma once

#include "history/statehistory.h"

#include <QObject>

#include <array>

class QAbstractAxis;
class QChart;
class QLineSeries;
class QValueAxis;

// Transition rates beside the state counts: connections opened, entries into TIME_WAIT and closes per
// second (StateHistory::rate), dashed lines on an axis of their own at the right. Hidden until shown.
class RateSeries : public QObject
{
    Q_OBJECT
public:
    // Adds its axis to chart; rebuild() adds the series.
    explicit RateSeries(QChart *chart, QObject *parent = nullptr);
    // New series on the time axis x, after QChart::removeAllSeries() deleted the old ones.
    void rebuild(QChart *chart, QAbstractAxis *x);

    void setVisible(bool visible);
    bool isVisible() const { return m_visible; }
    // Plots from..to with at most `columns` points per series (the highest rate of each column).
    void fill(const StateHistory &history, qint64 from, qint64 to, int columns);
    // "opened 12.0/s, into TIME_WAIT 11.0/s, closed 3.0/s" at the sample i, for the chart's tooltip.
    static QString valuesAt(const StateHistory &history, qsizetype i);
    const QLineSeries *series(StateHistory::Flow f) const { return m_series[size_t(f)]; }

private:
    static QString name(StateHistory::Flow f);

    std::array<QLineSeries *, size_t(StateHistory::Flow::Count)> m_series {};
    QValueAxis *m_axis = nullptr;
    bool m_visible = false;
};
