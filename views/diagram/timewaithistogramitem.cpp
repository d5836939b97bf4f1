#include "diagram/timewaithistogramitem.h"

#include "diagram/diagramcolors.h"

#include <QGraphicsScene>
#include <QPainter>

TimeWaitHistogramItem::TimeWaitHistogramItem(QSizeF size, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_size(size)
{
    setToolTip(QObject::tr("TIME-WAIT sockets by time left before the kernel frees them (0 to 60 s on Linux, "
                           "TCP_TIMEWAIT_LEN). Bars slide left as the clock runs."));
    m_sincePoll.start();
}

void TimeWaitHistogramItem::setSnapshot(const Snapshot &s, const std::optional<AddressFamily> &family)
{
    m_bins.fill(0);
    m_total = 0;
    m_lengthMs = s.isValid() ? qMax(qint64(1000), s.timeWaitLengthMs()) : 60'000;
    if (s.isValid()) {
        for (const SocketEntry &e : s.sockets()) {
            if (e.state != TcpState::TimeWait || (family && e.family != *family))
                continue;
            const qint64 bin = qint64(e.timerMs) * Bins / m_lengthMs;
            ++m_bins[size_t(qBound(qint64(0), bin, qint64(Bins - 1)))];
            ++m_total;
        }
    }
    m_sincePoll.restart();
    update();
}

QRectF TimeWaitHistogramItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-1, -1, 1, 15);
}

void TimeWaitHistogramItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = scene() ? scene()->palette() : QPalette();
    const QRectF area(QPointF(0, 0), m_size);
    p->setRenderHint(QPainter::Antialiasing, false);
    p->setPen(Qt::NoPen);
    QColor bg = pal.color(QPalette::Base);
    bg.setAlphaF(0.6);
    p->setBrush(bg);
    p->drawRect(area);
    int peak = 1;
    for (int n : m_bins)
        peak = qMax(peak, n);
    const qreal binW = area.width() / Bins;
    // Slide left by the time since the poll, so the bars count down between polls.
    const qreal shift = qMin(qreal(m_sincePoll.elapsed()), qreal(m_lengthMs)) * Bins / m_lengthMs * binW;
    const QColor bar = DiagramColors::isDark(pal) ? QColor(0xbb, 0xd6, 0xff) : QColor(0x1a, 0x3f, 0x7a);
    p->setBrush(bar);
    for (int i = 0; i < Bins; ++i) {
        if (m_bins[size_t(i)] == 0)
            continue;
        const qreal x = i * binW - shift;
        if (x + binW <= 0)
            continue;
        const qreal h = qMax(1.5, area.height() * m_bins[size_t(i)] / peak);
        p->drawRect(QRectF(qMax(0.0, x), area.bottom() - h, qMax(2.0, binW - (x < 0 ? -x : 0)), h));
    }
    p->setPen(pal.color(QPalette::Text));
    p->drawLine(area.bottomLeft(), area.bottomRight());
    QFont f;
    f.setPointSizeF(8);
    p->setFont(f);
    const QRectF labels(area.left(), area.bottom() + 1, area.width(), 13);
    p->drawText(labels, Qt::AlignLeft | Qt::AlignTop, QStringLiteral("0 s"));
    p->drawText(labels, Qt::AlignRight | Qt::AlignTop, QStringLiteral("%1 s left").arg(m_lengthMs / 1000));
}
