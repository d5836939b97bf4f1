#include "teaching/lessonstatepanel.h"

#include "common/ladderstyle.h"

#include <QPainter>

LessonStatePanel::LessonStatePanel(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
}

void LessonStatePanel::setStates(TcpState client, TcpState server)
{
    m_client = client;
    m_server = server;
    update();
}

void LessonStatePanel::setPresentation(bool on)
{
    m_scale = on ? 1.3 : 1.0;
    setFixedWidth(sizeHint().width());
    updateGeometry();
    update();
}

QSize LessonStatePanel::sizeHint() const
{
    return QSize(int(230 * m_scale), int(520 * m_scale));
}

void LessonStatePanel::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const LadderStyle style { m_scale };
    const double margin = 10 * m_scale;
    const double titleH = 30 * m_scale;
    p.setFont(style.font(15, true));
    p.setPen(QColor(0x30, 0x36, 0x3d));
    p.drawText(QRectF(margin, 0, width() - 2 * margin, titleH), Qt::AlignLeft | Qt::AlignVCenter, tr("States now"));

    const int n = int(TcpStates::rfcStates.size());
    const double legendH = 34 * m_scale;
    const double rowH = qMin(44.0 * m_scale, (height() - titleH - legendH) / n);
    const double pillW = width() - 2 * margin;
    for (int i = 0; i < n; ++i) {
        const TcpState s = TcpStates::rfcStates.at(size_t(i));
        const double gap = rowH >= 30 ? 3 : 1; // in a small dock the rows are short: keep the text room
        const QRectF pill(margin, titleH + i * rowH + gap, pillW, rowH - 2 * gap);
        const bool c = s == m_client;
        const bool sv = s == m_server;
        p.setPen(QPen(QColor(0xc8, 0xcd, 0xd3), 1));
        p.setBrush(QColor(0xf3, 0xf5, 0xf7));
        p.drawRoundedRect(pill, 6, 6);
        if (c || sv) {
            p.setPen(Qt::NoPen);
            if (c && sv) { // both ends in this state: split the pill
                p.setBrush(LadderStyle::clientColor());
                p.drawRoundedRect(QRectF(pill.left(), pill.top(), pill.width() / 2 + 6, pill.height()), 6, 6);
                p.setBrush(LadderStyle::serverColor());
                p.drawRoundedRect(QRectF(pill.center().x() - 6, pill.top(), pill.width() / 2 + 6, pill.height()), 6, 6);
            } else {
                p.setBrush(c ? LadderStyle::clientColor() : LadderStyle::serverColor());
                p.drawRoundedRect(pill, 6, 6);
            }
        }
        p.setPen(c || sv ? Qt::white : QColor(0x57, 0x60, 0x6a));
        // Short rows (a small dock) get a smaller font, so the name never spills over the pill's edges.
        p.setFont(style.font(qMin(14.0 * m_scale, pill.height() * 0.85) / m_scale, c || sv));
        p.drawText(pill, Qt::AlignCenter, TcpStates::rfcName(s));
    }
    // Legend
    const double y = titleH + n * rowH + 8 * m_scale;
    p.setFont(style.font(13, true));
    const double sw = 14 * m_scale;
    p.setPen(Qt::NoPen);
    p.setBrush(LadderStyle::clientColor());
    p.drawRoundedRect(QRectF(margin, y, sw, sw), 3, 3);
    p.setBrush(LadderStyle::serverColor());
    p.drawRoundedRect(QRectF(margin + pillW / 2, y, sw, sw), 3, 3);
    p.setPen(QColor(0x30, 0x36, 0x3d));
    p.drawText(QRectF(margin + sw + 6, y - 4, pillW / 2, sw + 8), Qt::AlignLeft | Qt::AlignVCenter, tr("client"));
    p.drawText(
        QRectF(margin + pillW / 2 + sw + 6, y - 4, pillW / 2, sw + 8), Qt::AlignLeft | Qt::AlignVCenter, tr("server"));
}
