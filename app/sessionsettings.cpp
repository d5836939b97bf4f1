#include "sessionsettings.h"

#include "appoptions.h"
#include "chart/chartpanel.h"
#include "maintoolbar.h"
#include "mainwindow.h"
#include "pipeline/poller.h"

#include <QSettings>

namespace SessionSettings {
void applyTo(AppOptions &options)
{
    if (options.intervalGiven || !options.screenshot.isEmpty())
        return;
    bool ok = false;
    const int ms = QSettings().value(IntervalKey).toInt(&ok);
    // A hand-edited or corrupt value falls back to the default, under the same rule as --interval.
    if (ok && ms >= Poller::MinIntervalMs) {
        options.intervalMs = ms;
        options.source.intervalMs = ms;
    }
}

void watch(MainWindow *window, const AppOptions &options)
{
    if (!options.screenshot.isEmpty())
        return;
    QObject::connect(window->toolBar(), &MainToolBar::intervalChanged, window,
        [](int ms) { QSettings().setValue(IntervalKey, ms); });
    // The chart is one of the panels; a window built without it simply has nothing to restore.
    if (auto *chart = window->findChild<ChartPanel *>()) {
        bool ok = false;
        const qint64 ms = QSettings().value(ChartWindowKey).toLongLong(&ok);
        if (ok && ms > 0)
            chart->setWindowMs(ms);
        QObject::connect(chart, &ChartPanel::windowMsChanged, window,
            [](qint64 windowMs) { QSettings().setValue(ChartWindowKey, windowMs); });
    }
}
} // namespace SessionSettings
