#pragma once

#include <QString>

// The one long-lived awk a Linux server runs for `tcpscope --ssh` when it has awk: it reads
// /proc/net/tcp{,6} and the sysctls every poll and writes stream format 2 (docs/stream-format.md,
// "Version 2"): a keyframe first and every keyEvery-th frame, deltas in between, and
// the @owners section. POSIX awk only (mawk, busybox, the BSDs' one-true-awk), no "!", no single quote.
class SshDiffer
{
public:
    // The sh command that runs it: `awk -v ... "PROGRAM"`, for a script inside single quotes. It sleeps
    // `sleep` (a sleep(1) operand) between frames, writes a keyframe every keyEvery-th frame and exits
    // when the process whose pid the sh variable `parentVar` holds is gone.
    static QString command(const QString &sleep, const QString &parentVar, int keyEvery);
    // The awk program itself.
    static QString program();
};
