#pragma once

#include <QStyledItemDelegate>

// Draws a cell's number over a small line of its history (the model's trend role: a list of
// QPointF, x in ms, y the value): the fleet view's small multiples. Cells without a history are
// drawn as usual.
class SparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    SparklineDelegate(int trendRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};
