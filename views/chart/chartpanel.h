#pragma once

#include "core/status.h"

#include "chart/statechartview.h"
#include "chart/stateseriesset.h"
#include "core/tcpstate.h"
#include "history/statehistory.h"

#include <QWidget>

#include <array>
#include <vector>

class ChartExportButton;
class RateSeries;
class QChart;
class QCheckBox;
class QComboBox;
class QDateTimeAxis;
class QLogValueAxis;
class QScrollBar;
class QToolButton;
class QValueAxis;

// Per-state socket counts over time, drawn from a StateHistory it does not own. Call refresh() once
// per poll: each series' data is replaced in one call (QXYSeries::replace), animations are off, and
// long windows are downsampled to the plot's pixel columns. Legend markers toggle states.
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Style { Lines, StackedArea };
    static constexpr std::array<qint64, 4> Windows = { 60'000, 600'000, 3'600'000, 86'400'000 };
    // The shortest time axis while the history is younger than the window.
    static constexpr qint64 MinSpanMs = 20'000;
    // The time axis drawn now (from, to), ms since the epoch.
    std::pair<qint64, qint64> timeRange() const { return { m_viewFrom, m_viewEnd }; }

    explicit ChartPanel(const StateHistory *history, QWidget *parent = nullptr);

    void refresh();

    void setStyle(Style style);
    Style style() const { return m_style; }
    void setWindowMs(qint64 ms);
    qint64 windowMs() const { return m_windowMs; }
    void setLogScale(bool on);
    // Paused: the view stays where it is while samples keep arriving; scroll back with the bar or wheel.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Shows the window ending at endMs (pauses).
    void scrollTo(qint64 endMs);
    void setStateVisible(TcpState s, bool visible);
    // Transition rates (opened, into TIME_WAIT, closed per second) on a second axis.
    void setRatesVisible(bool visible);
    bool ratesVisible() const;
    const RateSeries *rates() const { return m_rates; }
    bool isStateVisible(TcpState s) const;

    // What the Export menu writes (ChartExportButton). Empty string on success, otherwise the reason.
    Status exportPng(const QString &path) const;
    Status exportSvg(const QString &path) const;
    Status exportCsv(const QString &path) const;

    // For tests and tooltips: the counts at the sample nearest timeMs, one "STATE n" per line.
    QString valuesAt(qint64 timeMs) const;
    qint64 viewEndMs() const { return m_viewEnd; }
    QChart *chart() const { return m_chart; }
    StateChartView *view() const { return m_view; }
    // Points currently drawn for a state, over all its segments.
    qsizetype pointCount(TcpState s) const;
    int segmentCount() const { return m_series.segments(); }

Q_SIGNALS:
    void stateActivated(TcpState state);
    void windowMsChanged(qint64 ms); // the time window changed (remembered between runs)

private:
    void buildToolbar();
    void rebuildSeries(int segments);
    void connectLegend();
    void updateAxes(qint64 from, double top);
    // The tunables that changed between from and the view's end, as labelled markers.
    std::vector<StateChartView::Marker> tunableMarkers(qint64 from) const;
    void updateScrollBar(qint64 oldest, qint64 newest);
    void showTooltip(qint64 timeMs, const QPoint &globalPos);

    const StateHistory *m_history;
    QChart *m_chart = nullptr;
    StateChartView *m_view = nullptr;
    QDateTimeAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    QLogValueAxis *m_axisLog = nullptr;
    QComboBox *m_styleBox = nullptr;
    QComboBox *m_windowBox = nullptr;
    QCheckBox *m_logBox = nullptr;
    QCheckBox *m_ratesBox = nullptr;
    RateSeries *m_rates = nullptr;
    QToolButton *m_pauseButton = nullptr;
    ChartExportButton *m_export = nullptr;
    QScrollBar *m_scroll = nullptr;
    StateSeriesSet m_series;
    Style m_style = Style::Lines;
    Style m_builtStyle = Style::Lines;
    bool m_builtLog = false;
    qint64 m_windowMs = 600'000;
    bool m_log = false;
    bool m_paused = false;
    qint64 m_viewEnd = 0;
    qint64 m_viewFrom = 0;
};
