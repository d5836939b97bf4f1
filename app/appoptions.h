#pragma once

#include "core/ssfilter.h"
#include "sources/sourcespec.h"

#include <QString>
#include <QStringList>
#include <QUrl>

class QCommandLineParser;

// What the command line asked for. Parsed once, before any window exists.
struct AppOptions
{
    bool snapshot = false; // print one snapshot and exit (no display needed)
    bool json = false;
    bool sockets = false;
    // --filter or the trailing arguments: an ss(8) expression (SsFilterParser), already parsed
    QString filter;
    SsFilter filterExpression;
    bool kill = false; // --kill: end the connections the filter selects (listed; ended only with yes)
    bool yes = false;
    bool events = false; // --events: print state transitions as they are polled (EventsCommand)
    int eventsDurationMs = -1; // --duration, in ms; -1: until SIGINT or SIGTERM
    int intervalMs = 1000; // the poll interval (--interval, else the remembered one: SessionSettings)
    bool intervalGiven = false; // --interval was on the command line, so it wins over a remembered one
    QString screenshot; // render the window to this PNG after the first poll, then exit
    int screenshotDelayMs = 0; // with screenshot: keep polling this long first
    // Teaching mode
    QString lesson; // open this lesson (id or .json path) in the lesson window
    int lessonStep = -1; // with --lesson: start at this step (1-based on the command line; -1 = middle for screenshots)
    bool presentation = false;
    bool listLessons = false; // print the lesson ids and titles, exit (no display needed)
    QString labPattern; // run this LabSession pattern on loopback
    int labCount = 1;
    // Where the snapshots come from (--proc-root, --source, --bsd-*, --ssh, --stdin, --connect,
    // --record, --replay); its interval is intervalMs as parsed.
    SourceSpec source;
    bool remoteScript = false; // print the server-side sh loop and exit
    QUrl prometheus; // --prometheus: the fleet from this Prometheus server (with --snapshot: printed once)
    QString prometheusMatch; // --match: a selector narrowing the fleet, e.g. {job="web"}

    static void setup(QCommandLineParser &parser);
    // Returns an error message for bad usage, empty on success.
    static QString fromParser(const QCommandLineParser &parser, AppOptions &out);
};
