#pragma once

#include <QStyledItemDelegate>

// Paints row status from the table model: new rows flash green, closing rows amber, vanished rows
// red and fading out before the model removes them (as TCPView does).
class ConnectionRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Background for a status at an age, or an invalid colour for none; public for tests.
    static QColor statusColour(int status, qint64 ageMs, const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
