#include "table/connectionrowdelegate.h"

#include "models/connectiontablemodel.h"

#include <QPainter>

QColor ConnectionRowDelegate::statusColour(int status, qint64 ageMs, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    QColor c;
    qreal strength = 1.0;
    switch (status) {
    case ConnectionTableModel::Appeared:
        c = dark ? QColor(0x2e, 0x7d, 0x32) : QColor(0xa5, 0xe6, 0xa8);
        strength = 1.0 - qreal(ageMs) / ConnectionTableModel::FlashMs;
        break;
    case ConnectionTableModel::Closing:
        c = dark ? QColor(0x8d, 0x6e, 0x1a) : QColor(0xff, 0xdd, 0x80);
        strength = 1.0 - qreal(ageMs) / ConnectionTableModel::FlashMs;
        break;
    case ConnectionTableModel::Vanished:
        c = dark ? QColor(0x8e, 0x24, 0x24) : QColor(0xf4, 0xa6, 0xa6);
        strength = 1.0 - 0.7 * qreal(ageMs) / ConnectionTableModel::FadeMs;
        break;
    default:
        return {};
    }
    if (strength <= 0)
        return {};
    c.setAlphaF(qBound(0.0, strength, 1.0));
    return c;
}

void ConnectionRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int status = index.data(ConnectionTableModel::RowStatusRole).toInt();
    const qint64 age = ConnectionTableModel::nowMs() - index.data(ConnectionTableModel::StatusSinceRole).toLongLong();
    const QColor bg = statusColour(status, age, option.palette);
    if (bg.isValid())
        painter->fillRect(option.rect, bg);
    QStyleOptionViewItem opt = option;
    if (status == ConnectionTableModel::Vanished) {
        QColor text = opt.palette.color(QPalette::Text);
        text.setAlphaF(qBound(0.25, 1.0 - qreal(age) / ConnectionTableModel::FadeMs, 1.0));
        opt.palette.setColor(QPalette::Text, text);
        opt.font.setStrikeOut(true);
    }
    if (index.data(ConnectionTableModel::OwnerRememberedRole).toBool())
        opt.font.setItalic(true); // an owner seen before the socket closed, not read now
    QStyledItemDelegate::paint(painter, opt, index);
    if (m_marker && index.column() == 0 && m_marker(index))
        painter->fillRect(QRect(option.rect.left(), option.rect.top(), 4, option.rect.height()), markerColour());
}
