#include "diagram/statenodeitem.h"

#include "common/ladderstyle.h"
#include "diagram/diagramcolors.h"

#include <QCursor>
#include <QGraphicsScene>
#include <QLocale>
#include <QPainter>

#include <cmath>

StateNodeItem::StateNodeItem(TcpState state, bool sink, QSizeF size, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_state(state)
    , m_sink(sink)
    , m_rect(-size.width() / 2, -size.height() / 2, size.width(), size.height())
{
    setZValue(2);
    setCursor(Qt::PointingHandCursor);
    setToolTip(sink ? QObject::tr("CLOSED: the connection is gone (its control block deleted).")
                    : QObject::tr("%1: click to show only these sockets in the table.").arg(TcpStates::rfcName(state)));
}

void StateNodeItem::setCount(int count, int maxCount)
{
    const qreal e = count <= 0 || maxCount <= 0 ? 0.0 : std::log1p(count) / std::log1p(qMax(maxCount, 1));
    if (count == m_count && qFuzzyCompare(1 + e, 1 + m_emphasis))
        return;
    m_count = count;
    m_emphasis = e;
    update();
}

void StateNodeItem::setNote(const QString &note)
{
    if (note == m_note)
        return;
    m_note = note;
    update();
}

void StateNodeItem::setHighlighted(bool on)
{
    if (on != m_highlighted) {
        m_highlighted = on;
        update();
    }
}

void StateNodeItem::setFiltered(bool on)
{
    if (on != m_filtered) {
        m_filtered = on;
        update();
    }
}

void StateNodeItem::setLessonMarks(bool client, bool server)
{
    if (client != m_lessonClient || server != m_lessonServer) {
        m_lessonClient = client;
        m_lessonServer = server;
        update();
    }
}

QRectF StateNodeItem::boundingRect() const
{
    return m_rect.adjusted(-9, -9, 9, 9);
}

void StateNodeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette pal = scene() ? scene()->palette() : QPalette();
    const QColor hue = DiagramColors::forPath(DiagramColors::pathOf(m_state));
    // Empty states are pale; the busiest state gets the full hue.
    const QColor fill = DiagramColors::towardsBase(hue, pal, m_sink ? 0.92 : 0.88 - 0.6 * m_emphasis);
    QPen border(m_filtered ? pal.color(QPalette::Highlight) : hue, m_filtered ? 3.5 : 1.5 + 1.5 * m_emphasis);
    if (m_sink)
        border.setStyle(Qt::DashLine);
    p->setRenderHint(QPainter::Antialiasing);
    if (m_highlighted) {
        p->setPen(QPen(pal.color(QPalette::Highlight), 3, Qt::DotLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(m_rect.adjusted(-4, -4, 4, 4), 12, 12);
    }
    if (m_lessonClient || m_lessonServer) {
        // Both ends in one state (e.g. ESTABLISHED): half the ring in each colour.
        const QRectF ring = m_rect.adjusted(-6, -6, 6, 6);
        p->setBrush(Qt::NoBrush);
        p->setPen(QPen(m_lessonClient ? LadderStyle::clientColor() : LadderStyle::serverColor(), 5));
        p->drawRoundedRect(ring, 13, 13);
        if (m_lessonClient && m_lessonServer) {
            p->save();
            p->setClipRect(QRectF(ring.center().x(), ring.top() - 4, ring.width(), ring.height() + 8));
            p->setPen(QPen(LadderStyle::serverColor(), 5));
            p->drawRoundedRect(ring, 13, 13);
            p->restore();
        }
    }
    p->setPen(border);
    p->setBrush(fill);
    p->drawRoundedRect(m_rect, 9, 9);

    const bool strong = m_emphasis > 0.55 && !m_sink;
    const QColor text = strong && !DiagramColors::isDark(pal) ? QColor(Qt::white) : pal.color(QPalette::Text);
    QFont f = scene() ? scene()->font() : QFont();
    f.setPointSizeF(11);
    f.setBold(true);
    p->setFont(f);
    p->setPen(text);
    const QRectF title(m_rect.left(), m_rect.top() + 3, m_rect.width(), 20);
    p->drawText(title, Qt::AlignCenter, TcpStates::rfcName(m_state));
    if (m_sink)
        return;
    f.setPointSizeF(15);
    p->setFont(f);
    const QRectF countRect(m_rect.left(), title.bottom() - 2, m_rect.width(), 24);
    p->drawText(countRect, Qt::AlignCenter, QLocale().toString(m_count));
    if (!m_note.isEmpty()) {
        f.setPointSizeF(9);
        f.setBold(false);
        p->setFont(f);
        p->drawText(QRectF(m_rect.left(), countRect.bottom() - 2, m_rect.width(), 14), Qt::AlignCenter, m_note);
    }
}
