#pragma once

#include <QGraphicsView>

class StateDiagramScene;

// Shows the state diagram fitted to the widget; the wheel zooms (then the fit is off until a
// double click on empty space restores it).
class StateDiagramView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit StateDiagramView(StateDiagramScene *scene, QWidget *parent = nullptr);

    bool isAutoFit() const { return m_autoFit; }
    void fit();
    // Zooms about the centre (menu and keyboard); factor > 1 zooms in.
    void zoomBy(qreal factor);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    bool m_autoFit = true;
};
