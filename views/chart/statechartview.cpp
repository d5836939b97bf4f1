#include "chart/statechartview.h"

#include <QMouseEvent>
#include <QWheelEvent>

StateChartView::StateChartView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
}

void StateChartView::setTimeRange(qint64 fromMs, qint64 toMs)
{
    m_from = fromMs;
    m_to = std::max(toMs, fromMs + 1);
    viewport()->update();
}

void StateChartView::setMarkers(std::vector<Marker> markers)
{
    m_markers = std::move(markers);
    viewport()->update();
}

void StateChartView::setGaps(std::vector<Gap> gaps)
{
    m_gaps = std::move(gaps);
    viewport()->update();
}

double StateChartView::xOf(qint64 timeMs) const
{
    const QRectF plot = chart()->plotArea();
    return plot.left() + plot.width() * double(timeMs - m_from) / double(m_to - m_from);
}

qint64 StateChartView::timeAt(int viewportX) const
{
    const QRectF plot = chart()->plotArea();
    const double x = mapToScene(QPoint(viewportX, 0)).x();
    const double f = plot.width() > 0 ? std::clamp((x - plot.left()) / plot.width(), 0.0, 1.0) : 1.0;
    return m_from + qint64(f * double(m_to - m_from));
}

void StateChartView::drawForeground(QPainter *p, const QRectF &rect)
{
    QChartView::drawForeground(p, rect);
    const QRectF plot = chart()->plotArea();
    p->save();
    p->setClipRect(plot.adjusted(0, -1, 1, 1));

    // Gaps: the source was unreadable, so no line is drawn across; say so instead of implying zero.
    for (const Gap &g : m_gaps) {
        const QRectF band(QPointF(xOf(g.fromMs), plot.top()), QPointF(xOf(g.toMs), plot.bottom()));
        p->fillRect(band, QBrush(QColor(120, 120, 120, 40), Qt::BDiagPattern));
        if (band.width() > 50) {
            p->setPen(QColor(90, 90, 90));
            p->drawText(band, Qt::AlignCenter, tr("no data"));
        }
    }

    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    p->setFont(f);
    const QFontMetrics fm(f);
    int slot = 0;
    for (const Marker &m : m_markers) {
        const double x = xOf(m.timeMs);
        if (x < plot.left() || x > plot.right())
            continue;
        p->setPen(QPen(QColor(0x37, 0x47, 0x4f), 1.2, Qt::DashLine));
        p->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        // Staggered so neighbouring changes stay readable; flipped left near the right edge.
        const int w = fm.horizontalAdvance(m.label) + 10;
        QRectF box(x + 4, plot.top() + 4 + (slot++ % 3) * (fm.height() + 6), w, fm.height() + 4);
        if (box.right() > plot.right())
            box.moveRight(x - 4);
        p->setPen(QColor(0x37, 0x47, 0x4f));
        p->setBrush(QColor(255, 248, 225, 235));
        p->drawRoundedRect(box, 3, 3);
        p->drawText(box, Qt::AlignCenter, m.label);
    }

    if (m_cursorX >= plot.left() && m_cursorX <= plot.right()) {
        p->setPen(QPen(QColor(0, 0, 0, 110), 1));
        p->drawLine(QPointF(m_cursorX, plot.top()), QPointF(m_cursorX, plot.bottom()));
    }
    p->restore();
}

void StateChartView::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    const QPointF scene = mapToScene(event->position().toPoint());
    const QRectF plot = chart()->plotArea();
    if (!plot.contains(scene)) {
        if (m_cursorX != -1) {
            m_cursorX = -1;
            viewport()->update();
            Q_EMIT hoverLeft();
        }
        return;
    }
    m_cursorX = int(scene.x());
    viewport()->update();
    Q_EMIT hovered(timeAt(event->position().toPoint().x()), event->globalPosition().toPoint());
}

void StateChartView::leaveEvent(QEvent *event)
{
    QChartView::leaveEvent(event);
    m_cursorX = -1;
    viewport()->update();
    Q_EMIT hoverLeft();
}

void StateChartView::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps != 0)
        Q_EMIT scrollRequested(steps);
    event->accept();
}
