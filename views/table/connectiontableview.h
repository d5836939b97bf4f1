#pragma once

#include <QTableView>
#include <QTimer>

class ConnectionFilterProxy;
class ConnectionTableModel;

// The connection table: sortable, multi-row selection, Ctrl+C copies the selected rows as
// tab-separated text. Repaints a few times a second while rows flash or fade.
class ConnectionTableView : public QTableView
{
    Q_OBJECT
public:
    ConnectionTableView(ConnectionTableModel *model, ConnectionFilterProxy *proxy, QWidget *parent = nullptr);

    // Tracker id of the current row, 0 when none.
    quint64 currentId() const;
    QString selectedRowsText() const;
    void copySelection() const;
    // Repaint for flashes and fades; the window calls this after each poll.
    void animate();

Q_SIGNALS:
    void currentSocketChanged(quint64 id);

private:
    ConnectionTableModel *m_model;
    ConnectionFilterProxy *m_proxy;
    QTimer m_fade;
    int m_fadeFrames = 0;
};
