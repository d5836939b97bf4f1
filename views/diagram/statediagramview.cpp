#include "diagram/statediagramview.h"

#include "diagram/statediagramscene.h"

#include <QWheelEvent>

#include <cmath>

StateDiagramView::StateDiagramView(StateDiagramScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setFrameShape(QFrame::NoFrame);
    scene->setPalette(palette());
    setBackgroundBrush(palette().color(QPalette::Base));
}

void StateDiagramView::fit()
{
    m_autoFit = true;
    if (scene())
        fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
}

void StateDiagramView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fit();
}

void StateDiagramView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (m_autoFit)
        fit();
}

void StateDiagramView::zoomBy(qreal factor)
{
    const qreal current = transform().m11();
    if ((factor > 1 && current > 6) || (factor < 1 && current < 0.1))
        return;
    m_autoFit = false;
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    scale(factor, factor);
    setTransformationAnchor(anchor);
}

void StateDiagramView::wheelEvent(QWheelEvent *event)
{
    const qreal factor = std::pow(1.0015, event->angleDelta().y());
    const qreal current = transform().m11();
    if ((factor > 1 && current > 6) || (factor < 1 && current < 0.1))
        return;
    m_autoFit = false;
    scale(factor, factor);
    event->accept();
}

void StateDiagramView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!itemAt(event->position().toPoint())) {
        fit();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void StateDiagramView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && scene()) {
        scene()->setPalette(palette());
        setBackgroundBrush(palette().color(QPalette::Base));
    }
    QGraphicsView::changeEvent(event);
}
