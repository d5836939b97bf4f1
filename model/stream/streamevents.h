#pragma once

#include "core/problem.h"
#include "core/stateevents.h"

#include <QByteArray>

// The "@events" section of a version 2 frame (docs/stream-format.md): the kernel's state changes
// since the previous frame, as the eBPF feed reported them (core/stateevents.h), so that a
// recording keeps every transition and not only what the polls saw.
//   @events LOST_SINCE_PREVIOUS LOST_TOTAL
//   TIME_NS COOKIE OLD NEW LOCAL REMOTE        (states as /proc's st codes, endpoints as /proc prints them)
class StreamEvents
{
public:
    static constexpr int MaxPerFrame = 1'000'000; // beyond it the frame's events are refused whole

    static void append(QByteArray &out, const StateEvents &events);
    // Adds the section's events to `into` (oldest first); a malformed line drops that line with one
    // problem naming `where`.
    static void parse(
        QByteArrayView arg, QByteArrayView content, const QString &where, StateEvents &into, ProblemList &problems);
};
