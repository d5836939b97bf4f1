#include "chart/stateseriesset.h"

#include "common/statepalette.h"

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>

StateSeriesSet::StateSeriesSet()
{
    for (size_t i = 0; i < m_series.size(); ++i)
        m_series[i].state = StatePalette::chartStates()[i];
}

void StateSeriesSet::rebuild(QChart *chart, bool stacked, QAbstractAxis *x, QAbstractAxis *y, int segments)
{
    chart->removeAllSeries(); // deletes them, and with them the area edges parented below
    m_stacked = stacked;
    // Stacked areas are added bottom-up so the legend reads in stacking order.
    for (StateSeries &ss : m_series) {
        ss.upper.clear();
        ss.lower.clear();
        ss.areas.clear();
        for (int k = 0; k < segments; ++k)
            addSegment(chart, ss, x, y);
    }
    m_segments = segments;
}

void StateSeriesSet::addSegment(QChart *chart, StateSeries &ss, QAbstractAxis *x, QAbstractAxis *y) const
{
    const QColor c = StatePalette::color(ss.state);
    QAbstractSeries *added = nullptr;
    auto *upper = new QLineSeries;
    if (!m_stacked) {
        upper->setPen(QPen(c, 2));
        added = upper;
    } else {
        auto *lower = new QLineSeries;
        auto *area = new QAreaSeries(upper, lower);
        upper->setParent(area);
        lower->setParent(area);
        QColor fill = c;
        fill.setAlpha(190);
        area->setBrush(fill);
        area->setPen(Qt::NoPen); // an empty state would otherwise draw its edge on top
        ss.lower.push_back(lower);
        ss.areas.push_back(area);
        added = area;
    }
    ss.upper.push_back(upper);
    added->setName(TcpStates::kernelName(ss.state));
    chart->addSeries(added);
    added->attachAxis(x);
    added->attachAxis(y);
    added->setVisible(ss.visible);
}

double StateSeriesSet::fill(const std::vector<Downsampler::Segment> &segs, bool log)
{
    double top = 0;
    for (int k = 0; k < m_segments; ++k) {
        QList<QPointF> base; // stacked: running total of the visible states below
        for (StateSeries &ss : m_series) {
            QList<QPointF> pts;
            if (size_t(k) < segs.size())
                pts = segs[size_t(k)].points[size_t(TcpStates::index(ss.state) - 1)];
            const double highest
                = m_stacked ? stackSegment(ss, size_t(k), pts, base, log) : lineSegment(ss, size_t(k), pts, log);
            top = std::max(top, highest);
        }
    }
    return top;
}

double StateSeriesSet::stackSegment(
    StateSeries &ss, size_t k, const QList<QPointF> &pts, QList<QPointF> &base, bool log)
{
    if (base.isEmpty()) {
        base = pts;
        for (QPointF &p : base)
            p.setY(log ? LogFloor : 0);
    }
    QList<QPointF> upper = base;
    if (ss.visible) {
        for (qsizetype i = 0; i < upper.size() && i < pts.size(); ++i)
            upper[i].setY(base[i].y() + pts[i].y() - (log && base[i].y() == LogFloor ? LogFloor : 0));
    }
    ss.lower[k]->replace(base);
    ss.upper[k]->replace(upper);
    base = upper;
    double top = 0;
    for (const QPointF &p : upper)
        top = std::max(top, p.y());
    return top;
}

double StateSeriesSet::lineSegment(StateSeries &ss, size_t k, QList<QPointF> pts, bool log)
{
    double top = 0;
    if (ss.visible) {
        for (QPointF &p : pts) {
            top = std::max(top, p.y());
            if (log)
                p.setY(std::max(p.y(), LogFloor));
        }
    }
    ss.upper[k]->replace(pts);
    return top;
}

bool StateSeriesSet::find(const QAbstractSeries *series, TcpState &state, bool &firstSegment) const
{
    for (const StateSeries &ss : m_series) {
        for (size_t k = 0; k < ss.upper.size(); ++k) {
            const QAbstractSeries *s = ss.areas.empty() ? static_cast<QAbstractSeries *>(ss.upper[k]) : ss.areas[k];
            if (s == series) {
                state = ss.state;
                firstSegment = k == 0;
                return true;
            }
        }
    }
    return false;
}

const StateSeriesSet::StateSeries *StateSeriesSet::seriesFor(TcpState s) const
{
    for (const StateSeries &ss : m_series) {
        if (ss.state == s)
            return &ss;
    }
    return nullptr;
}

bool StateSeriesSet::setVisible(TcpState s, bool visible)
{
    for (StateSeries &ss : m_series) {
        if (ss.state == s) {
            ss.visible = visible;
            return true;
        }
    }
    return false;
}

bool StateSeriesSet::isVisible(TcpState s) const
{
    const StateSeries *ss = seriesFor(s);
    return ss && ss->visible;
}

qsizetype StateSeriesSet::pointCount(TcpState s) const
{
    qsizetype n = 0;
    if (const StateSeries *ss = seriesFor(s)) {
        for (const QLineSeries *l : ss->upper)
            n += l->count();
    }
    return n;
}
