#include "teaching/packetladder.h"

#include "teaching/endpointlaneitem.h"
#include "teaching/packetarrowitem.h"

#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>

namespace {
constexpr double laneGap = 660; // distance between the two lanes, scene units
constexpr double leftMargin = 240; // step numbers, clock labels and client state names
constexpr double rightMargin = 190; // server state names

using Endpoint = LessonPacket::Endpoint;

QGraphicsSimpleTextItem *addText(QGraphicsScene *scene, const QString &text, const QFont &font, const QColor &color,
    QPointF anchor, Qt::Alignment align)
{
    auto *t = scene->addSimpleText(text, font);
    t->setBrush(color);
    const QRectF r = t->boundingRect();
    double x = anchor.x();
    if (align & Qt::AlignRight)
        x -= r.width();
    else if (align & Qt::AlignHCenter)
        x -= r.width() / 2;
    t->setPos(x, anchor.y() - r.height() / 2);
    t->setZValue(3);
    return t;
}
} // namespace

PacketLadder::PacketLadder(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setBackgroundBrush(Qt::white);
}

void PacketLadder::setLesson(const Lesson &lesson)
{
    m_lesson = lesson;
    m_step = -1;
    rebuild();
}

void PacketLadder::setStep(int step)
{
    m_step = qBound(-1, step, int(m_lesson.steps.size()) - 1);
    rebuild();
}

void PacketLadder::setPresentation(bool on)
{
    m_style.scale = on ? 1.3 : 1.0;
    rebuild();
}

QList<QGraphicsItem *> PacketLadder::packetItems() const
{
    QList<QGraphicsItem *> out;
    for (QGraphicsItem *i : m_scene->items()) {
        if (i->type() == PacketArrowItem::Type)
            out.append(i);
    }
    return out;
}

double PacketLadder::rowTop(int step) const
{
    return 22 + step * m_rowH;
}

void PacketLadder::chooseRowHeight()
{
    // Rows stretch or shrink so the whole lesson fits the view's shape: tall rows for short lessons, and
    // long ones (ten steps) stay readable instead of being scaled down as a whole.
    const double g = 1 + (m_style.scale - 1) * 0.5;
    const double width = leftMargin + laneGap + rightMargin;
    const double aspect = viewport()->width() > 0 ? double(viewport()->height()) / viewport()->width() : 0.5;
    const int steps = qMax(1, int(m_lesson.steps.size()));
    const double wanted = (width * aspect - EndpointLaneItem::headerHeight(m_style) - 50) / steps;
    m_rowH = qBound(54 * g, wanted, 104 * g);
}

void PacketLadder::rebuild()
{
    m_scene->clear();
    chooseRowHeight();
    const int steps = int(m_lesson.steps.size());
    const double rowH = m_rowH;
    const double length = rowTop(steps) + 14;
    const double headerH = EndpointLaneItem::headerHeight(m_style);
    const QRectF bounds(-leftMargin, -headerH - 8, leftMargin + laneGap + rightMargin, headerH + 8 + length + 8);
    m_scene->setSceneRect(bounds);

    if (m_step >= 0) {
        auto *band = m_scene->addRect(
            QRectF(bounds.left(), rowTop(m_step), bounds.width(), rowH), Qt::NoPen, QColor(0xff, 0xf4, 0xc7));
        band->setZValue(0);
    }

    auto *client = new EndpointLaneItem(Endpoint::Client, m_style, length);
    client->setEndpoint(m_lesson.clientLabelAt(m_step), m_lesson.clientAt(m_step));
    auto *server = new EndpointLaneItem(Endpoint::Server, m_style, length);
    server->setEndpoint(m_lesson.serverLabelAt(m_step), m_lesson.serverAt(m_step));
    server->setPos(laneGap, 0);
    m_scene->addItem(client);
    m_scene->addItem(server);

    const QFont stateFont = m_style.font(15, true);
    const QFont smallFont = m_style.font(13);
    const QColor grey(0x6a, 0x73, 0x7d);
    // Start states, then each state where it changes, level with the arrival of the step's packets.
    addText(m_scene, TcpStates::rfcName(m_lesson.clientStart), stateFont, LadderStyle::clientColor(), QPointF(-16, 10),
        Qt::AlignRight);
    addText(m_scene, TcpStates::rfcName(m_lesson.serverStart), stateFont, LadderStyle::serverColor(),
        QPointF(laneGap + 16, 10), Qt::AlignLeft);
    for (int i = 0; i <= m_step; ++i) {
        const LessonStep &s = m_lesson.steps.at(i);
        const double top = rowTop(i);
        const double stateY = top + rowH * 0.84;
        addText(m_scene, QString::number(i + 1), m_style.font(15, true), grey,
            QPointF(bounds.left() + 24, top + rowH * 0.3), Qt::AlignHCenter);
        if (!s.time.isEmpty())
            addText(m_scene, s.time, smallFont, grey, QPointF(bounds.left() + 12, stateY), Qt::AlignLeft);
        // A lane that now stands for another socket (client B behind the same NAT) says so.
        if (!s.clientLabel.isEmpty() && s.clientLabel != m_lesson.clientLabelAt(i - 1))
            addText(m_scene, s.clientLabel, smallFont, LadderStyle::clientColor(), QPointF(-16, top + rowH * 0.3),
                Qt::AlignRight);
        if (!s.serverLabel.isEmpty() && s.serverLabel != m_lesson.serverLabelAt(i - 1))
            addText(m_scene, s.serverLabel, smallFont, LadderStyle::serverColor(),
                QPointF(laneGap + 16, top + rowH * 0.3), Qt::AlignLeft);
        if (s.client != m_lesson.clientAt(i - 1))
            addText(m_scene, TcpStates::rfcName(s.client), stateFont, LadderStyle::clientColor(), QPointF(-16, stateY),
                Qt::AlignRight);
        if (s.server != m_lesson.serverAt(i - 1))
            addText(m_scene, TcpStates::rfcName(s.server), stateFont, LadderStyle::serverColor(),
                QPointF(laneGap + 16, stateY), Qt::AlignLeft);

        const int n = int(s.packets.size());
        for (int k = 0; k < n; ++k) {
            const LessonPacket &p = s.packets.at(k);
            const bool fromClient = p.from == Endpoint::Client;
            const double x0 = fromClient ? 0 : laneGap;
            const double x1 = fromClient ? laneGap : 0;
            double y0 = top + rowH * (0.16 + 0.68 * k / n);
            double y1 = y0 + rowH * 0.68 / n;
            if (p.inFlight) { // crosses into the next row, where it lands
                y0 = top + rowH * 0.5;
                y1 = top + rowH * 1.5;
            }
            const bool crossing = n > 1 && s.packets.at(0).from != s.packets.at(n - 1).from;
            auto *arrow = new PacketArrowItem(p, QLineF(x0, y0, x1, y1), m_style, crossing ? 0.25 : 0.5);
            arrow->setProgress(p.inFlight && i == m_step ? 0.5 : 1.0);
            m_scene->addItem(arrow);
        }
    }
    if (m_step < 0 && steps > 0)
        addText(m_scene, QStringLiteral("Press Play or → to start"), m_style.font(18), grey,
            QPointF(laneGap / 2, rowTop(0) + rowH), Qt::AlignHCenter);
    fitInView(bounds, Qt::KeepAspectRatio);
}

void PacketLadder::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    rebuild();
}
