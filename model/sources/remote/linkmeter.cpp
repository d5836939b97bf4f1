#include "sources/remote/linkmeter.h"

#include <QtGlobal>

namespace {
// Frames wait in the pipe until the next poll takes them: up to one interval late in steady state.
// Late beyond two frame spacings plus a second is a queue that grows.
qint64 lateLimitMs(qint64 spacingMs)
{
    return 2 * qMax<qint64>(spacingMs, 100) + 1000;
}
} // namespace

void LinkMeter::Recent::add(qint64 n, qint64 nowMs, bool keepMax)
{
    if (!seen || nowMs - lastMs > LinkStats::WarnForMs)
        value = 0;
    value = keepMax ? qMax(value, n) : value + n;
    lastMs = nowMs;
    seen = true;
}

qint64 LinkMeter::Recent::at(qint64 nowMs) const
{
    return seen && nowMs - lastMs <= LinkStats::WarnForMs ? value : 0;
}

void LinkMeter::reset()
{
    *this = LinkMeter();
}

void LinkMeter::received(qint64 bytes, qint64 nowMs)
{
    if (m_startMs < 0)
        m_startMs = nowMs;
    m_samples.push_back({ nowMs, bytes });
    while (!m_samples.empty() && m_samples.front().ms <= nowMs - WindowMs)
        m_samples.pop_front();
}

void LinkMeter::shown(qint64 frameBytes, qint64 frameTimeMs, qint64 skipped, qint64 nowMs)
{
    m_lastFrameBytes = frameBytes;
    if (skipped > 0)
        m_skipped.add(skipped, nowMs, false);
    if (m_haveFrame && frameTimeMs > m_lastFrameTimeMs)
        m_spacingMs = (frameTimeMs - m_lastFrameTimeMs) / qMax<qint64>(1, skipped + 1);
    m_lastFrameTimeMs = frameTimeMs;
    m_haveFrame = true;
    const qint64 offset = nowMs - frameTimeMs;
    if (!m_haveBaseline || offset < m_baselineMs) {
        m_baselineMs = offset;
        m_haveBaseline = true;
    }
    const qint64 late = offset - m_baselineMs;
    if (m_spacingMs > 0 && late > lateLimitMs(m_spacingMs))
        m_late.add(late, nowMs, true);
}

void LinkMeter::deltaLost(qint64 nowMs)
{
    m_lost.add(1, nowMs, false);
}

LinkStats LinkMeter::stats(qint64 nowMs) const
{
    LinkStats s;
    s.measured = true;
    // Over the window, or since the session began when that is shorter (at least a second).
    const qint64 span = m_startMs < 0 ? WindowMs : qBound<qint64>(1000, nowMs - m_startMs, WindowMs);
    qint64 bytes = 0;
    for (const Sample &x : m_samples)
        bytes += x.ms > nowMs - WindowMs ? x.bytes : 0;
    s.bytesPerSecond = bytes * 1000 / span;
    s.lastFrameBytes = m_lastFrameBytes;
    s.framesSkipped = m_skipped.at(nowMs);
    s.lateMs = m_late.at(nowMs);
    s.deltasLost = m_lost.at(nowMs);
    return s;
}
