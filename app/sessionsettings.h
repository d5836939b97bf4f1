#pragma once

#include <QString>

class MainWindow;
struct AppOptions;

// What the user chose, remembered between runs in QSettings (~/.config/tcpscope/tcpscope.conf):
// the poll interval and the chart's time window. The one place that reads or writes them. MainWindow
// itself keeps the geometry and dock layout (window/geometry, window/state); ConnectDialog the recent
// SSH hosts (connect/recentHosts).
namespace SessionSettings {
inline const QString IntervalKey = QStringLiteral("poll/intervalMs");
inline const QString ChartWindowKey = QStringLiteral("chart/windowMs");

// Uses the remembered poll interval unless the command line gave one (options.intervalGiven: an
// explicit --interval wins, even one equal to the default). Like the layout, nothing is restored for
// --screenshot, so screenshots look the same on every machine.
void applyTo(AppOptions &options);
// Restores the chart window and saves the interval and chart window whenever they change (not for
// --screenshot).
void watch(MainWindow *window, const AppOptions &options);
} // namespace SessionSettings
