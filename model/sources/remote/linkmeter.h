#pragma once

#include "core/linkstats.h"

#include <deque>

// Measures a stream's link for the status bar (core/linkstats.h): the bytes received per second over
// the last WindowMs, the size of the frame shown, and the signs that the link cannot keep up with the
// producer: frames that queued up and were skipped, frames arriving later and later behind their
// @time spacing (the link's queue grows: a pipe or TCP send buffer filling, RFC 9293 §3.8.6), deltas
// lost. Lateness is the arrival minus @time, less the smallest such offset of the session: that
// baseline absorbs a clock skew and the link's fixed delay. Times are this machine's, in ms.
class LinkMeter
{
public:
    static constexpr qint64 WindowMs = 5000;

    // A new session (connect, reconnect): rates and the arrival baseline start again.
    void reset();
    void received(qint64 bytes, qint64 nowMs);
    // A frame taken to be shown: its size and @time, and how many older ones were skipped for it.
    void shown(qint64 frameBytes, qint64 frameTimeMs, qint64 skipped, qint64 nowMs);
    void deltaLost(qint64 nowMs);
    LinkStats stats(qint64 nowMs) const;

private:
    // A sign of trouble, remembered for LinkStats::WarnForMs after it was last seen.
    struct Recent
    {
        qint64 value = 0;
        qint64 lastMs = 0;
        bool seen = false;
        void add(qint64 n, qint64 nowMs, bool keepMax);
        qint64 at(qint64 nowMs) const;
    };
    struct Sample
    {
        qint64 ms;
        qint64 bytes;
    };

    std::deque<Sample> m_samples; // reads within the last WindowMs
    qint64 m_startMs = -1; // first read of the session
    qint64 m_lastFrameBytes = 0;
    qint64 m_lastFrameTimeMs = 0;
    bool m_haveFrame = false;
    qint64 m_spacingMs = 0; // @time between the last two frames shown
    qint64 m_baselineMs = 0; // smallest arrival - @time of the session
    bool m_haveBaseline = false;
    Recent m_skipped;
    Recent m_late;
    Recent m_lost;
};
