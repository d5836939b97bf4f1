#pragma once

#include "stream/streamframe.h"

#include <QString>

// The POSIX sh loop tcpscope runs on a server over one ssh session. Standard tools only (uname,
// cat, date, sleep; netstat and sysctl on BSD/macOS); nothing is installed and nothing is written
// there. On Linux with awk, one awk (SshDiffer) writes stream format 2 deltas and "@owners" (with
// ls); without awk, and on BSD/macOS, every frame is a keyframe. It exits when its output goes
// nowhere (SIGPIPE/HUP trap) or its parent (the sshd session) is gone, so no process outlives the
// connection.
class SshScript
{
public:
    // The marker pgrep/ps can find the loop by.
    static constexpr const char *Marker = "TCPSCOPE_LOOP=1";
    // The remote command: `exec sh -c '<loop>'`, safe whatever the login shell is.
    static QString remoteCommand(int intervalMs);
    // keyEvery: a keyframe at least every keyEvery-th frame (StreamFrame::KeyEvery live;
    // RecordingKeyEvery for `--remote-script`, whose output is usually a recording).
    static QString loop(int intervalMs, int keyEvery = StreamFrame::KeyEvery);
    // The same script on one line (what goes over ssh).
    static QString oneLine(const QString &script);
};
