#pragma once

#include <QStyledItemDelegate>

#include <functional>

// Paints row status from the table model: new rows flash green, closing rows amber, vanished rows
// red and fading out before the model removes them (as TCPView does).
class ConnectionRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // Background for a status at an age, or an invalid colour for none; public for tests.
    static QColor statusColour(int status, qint64 ageMs, const QPalette &palette);

    // Rows the predicate accepts get a coloured bar at their left edge (the live lab's sockets).
    using Marker = std::function<bool(const QModelIndex &index)>;
    void setMarker(Marker marker) { m_marker = std::move(marker); }
    static QColor markerColour() { return QColor(0x1c, 0x64, 0xd2); }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    Marker m_marker;
};
