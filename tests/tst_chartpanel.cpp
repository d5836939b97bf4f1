// The chart panel against a synthetic history: a burst of short connections makes TIME_WAIT rise and
// decay 60 s later (TCP_TIMEWAIT_LEN), a tunable change leaves a marker, a dropped source a gap.
// Set TCPSCOPE_SCREENSHOT_DIR to also save the rendered panel as PNGs for review.
#include "chart/chartpanel.h"
#include "chart/rateseries.h"
#include "chart/statechartview.h"

#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QFile>
#include <QImage>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {
constexpr qint64 T0 = 1'763'768'000'000; // 2025-11-21 23:20 UTC

Tunables tunables(const QString &reuse)
{
    Tunables t;
    t.set(QStringLiteral("net.ipv4.tcp_tw_reuse"), reuse);
    t.set(QStringLiteral("net.ipv4.tcp_fin_timeout"), QStringLiteral("60"));
    return t;
}

// A snapshot holding exactly `counts` sockets per state (distinct 4-tuples).
Snapshot snapshot(qint64 timeMs, const std::map<TcpState, int> &counts, const Tunables &t)
{
    SnapshotData d;
    d.timeMs = timeMs;
    d.host = QStringLiteral("chart-test");
    d.tunables = t;
    quint16 port = 1;
    for (const auto &[state, n] : counts) {
        for (int i = 0; i < n; ++i) {
            SocketEntry e;
            e.localAddr = { 127, 0, 0, 1 };
            e.remoteAddr = { 127, 0, 0, 2 };
            e.state = state;
            e.localPort = port++;
            e.remotePort = 80;
            d.sockets.push_back(e);
        }
    }
    return Snapshot(std::move(d));
}

// 10 minutes at 1 s. Bursts of short client connections at 120-150 s (20/s) and 300-330 s (40/s):
// each leaves a TIME_WAIT socket for exactly 60 s. tcp_tw_reuse goes 2 -> 1 at 240 s; the source is
// unreadable from 420 to 440 s.
int timeWaitAt(int s)
{
    int tw = 0;
    for (int c = std::max(0, s - 59); c <= s; ++c)
        tw += (c >= 120 && c < 150) ? 20 : (c >= 300 && c < 330) ? 40 : (c % 7 == 0 ? 1 : 0);
    return tw;
}

void fill(StateHistory &h)
{
    for (int s = 0; s < 600; ++s) {
        if (s >= 420 && s < 440) {
            h.append(Snapshot()); // invalid: the history marks a gap
            continue;
        }
        const int tw = timeWaitAt(s);
        const int est = 40 + int(8 * std::sin(s / 23.0)) + ((s >= 120 && s < 150) || (s >= 300 && s < 330) ? 25 : 0);
        h.append(snapshot(T0 + s * 1000,
            { { TcpState::Established, est }, { TcpState::Listen, 8 }, { TcpState::TimeWait, tw },
                { TcpState::CloseWait, 3 + (s / 90) }, { TcpState::FinWait2, (s % 40 < 5) ? 4 : 1 },
                { TcpState::SynRecv, s % 50 == 0 ? 2 : 0 } },
            tunables(s < 240 ? QStringLiteral("2") : QStringLiteral("1"))));
    }
}

void maybeSave(QWidget *w, const char *name)
{
    const QString dir = qEnvironmentVariable("TCPSCOPE_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QApplication::processEvents(); // let the chart lay out a changed axis before grabbing
        w->grab().save(dir + QLatin1Char('/') + QLatin1String(name));
    }
}
} // namespace

class TestChartPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void timeWaitRiseAndDecay();
    void refreshReplacesWithoutRebuilding();
    void gapsBreakTheLines();
    void tunableChangeMarker();
    void legendTogglesStates();
    void stackedAndLog();
    void pauseAndScrollBack();
    void dayWindowIsDownsampled();
    void exports();
    void ratesBesideCounts();
    void axisSpansTheDataUntilTheWindowIsFull();

private:
    StateHistory m_history { 86'400 };
};

void TestChartPanel::initTestCase()
{
    fill(m_history);
    QCOMPARE(m_history.size(), 580);
    QCOMPARE(m_history.tunableChanges().size(), size_t(1));
}

void TestChartPanel::timeWaitRiseAndDecay()
{
    ChartPanel panel(&m_history);
    panel.resize(1000, 520);
    panel.show();
    panel.refresh();
    maybeSave(&panel, "chart-panel.png");
    QCOMPARE(panel.pointCount(TcpState::TimeWait), 580); // 10 min window, unreduced
    // Burst 1 peaks at 600 + background; 60 s after it ends, only the background remains.
    const auto tw = [&panel](int s) {
        const QString v = panel.valuesAt(T0 + s * 1000);
        return v.section(QStringLiteral("TIME_WAIT "), 1).section(QLatin1Char('\n'), 0, 0).toInt();
    };
    QCOMPARE(tw(149), 605); // 30 s x 20 connections/s, plus 5 background ones
    QCOMPARE(timeWaitAt(149), 605);
    QVERIFY(tw(215) < 10); // 60 s after the burst ended, every socket of it has gone
    QCOMPARE(tw(329), 1204);
    QCOMPARE(tw(395), timeWaitAt(395));
    QVERIFY(tw(395) < 10);
    QCOMPARE(panel.valuesAt(T0 + 329'400), panel.valuesAt(T0 + 329'000)); // nearest sample
    QVERIFY(!panel.chart()->isZoomed());
    QCOMPARE(panel.chart()->animationOptions(), QChart::NoAnimation);
}

void TestChartPanel::refreshReplacesWithoutRebuilding()
{
    ChartPanel panel(&m_history);
    panel.resize(1000, 520);
    panel.refresh();
    const QList<QAbstractSeries *> before = panel.chart()->series();
    panel.refresh();
    panel.refresh();
    QCOMPARE(panel.chart()->series(), before); // same objects: data replaced, not recreated
}

void TestChartPanel::gapsBreakTheLines()
{
    ChartPanel panel(&m_history);
    panel.resize(1000, 520);
    panel.show();
    panel.refresh();
    QCOMPARE(panel.segmentCount(), 2);
    // Every state has a series per segment; only the first shows in the legend.
    int visibleMarkers = 0;
    for (QLegendMarker *m : panel.chart()->legend()->markers())
        visibleMarkers += m->isVisible() ? 1 : 0;
    QCOMPARE(visibleMarkers, 10);
    panel.setWindowMs(60'000); // the last minute has no gap
    QCOMPARE(panel.segmentCount(), 1);
}

void TestChartPanel::tunableChangeMarker()
{
    ChartPanel panel(&m_history);
    panel.refresh();
    QCOMPARE(panel.view()->markers().size(), size_t(1));
    QCOMPARE(panel.view()->markers().front().timeMs, T0 + 240'000);
    QCOMPARE(panel.view()->markers().front().label, QStringLiteral("tcp_tw_reuse 2 \u2192 1"));
    panel.setWindowMs(60'000);
    QVERIFY(panel.view()->markers().empty()); // outside the last minute
}

void TestChartPanel::legendTogglesStates()
{
    ChartPanel panel(&m_history);
    panel.show();
    panel.refresh();
    QSignalSpy activated(&panel, &ChartPanel::stateActivated);
    QLegendMarker *tw = nullptr;
    for (QLegendMarker *m : panel.chart()->legend()->markers()) {
        if (m->isVisible() && m->label() == QStringLiteral("TIME_WAIT"))
            tw = m;
    }
    QVERIFY(tw);
    Q_EMIT tw->clicked();
    QCOMPARE(activated.count(), 1);
    QVERIFY(!panel.isStateVisible(TcpState::TimeWait));
    QVERIFY(!panel.valuesAt(T0 + 149'000).contains(QStringLiteral("TIME_WAIT")));
    for (QAbstractSeries *s : panel.chart()->series()) {
        if (s->name() == QStringLiteral("TIME_WAIT"))
            QVERIFY(!s->isVisible());
    }
    panel.setStateVisible(TcpState::TimeWait, true);
    QVERIFY(panel.valuesAt(T0 + 149'000).contains(QStringLiteral("TIME_WAIT 605")));
}

void TestChartPanel::stackedAndLog()
{
    ChartPanel panel(&m_history);
    panel.resize(1000, 520);
    panel.show();
    panel.setStyle(ChartPanel::Style::StackedArea);
    maybeSave(&panel, "chart-panel-stacked.png");
    QVERIFY(qobject_cast<QAreaSeries *>(panel.chart()->series().first()));
    // The top edge of the last stacked state is the total at each time.
    const auto *top = qobject_cast<QAreaSeries *>(panel.chart()->series().at(9))->upperSeries();
    QVERIFY(top->count() > 0);
    panel.setStyle(ChartPanel::Style::Lines);
    panel.setLogScale(true);
    maybeSave(&panel, "chart-panel-log.png");
    const auto shownAxis = [&panel]() -> QAbstractAxis * {
        QList<QAbstractAxis *> shown;
        for (QAbstractAxis *a : panel.chart()->axes(Qt::Vertical)) {
            if (a->isVisible())
                shown << a;
        }
        return shown.size() == 1 ? shown.first() : nullptr; // never two vertical axes at once
    };
    QVERIFY(qobject_cast<QLogValueAxis *>(shownAxis()));
    QVERIFY(qobject_cast<QLogValueAxis *>(panel.chart()->series().first()->attachedAxes().at(1)));
    panel.setLogScale(false);
    QVERIFY(!qobject_cast<QLogValueAxis *>(shownAxis()));
}

void TestChartPanel::pauseAndScrollBack()
{
    StateHistory h(1000);
    for (int s = 0; s < 300; ++s)
        h.append(snapshot(T0 + s * 1000, { { TcpState::Established, s } }, tunables(QStringLiteral("2"))));
    ChartPanel panel(&h);
    panel.setWindowMs(60'000);
    QCOMPARE(panel.viewEndMs(), T0 + 299'000);
    panel.setPaused(true);
    h.append(snapshot(T0 + 300'000, { { TcpState::Established, 5 } }, tunables(QStringLiteral("2"))));
    panel.refresh();
    QCOMPARE(panel.viewEndMs(), T0 + 299'000); // frozen while paused
    panel.scrollTo(T0 + 100'000);
    QCOMPARE(panel.viewEndMs(), T0 + 100'000);
    QVERIFY(panel.valuesAt(T0 + 90'000).contains(QStringLiteral("ESTABLISHED 90")));
    panel.scrollTo(T0); // clamped: a full window from the oldest sample
    QCOMPARE(panel.viewEndMs(), T0 + 60'000);
    panel.setPaused(false);
    QCOMPARE(panel.viewEndMs(), T0 + 300'000);
}

void TestChartPanel::dayWindowIsDownsampled()
{
    StateHistory h(86'400);
    for (int s = 0; s < 86'400; ++s) {
        StateHistory::Sample sm;
        sm.timeMs = T0 + qint64(s) * 1000;
        sm.counts[5] = quint32(100 + (s % 13) + (s == 50'000 ? 3000 : 0)); // TIME_WAIT
        h.append(sm);
    }
    ChartPanel panel(&h);
    panel.resize(1200, 500);
    panel.show();
    panel.setWindowMs(86'400'000);
    const int columns = int(panel.chart()->plotArea().width());
    QVERIFY(columns > 500);
    QVERIFY2(panel.pointCount(TcpState::TimeWait) <= 2 * columns + 2,
        qPrintable(QString::number(panel.pointCount(TcpState::TimeWait))));
    double max = 0;
    for (QAbstractSeries *s : panel.chart()->series()) {
        if (s->name() == QStringLiteral("TIME_WAIT")) {
            for (const QPointF &p : static_cast<QLineSeries *>(s)->points())
                max = std::max(max, p.y());
        }
    }
    QCOMPARE(max, 3000.0 + 100 + (50'000 % 13)); // the spike survives downsampling
    maybeSave(&panel, "chart-panel-24h.png");
}

void TestChartPanel::exports()
{
    ChartPanel panel(&m_history);
    panel.resize(900, 480);
    panel.show();
    panel.refresh();
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("c.png"));
    const QString svg = dir.filePath(QStringLiteral("c.svg"));
    const QString csv = dir.filePath(QStringLiteral("h.csv"));
    const Status pngWritten = panel.exportPng(png);
    QVERIFY2(pngWritten.ok(), qPrintable(pngWritten.error()));
    const Status svgWritten = panel.exportSvg(svg);
    QVERIFY2(svgWritten.ok(), qPrintable(svgWritten.error()));
    const Status csvWritten = panel.exportCsv(csv);
    QVERIFY2(csvWritten.ok(), qPrintable(csvWritten.error()));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 400 && image.height() >= 200);
    QFile s(svg);
    QVERIFY(s.open(QIODevice::ReadOnly));
    const QByteArray svgText = s.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("TIME_WAIT"));
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = c.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 580);
    QCOMPARE(lines.first(),
        QByteArray("time,epoch_ms,gap_before,LISTEN,SYN_SENT,SYN_RECV,ESTABLISHED,FIN_WAIT1,FIN_WAIT2,CLOSING,"
                   "TIME_WAIT,CLOSE_WAIT,LAST_ACK"));
    QVERIFY2(lines.at(150).endsWith(",8,0,0,66,0,1,0,605,4,0"), lines.at(150).constData()); // t = 149 s
    QVERIFY(lines.at(421).contains(QByteArray(QByteArray::number(T0 + 440'000) + ",1,"))); // first sample after the gap
    QVERIFY(!panel.exportPng(QStringLiteral("/nonexistent/dir/x.png")).error().isEmpty());
}

void TestChartPanel::ratesBesideCounts()
{
    // 2 s between polls: rates are per second, so 10 opened in a sample is 5/s.
    StateHistory h;
    for (int i = 0; i < 30; ++i) {
        if (i == 20)
            h.markGap();
        h.append(snapshot(T0 + i * 2000, { { TcpState::Established, 10 } }, tunables(QStringLiteral("2"))),
            { quint32(i == 10 ? 10 : 2), quint32(i == 10 ? 40 : 0), quint32(i == 20 ? 100 : 1) });
    }
    QCOMPARE(h.rate(0, StateHistory::Flow::Opened), 0.0); // the first sample has nothing before it
    QCOMPARE(h.rate(10, StateHistory::Flow::Opened), 5.0);
    QCOMPARE(h.rate(10, StateHistory::Flow::EnteredTimeWait), 20.0);
    QCOMPARE(h.rate(20, StateHistory::Flow::Closed), 0.0); // after a gap: unknown, not a spike
    ChartPanel panel(&h);
    panel.resize(1000, 520);
    panel.show();
    panel.setWindowMs(60'000);
    QVERIFY(!panel.ratesVisible());
    panel.setRatesVisible(true);
    maybeSave(&panel, "chart-panel-rates.png");
    const QLineSeries *tw = panel.rates()->series(StateHistory::Flow::EnteredTimeWait);
    QVERIFY(tw->isVisible());
    QVERIFY(tw->count() >= 25);
    double top = 0;
    for (const QPointF &p : tw->points())
        top = std::max(top, p.y());
    QCOMPARE(top, 20.0);
    QVERIFY(RateSeries::valuesAt(h, 10).contains(QStringLiteral("20.0")));
    panel.setStyle(ChartPanel::Style::StackedArea); // a rebuild keeps the rates
    panel.refresh();
    QVERIFY(panel.rates()->series(StateHistory::Flow::Opened)->count() > 0);
    panel.setRatesVisible(false);
    QVERIFY(!panel.rates()->series(StateHistory::Flow::Opened)->isVisible());
}

void TestChartPanel::axisSpansTheDataUntilTheWindowIsFull()
{
    StateHistory h;
    for (int s = 0; s < 90; ++s)
        h.append(snapshot(T0 + s * 1000, { { TcpState::Established, 10 + s } }, tunables(QStringLiteral("2"))));
    ChartPanel panel(&h);
    panel.resize(1000, 520);
    panel.show();
    panel.setWindowMs(600'000); // 90 s of data in a 10-minute window
    maybeSave(&panel, "chart-panel-young.png");
    QCOMPARE(panel.timeRange(), std::make_pair(T0, T0 + 89'000));
    panel.setWindowMs(60'000); // full: the last minute, scrolling
    QCOMPARE(panel.timeRange(), std::make_pair(T0 + 29'000, T0 + 89'000));
    StateHistory young; // a few seconds: the axis keeps a readable minimum span
    young.append(snapshot(T0, { { TcpState::Established, 1 } }, tunables(QStringLiteral("2"))));
    young.append(snapshot(T0 + 2000, { { TcpState::Established, 2 } }, tunables(QStringLiteral("2"))));
    ChartPanel first(&young);
    QCOMPARE(first.timeRange(), std::make_pair(T0 + 2000 - ChartPanel::MinSpanMs, T0 + 2000));
}

QTEST_MAIN(TestChartPanel)
#include "tst_chartpanel.moc"
