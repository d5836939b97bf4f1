#pragma once

#include <QList>
#include <QTableView>
#include <QTimer>

class ConnectionFilterProxy;
class ConnectionTableModel;
class QAction;
struct SocketEntry;

// The connection table: sortable, multi-row selection, Ctrl+C copies the selected rows as
// tab-separated text. Repaints a few times a second while rows flash or fade. Its context menu offers
// "End connection..." for the selected rows: it only asks (endConnectionsRequested), app/ ends them.
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

    QAction *endConnectionAction() const { return m_end; }
    // Whether the source can end connections at all; reason is the disabled item's tooltip.
    void setEndingAvailable(bool available, const QString &reason = {});
    // Empty when SOCK_DESTROY can end this socket, else why not (the disabled item's tooltip).
    static QString whyNotEndable(const SocketEntry &e);

Q_SIGNALS:
    void currentSocketChanged(quint64 id);
    // Tracker ids of the selected rows that can be ended, in table order.
    void endConnectionsRequested(const QList<quint64> &ids);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QList<quint64> endableSelection(QString *whyNot) const;
    void updateEndAction();

    ConnectionTableModel *m_model;
    ConnectionFilterProxy *m_proxy;
    QTimer m_fade;
    int m_fadeFrames = 0;
    QAction *m_end = nullptr;
    bool m_endingAvailable = false;
    QString m_unavailableReason;
};
