#pragma once

#include <QString>

// The POSIX sh loop tcpscope runs on a server over one ssh session. Standard tools only (uname,
// cat, date, sleep; netstat and sysctl on BSD/macOS; awk and ls for the "@owners" section, left out
// where awk is missing); nothing is installed and nothing is written there. It exits when its
// output goes nowhere (SIGPIPE/HUP trap) or its parent (the sshd session) is gone, so no process
// outlives the connection.
class SshScript
{
public:
    // The marker pgrep/ps can find the loop by.
    static constexpr const char *Marker = "TCPSCOPE_LOOP=1";
    // The remote command: `exec sh -c '<loop>'`, safe whatever the login shell is.
    static QString remoteCommand(int intervalMs);
    static QString loop(int intervalMs);
    // The same script on one line (what goes over ssh).
    static QString oneLine(const QString &script);
};
