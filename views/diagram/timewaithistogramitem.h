#pragma once

#include "core/snapshot.h"

#include <QElapsedTimer>
#include <QGraphicsItem>

#include <array>

// TIME_WAIT sockets by remaining time, 0 .. 60 s (TCP_TIMEWAIT_LEN on Linux), in one-second bins.
// Between polls the bars slide towards 0 with the clock, so the countdown is visible at any interval.
class TimeWaitHistogramItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 4 };
    static constexpr int Bins = 60;

    TimeWaitHistogramItem(QSizeF size, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    void setSnapshot(const Snapshot &snapshot, const std::optional<AddressFamily> &family);
    const std::array<int, Bins> &bins() const { return m_bins; }
    int total() const { return m_total; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QSizeF m_size;
    std::array<int, Bins> m_bins {};
    int m_total = 0;
    qint64 m_lengthMs = 60'000;
    QElapsedTimer m_sincePoll;
};
