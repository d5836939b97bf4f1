#include "chart/chartpanel.h"

#include "chart/chartexportbutton.h"
#include "chart/rateseries.h"
#include "chart/statechartview.h"
#include "common/statepalette.h"
#include "history/downsampler.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <QScrollBar>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace {
constexpr double LogFloor = StateSeriesSet::LogFloor;

double niceCeiling(double v)
{
    if (v <= 5)
        return 5;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        if (m * p >= v)
            return m * p;
    }
    return 10 * p;
}

QString windowName(qint64 ms)
{
    return ms < 3'600'000 ? ChartPanel::tr("%1 min").arg(ms / 60'000) : ChartPanel::tr("%1 h").arg(ms / 3'600'000);
}

QString shortName(const QString &sysctl)
{
    return sysctl.section(QLatin1Char('.'), -1);
}

// Where one segment ends and the next begins: no samples there (the poller stopped or the host slept).
std::vector<StateChartView::Gap> gapsBetween(const std::vector<Downsampler::Segment> &segs)
{
    std::vector<StateChartView::Gap> gaps;
    for (size_t k = 1; k < segs.size(); ++k) {
        const auto &prev = segs[k - 1].points[0];
        const auto &next = segs[k].points[0];
        if (!prev.isEmpty() && !next.isEmpty())
            gaps.push_back({ qint64(prev.last().x()), qint64(next.first().x()) });
    }
    return gaps;
}
} // namespace

ChartPanel::ChartPanel(const StateHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
{
    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation); // live data: replace, never animate
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setBackgroundRoundness(0);
    m_axisX = new QDateTimeAxis(this);
    m_axisX->setTickCount(7);
    m_axisX->setTitleText(tr("time"));
    m_axisY = new QValueAxis(this);
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setTitleText(tr("sockets"));
    m_axisLog = new QLogValueAxis(this);
    m_axisLog->setLabelFormat(QStringLiteral("%g"));
    m_axisLog->setTitleText(tr("sockets (log)"));
    m_axisLog->setMinorTickCount(-1);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_chart->addAxis(m_axisLog, Qt::AlignLeft);
    m_axisLog->setVisible(false);
    m_rates = new RateSeries(m_chart, this);

    m_view = new StateChartView(m_chart, this);
    m_view->setMinimumSize(480, 280);
    m_scroll = new QScrollBar(Qt::Horizontal, this);
    m_scroll->setToolTip(tr("Scroll back in the history (pauses the live view)"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    buildToolbar();
    layout->addWidget(m_view, 1);
    layout->addWidget(m_scroll);

    connect(m_view, &StateChartView::hovered, this, &ChartPanel::showTooltip);
    connect(m_view, &StateChartView::hoverLeft, this, [] { QToolTip::hideText(); });
    connect(m_view, &StateChartView::scrollRequested, this, [this](int steps) {
        const qint64 newest = m_history->isEmpty() ? m_viewEnd : m_history->last().timeMs;
        const qint64 end = std::min(newest, m_viewEnd + steps * m_windowMs / 10);
        if (end >= newest && steps > 0)
            setPaused(false);
        else
            scrollTo(end);
    });
    connect(m_scroll, &QScrollBar::actionTriggered, this, [this](int) {
        // Fires only for user actions; sliderPosition is already the new value.
        const qint64 end = qint64(m_scroll->sliderPosition()) * 1000;
        if (m_scroll->sliderPosition() >= m_scroll->maximum())
            setPaused(false);
        else
            scrollTo(end);
    });
    rebuildSeries(1);
    refresh();
}

void ChartPanel::buildToolbar()
{
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    m_styleBox = new QComboBox(this);
    m_styleBox->addItem(tr("Lines"));
    m_styleBox->addItem(tr("Stacked areas"));
    m_windowBox = new QComboBox(this);
    for (qint64 w : Windows)
        m_windowBox->addItem(windowName(w), w);
    m_windowBox->setCurrentIndex(1);
    m_logBox = new QCheckBox(tr("Log scale"), this);
    m_ratesBox = new QCheckBox(tr("Rates"), this);
    m_ratesBox->setToolTip(tr("Transitions per second beside the counts: connections opened, entries into "
                              "TIME_WAIT, closes (exact with eBPF events, else inferred from the polls)"));
    m_pauseButton = new QToolButton(this);
    m_pauseButton->setText(tr("Pause"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Freeze the view; the history keeps recording"));
    m_export = new ChartExportButton(m_view, m_history, this);

    bar->addWidget(new QLabel(tr("Window"), this));
    bar->addWidget(m_windowBox);
    bar->addWidget(m_styleBox);
    bar->addWidget(m_logBox);
    bar->addWidget(m_ratesBox);
    bar->addStretch(1);
    bar->addWidget(m_pauseButton);
    bar->addWidget(m_export);
    static_cast<QVBoxLayout *>(layout())->addLayout(bar);

    connect(m_styleBox, &QComboBox::activated, this,
        [this](int i) { setStyle(i == 0 ? Style::Lines : Style::StackedArea); });
    connect(m_windowBox, &QComboBox::activated, this,
        [this](int i) { setWindowMs(m_windowBox->itemData(i).toLongLong()); });
    connect(m_logBox, &QCheckBox::toggled, this, &ChartPanel::setLogScale);
    connect(m_ratesBox, &QCheckBox::toggled, this, &ChartPanel::setRatesVisible);
    connect(m_pauseButton, &QToolButton::toggled, this, &ChartPanel::setPaused);
}

void ChartPanel::setStyle(Style style)
{
    m_style = style;
    m_styleBox->setCurrentIndex(style == Style::Lines ? 0 : 1);
    refresh();
}

void ChartPanel::setWindowMs(qint64 ms)
{
    const qint64 old = m_windowMs;
    m_windowMs = std::max<qint64>(ms, 10'000);
    const int i = m_windowBox->findData(m_windowMs);
    if (i >= 0)
        m_windowBox->setCurrentIndex(i);
    refresh();
    if (m_windowMs != old)
        Q_EMIT windowMsChanged(m_windowMs);
}

void ChartPanel::setLogScale(bool on)
{
    m_log = on;
    const QSignalBlocker block(m_logBox);
    m_logBox->setChecked(on);
    refresh();
}

void ChartPanel::setPaused(bool paused)
{
    m_paused = paused;
    const QSignalBlocker block(m_pauseButton);
    m_pauseButton->setChecked(paused);
    m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
    refresh();
}

void ChartPanel::scrollTo(qint64 endMs)
{
    m_viewEnd = endMs;
    if (!m_paused)
        setPaused(true); // refreshes
    else
        refresh();
}

void ChartPanel::setStateVisible(TcpState s, bool visible)
{
    if (m_series.setVisible(s, visible)) {
        rebuildSeries(m_series.segments()); // restyles the legend marker
        refresh();
    }
}

bool ChartPanel::isStateVisible(TcpState s) const
{
    return m_series.isVisible(s);
}

void ChartPanel::rebuildSeries(int segments)
{
    // Both axes stay in the chart (swapping them leaves stale labels in Qt 6.4); only one is shown.
    QAbstractAxis *yAxis = m_log ? static_cast<QAbstractAxis *>(m_axisLog) : m_axisY;
    m_axisLog->setVisible(m_log);
    m_axisY->setVisible(!m_log);
    m_series.rebuild(m_chart, m_style == Style::StackedArea, m_axisX, yAxis, segments);
    m_rates->rebuild(m_chart, m_axisX);
    m_builtStyle = m_style;
    m_builtLog = m_log;
    connectLegend();
}

void ChartPanel::connectLegend()
{
    // One marker per state (the first segment's), dimmed when the state is hidden; click toggles it.
    const QList<QLegendMarker *> markers = m_chart->legend()->markers();
    for (QLegendMarker *marker : markers) {
        TcpState state = TcpState::Unknown;
        bool first = false;
        if (!m_series.find(marker->series(), state, first))
            continue;
        marker->setVisible(first);
        if (!first)
            continue;
        if (!m_series.isVisible(state)) {
            marker->setLabelBrush(QColor(160, 160, 160));
            marker->setBrush(QColor(220, 220, 220));
            marker->setPen(QPen(QColor(200, 200, 200)));
        }
        connect(marker, &QLegendMarker::clicked, this, [this, state] {
            setStateVisible(state, !isStateVisible(state));
            Q_EMIT stateActivated(state);
        });
    }
}

void ChartPanel::refresh()
{
    const bool empty = !m_history || m_history->isEmpty();
    const qint64 newest = empty ? QDateTime::currentMSecsSinceEpoch() : m_history->last().timeMs;
    const qint64 oldest = empty ? newest : m_history->at(0).timeMs;
    if (!m_paused)
        m_viewEnd = newest;
    m_viewEnd = std::clamp(m_viewEnd, std::min(oldest + m_windowMs, newest), newest);
    // Until the history fills the window the axis spans the data there is (then it scrolls), so the
    // first minutes are not a sliver at the right edge of an empty 10-minute axis.
    const qint64 from = std::max(m_viewEnd - m_windowMs, std::min(oldest, m_viewEnd - MinSpanMs));
    m_viewFrom = from;

    const int columns = std::max(100, int(m_chart->plotArea().width()));
    const auto mode = m_style == Style::Lines ? Downsampler::Mode::MinMax : Downsampler::Mode::Max;
    const std::vector<Downsampler::Segment> segs
        = empty ? std::vector<Downsampler::Segment>() : Downsampler::run(*m_history, from, m_viewEnd, columns, mode);
    const int needed = std::max(1, int(segs.size()));
    if (needed != m_series.segments() || m_builtStyle != m_style || m_builtLog != m_log)
        rebuildSeries(needed);

    updateAxes(from, m_series.fill(segs, m_log));
    if (!empty)
        m_rates->fill(*m_history, from, m_viewEnd, columns);
    m_view->setGaps(gapsBetween(segs));
    m_view->setMarkers(tunableMarkers(from));
    updateScrollBar(oldest, newest);
}

void ChartPanel::updateAxes(qint64 from, double top)
{
    m_axisX->setFormat(m_windowMs <= 600'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    // Ticks a round duration apart: 10 s, 2 min, 10 min, 3 h (few enough for a docked chart ~500 px wide).
    m_axisX->setTickCount(m_windowMs <= 60'000 ? 7 : m_windowMs <= 600'000 ? 6 : m_windowMs <= 3'600'000 ? 7 : 9);
    m_axisX->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(m_viewEnd));
    if (m_log)
        m_axisLog->setRange(LogFloor, std::max(10.0, std::pow(10.0, std::ceil(std::log10(std::max(top, 1.0) * 1.2)))));
    else
        m_axisY->setRange(0, niceCeiling(top * 1.05));
    if (!m_log)
        m_axisY->applyNiceNumbers();
    m_view->setTimeRange(from, m_viewEnd);
}

std::vector<StateChartView::Marker> ChartPanel::tunableMarkers(qint64 from) const
{
    std::vector<StateChartView::Marker> markers;
    if (!m_history)
        return markers;
    for (const StateHistory::TunableChange &c : m_history->tunableChanges()) {
        if (c.timeMs < from || c.timeMs > m_viewEnd)
            continue;
        const QString what = c.oldValue.isEmpty() ? tr("appeared: %1").arg(c.newValue.simplified())
            : c.newValue.isEmpty()                ? tr("removed")
                                   : c.oldValue.simplified() + QStringLiteral(" \u2192 ") + c.newValue.simplified();
        markers.push_back({ c.timeMs, shortName(c.name) + QLatin1Char(' ') + what });
    }
    return markers;
}

void ChartPanel::updateScrollBar(qint64 oldest, qint64 newest)
{
    const QSignalBlocker block(m_scroll);
    const int max = int(newest / 1000);
    const int min = std::min(max, int((oldest + m_windowMs) / 1000));
    m_scroll->setRange(min, max);
    m_scroll->setPageStep(int(m_windowMs / 1000));
    m_scroll->setSingleStep(std::max(1, int(m_windowMs / 10'000)));
    m_scroll->setValue(int(m_viewEnd / 1000));
    m_scroll->setEnabled(max > min);
}

QString ChartPanel::valuesAt(qint64 timeMs) const
{
    if (!m_history || m_history->isEmpty())
        return {};
    qsizetype i = m_history->lowerBound(timeMs);
    if (i >= m_history->size() || (i > 0 && timeMs - m_history->at(i - 1).timeMs < m_history->at(i).timeMs - timeMs))
        i = std::max<qsizetype>(0, std::min(i, m_history->size()) - 1);
    const StateHistory::Sample &s = m_history->at(i);
    QString out = QDateTime::fromMSecsSinceEpoch(s.timeMs).toString(QStringLiteral("HH:mm:ss"));
    for (TcpState state : StatePalette::chartStates()) {
        if (m_series.isVisible(state))
            out += QLatin1Char('\n') + TcpStates::kernelName(state) + QLatin1Char(' ')
                + QString::number(s.count(state));
    }
    return out;
}

void ChartPanel::showTooltip(qint64 timeMs, const QPoint &globalPos)
{
    const QStringList lines = valuesAt(timeMs).split(QLatin1Char('\n'));
    if (lines.isEmpty() || lines.first().isEmpty())
        return;
    QString html = QStringLiteral("<b>%1</b><table cellspacing=0 cellpadding=1>").arg(lines.first());
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString name = lines[i].section(QLatin1Char(' '), 0, 0);
        const auto st = TcpStates::fromKernelName(name);
        html += QStringLiteral("<tr><td><span style='color:%1'>\u25A0</span> %2</td><td align=right>&nbsp;%3</td></tr>")
                    .arg(StatePalette::color(st.value_or(TcpState::Unknown)).name(), name,
                        lines[i].section(QLatin1Char(' '), 1));
    }
    if (m_rates->isVisible() && m_history && m_history->size() > 0) {
        const qsizetype i = std::clamp<qsizetype>(m_history->lowerBound(timeMs), 0, m_history->size() - 1);
        for (const QString &line : RateSeries::valuesAt(*m_history, i).split(QLatin1Char('\n')))
            html += QStringLiteral("<tr><td>\u2504 %1</td><td align=right>&nbsp;%2</td></tr>")
                        .arg(line.section(QLatin1Char(' '), 0, -2), line.section(QLatin1Char(' '), -1));
    }
    QToolTip::showText(globalPos + QPoint(14, 14), html + QStringLiteral("</table>"), m_view);
}

void ChartPanel::setRatesVisible(bool visible)
{
    if (m_ratesBox->isChecked() != visible)
        m_ratesBox->setChecked(visible); // comes back here through toggled
    m_rates->setVisible(visible);
    refresh();
}

bool ChartPanel::ratesVisible() const
{
    return m_rates->isVisible();
}

qsizetype ChartPanel::pointCount(TcpState s) const
{
    return m_series.pointCount(s);
}

Status ChartPanel::exportPng(const QString &path) const
{
    return m_export->writePng(path);
}

Status ChartPanel::exportSvg(const QString &path) const
{
    return m_export->writeSvg(path);
}

Status ChartPanel::exportCsv(const QString &path) const
{
    return m_export->writeCsv(path);
}
