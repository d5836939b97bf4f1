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
    QString bsdNetstat; // read a FreeBSD/macOS host from saved netstat (and sysctl) text
    QString bsdSysctl;
    bool procRootGiven = false; // --proc-root names a tree: always read it as text
    QString source = QStringLiteral("auto"); // auto (netlink, /proc fallback), netlink or proc
    int intervalMs = 1000;
    QString screenshot; // render the window to this PNG after the first poll, then exit
    // Teaching mode (issue 6)
    QString lesson; // open this lesson (id or .json path) in the lesson window
    int lessonStep = -1; // with --lesson: start at this step (1-based on the command line; -1 = middle for screenshots)
    bool presentation = false;
    bool listLessons = false; // print the lesson ids and titles, exit (no display needed)
    QString labPattern; // run this LabSession pattern on loopback
    int labCount = 1;
    // Where the snapshots come from (at most one; none means this host's /proc).
    QString ssh; // validated [user@]host[:port]
    QString sshConfig; // passed to ssh -F
    bool stdinStream = false; // frames on stdin (docs/stream-format.md)
    QString connectHost; // a tcpscope-agent to connect to
    quint16 connectPort = 0;
    QString record; // append every frame here
    QString replay; // play this recording
    bool remoteScript = false; // print the server-side sh loop and exit

    static void setup(QCommandLineParser &parser);
    // Returns an error message for bad usage, empty on success.
    static QString fromParser(const QCommandLineParser &parser, AppOptions &out);
};
