#include "chart/rateseries.h"

#include "common/statepalette.h"

#include <QChart>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <cmath>

namespace {
using Flow = StateHistory::Flow;
constexpr std::array<Flow, 3> flows = { Flow::Opened, Flow::EnteredTimeWait, Flow::Closed };

// The colour of the state each flow leads into, so the dashed rate line sits beside its count line.
QColor colourOf(Flow f)
{
    return StatePalette::color(f == Flow::Opened ? TcpState::SynSent
            : f == Flow::EnteredTimeWait         ? TcpState::TimeWait
                                                 : TcpState::Close);
}
} // namespace

QString RateSeries::name(Flow f)
{
    return f == Flow::Opened ? tr("opened/s") : f == Flow::EnteredTimeWait ? tr("into TIME_WAIT/s") : tr("closed/s");
}

RateSeries::RateSeries(QChart *chart, QObject *parent)
    : QObject(parent)
{
    m_axis = new QValueAxis(this);
    m_axis->setTitleText(tr("transitions/s"));
    m_axis->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(m_axis, Qt::AlignRight);
    m_axis->setVisible(false);
}

void RateSeries::rebuild(QChart *chart, QAbstractAxis *x)
{
    for (Flow f : flows) {
        auto *s = new QLineSeries; // the chart owns it
        s->setName(name(f));
        QPen pen(colourOf(f), 1.5, Qt::DashLine);
        s->setPen(pen);
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(m_axis);
        s->setVisible(m_visible);
        m_series[size_t(f)] = s;
    }
}

void RateSeries::setVisible(bool visible)
{
    m_visible = visible;
    m_axis->setVisible(visible);
    for (QLineSeries *s : m_series)
        s->setVisible(visible);
}

void RateSeries::fill(const StateHistory &history, qint64 from, qint64 to, int columns)
{
    if (!m_visible)
        return;
    std::array<QList<QPointF>, 3> points;
    double top = 1;
    const qint64 span = std::max<qint64>(1, to - from);
    int column = -1;
    for (qsizetype i = history.lowerBound(from); i < history.size() && history.at(i).timeMs <= to; ++i) {
        const qint64 t = history.at(i).timeMs;
        const int c = int((t - from) * columns / span);
        for (size_t k = 0; k < flows.size(); ++k) {
            const double r = history.rate(i, flows[k]);
            top = std::max(top, r);
            if (c == column && !points[k].isEmpty())
                points[k].last().setY(std::max(points[k].last().y(), r)); // one point per pixel column
            else
                points[k].append(QPointF(double(t), r));
        }
        column = c;
    }
    for (size_t k = 0; k < flows.size(); ++k)
        m_series[size_t(flows[k])]->replace(points[k]);
    m_axis->setRange(0, std::ceil(top * 1.1));
    m_axis->applyNiceNumbers();
}

QString RateSeries::valuesAt(const StateHistory &history, qsizetype i)
{
    QStringList parts;
    for (Flow f : flows)
        parts << QStringLiteral("%1 %2").arg(name(f)).arg(history.rate(i, f), 0, 'f', 1);
    return parts.join(QLatin1Char('\n'));
}
