#pragma once

#include "core/counters.h"
#include "core/problem.h"

#include <QByteArray>

// Reads the four counter files under a /proc tree. A few KB of text however many sockets there are
// (the kernel keeps these as per-cpu counters), so it can run every second while a 100k-socket table
// is read less often.
class CountersReader
{
public:
    explicit CountersReader(QString procRoot = QStringLiteral("/proc"));
    Counters read(ProblemList *problems = nullptr);

private:
    QString m_root;
    QByteArray m_buffer; // reused
};
