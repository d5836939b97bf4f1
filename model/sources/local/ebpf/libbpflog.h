#pragma once

#include <QByteArray>

// Captures what libbpf prints while it lives (libbpf_set_print(), libbpf.h), so a refused load can
// carry libbpf's own words (the verifier's last lines) instead of spilling them onto stderr.
// libbpf's print hook is process-wide: one LibbpfLog at a time, held under a mutex.
class LibbpfLog
{
public:
    LibbpfLog();
    ~LibbpfLog();
    LibbpfLog(const LibbpfLog &) = delete;
    LibbpfLog &operator=(const LibbpfLog &) = delete;

    // The warnings printed so far, at most maxLines, newest last.
    QByteArray tail(int maxLines = 8) const;
};
