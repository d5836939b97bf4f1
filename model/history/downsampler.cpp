#include "history/downsampler.h"

#include <algorithm>
#include <limits>

namespace {
struct Column
{
    std::array<quint32, Downsampler::StateCount> min {};
    std::array<quint32, Downsampler::StateCount> max {};
    std::array<qint64, Downsampler::StateCount> minT {};
    std::array<qint64, Downsampler::StateCount> maxT {};
    qint64 firstT = 0;
    bool used = false;
};

void flush(Column &c, Downsampler::Segment &seg, Downsampler::Mode mode)
{
    if (!c.used)
        return;
    for (int i = 0; i < Downsampler::StateCount; ++i) {
        auto &pts = seg.points[size_t(i)];
        if (mode == Downsampler::Mode::Max) {
            pts.append(QPointF(double(c.firstT), c.max[size_t(i)]));
            continue;
        }
        const bool minFirst = c.minT[size_t(i)] <= c.maxT[size_t(i)];
        const QPointF a(double(c.minT[size_t(i)]), c.min[size_t(i)]);
        const QPointF b(double(c.maxT[size_t(i)]), c.max[size_t(i)]);
        pts.append(minFirst ? a : b);
        if (c.minT[size_t(i)] != c.maxT[size_t(i)])
            pts.append(minFirst ? b : a);
    }
    c = Column();
}
} // namespace

std::vector<Downsampler::Segment> Downsampler::run(
    const StateHistory &h, qint64 fromMs, qint64 toMs, int columns, Mode mode)
{
    std::vector<Segment> out;
    if (h.isEmpty() || toMs < fromMs)
        return out;
    const qsizetype begin = h.lowerBound(fromMs);
    const qsizetype end = h.lowerBound(toMs + 1);
    if (begin >= end)
        return out;
    columns = std::max(columns, 1);
    const bool reduce = end - begin > 2 * qsizetype(columns);
    const double span = double(std::max<qint64>(toMs - fromMs, 1));

    out.emplace_back();
    Column col;
    qint64 colIndex = -1;
    for (qsizetype i = begin; i < end; ++i) {
        const StateHistory::Sample &s = h.at(i);
        if (s.gapBefore && i != begin) {
            flush(col, out.back(), mode);
            if (!out.back().points[0].isEmpty())
                out.emplace_back();
            colIndex = -1;
        }
        if (!reduce) {
            for (int k = 0; k < StateCount; ++k)
                out.back().points[size_t(k)].append(QPointF(double(s.timeMs), s.counts[size_t(k)]));
            continue;
        }
        const qint64 c = std::min<qint64>(qint64(double(s.timeMs - fromMs) / span * columns), columns - 1);
        if (c != colIndex) {
            flush(col, out.back(), mode);
            colIndex = c;
        }
        if (!col.used) {
            col.used = true;
            col.firstT = s.timeMs;
            col.min = s.counts;
            col.max = s.counts;
            col.minT.fill(s.timeMs);
            col.maxT.fill(s.timeMs);
            continue;
        }
        for (size_t k = 0; k < size_t(StateCount); ++k) {
            if (s.counts[k] < col.min[k]) {
                col.min[k] = s.counts[k];
                col.minT[k] = s.timeMs;
            }
            if (s.counts[k] > col.max[k]) {
                col.max[k] = s.counts[k];
                col.maxT[k] = s.timeMs;
            }
        }
    }
    flush(col, out.back(), mode);
    if (out.back().points[0].isEmpty())
        out.pop_back();
    return out;
}
