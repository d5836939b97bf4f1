#pragma once

#include <QtGlobal>

#include <ctime>

// CPU time the calling thread has used, in microseconds (POSIX CLOCK_THREAD_CPUTIME_ID; Linux,
// FreeBSD and macOS have it). A poll's cost to the host is CPU, not wall time: with the IPv6 dump on
// a second thread the two differ by up to 2x.
inline qint64 threadCpuTimeUs()
{
    timespec ts {};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}
