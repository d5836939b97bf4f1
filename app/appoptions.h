#pragma once

#include <QString>
#include <QStringList>

class QCommandLineParser;

// What the command line asked for. Parsed once, before any window exists.
struct AppOptions
{
    bool snapshot = false; // print one snapshot and exit (no display needed)
    bool json = false;
    bool sockets = false;
    QString procRoot = QStringLiteral("/proc");
    bool procRootGiven = false; // --proc-root names a tree: always read it as text
    QString source = QStringLiteral("auto"); // auto (netlink, /proc fallback), netlink or proc
    int intervalMs = 1000;
    QString screenshot; // render the window to this PNG after the first poll, then exit

    static void setup(QCommandLineParser &parser);
    // Returns an error message for bad usage, empty on success.
    static QString fromParser(const QCommandLineParser &parser, AppOptions &out);
};
