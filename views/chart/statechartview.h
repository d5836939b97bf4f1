#pragma once

#include <QChartView>

#include <vector>

// The chart canvas: Qt Charts draws the series; this view adds what Qt Charts has no item for:
// labelled vertical markers (a tunable changed), shaded gaps (no data), and a cursor line.
class StateChartView : public QChartView
{
    Q_OBJECT
public:
    struct Marker
    {
        qint64 timeMs = 0;
        QString label;
    };
    struct Gap
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
    };

    explicit StateChartView(QChart *chart, QWidget *parent = nullptr);

    void setTimeRange(qint64 fromMs, qint64 toMs);
    void setMarkers(std::vector<Marker> markers);
    void setGaps(std::vector<Gap> gaps);
    const std::vector<Marker> &markers() const { return m_markers; }
    // The time under a viewport x coordinate, clamped to the range.
    qint64 timeAt(int viewportX) const;

Q_SIGNALS:
    void hovered(qint64 timeMs, const QPoint &globalPos);
    void hoverLeft();
    void scrollRequested(int steps); // wheel: negative = back in time

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    double xOf(qint64 timeMs) const;

    qint64 m_from = 0;
    qint64 m_to = 1;
    std::vector<Marker> m_markers;
    std::vector<Gap> m_gaps;
    int m_cursorX = -1; // scene x of the mouse, -1 when outside
};
