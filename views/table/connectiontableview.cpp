#include "table/connectiontableview.h"

#include "models/connectionfilterproxy.h"
#include "models/connectiontablemodel.h"
#include "table/connectionrowdelegate.h"
#include "table/tablelook.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QMenu>

#include <algorithm>

ConnectionTableView::ConnectionTableView(ConnectionTableModel *model, ConnectionFilterProxy *proxy, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_proxy(proxy)
{
    proxy->setSourceModel(model);
    setModel(proxy);
    setItemDelegate(new ConnectionRowDelegate(this));
    setSortingEnabled(true);
    sortByColumn(-1, Qt::AscendingOrder); // kernel order until the user picks a column
    TableLook::apply(this); // fixed widths: ResizeToContents would measure 100k rows on every update
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(false);
    horizontalHeader()->setStretchLastSection(true);
    const int w = fontMetrics().averageCharWidth();
    const int widths[] = { 6, 24, 24, 13, 10, 11, 9, 8, 8, 7, 6, 10, 10, 22 };
    for (int c = 0; c < ConnectionTableModel::ColumnCount; ++c)
        setColumnWidth(c, widths[c] * w + 16);

    auto *copy = new QAction(tr("Copy rows"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &ConnectionTableView::copySelection);
    addAction(copy);
    m_end = new QAction(tr("End connection\u2026"), this);
    connect(m_end, &QAction::triggered, this, [this] {
        const QList<quint64> ids = endableSelection(nullptr);
        if (!ids.isEmpty())
            Q_EMIT endConnectionsRequested(ids);
    });
    addAction(m_end);
    setContextMenuPolicy(Qt::DefaultContextMenu);
    setEndingAvailable(false);

    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this] { Q_EMIT currentSocketChanged(currentId()); });
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConnectionTableView::updateEndAction);
    m_fade.setInterval(100);
    connect(&m_fade, &QTimer::timeout, this, [this] {
        viewport()->update();
        if (++m_fadeFrames > (ConnectionTableModel::FlashMs / 100) + 1)
            m_fade.stop();
    });
}

quint64 ConnectionTableView::currentId() const
{
    const QModelIndex i = currentIndex();
    return i.isValid() ? i.data(ConnectionTableModel::IdRole).toULongLong() : 0;
}

QString ConnectionTableView::selectedRowsText() const
{
    QList<int> rows;
    for (const QModelIndex &i : selectionModel()->selectedRows())
        rows << m_proxy->mapToSource(i).row();
    std::sort(rows.begin(), rows.end());
    return m_model->rowsAsText(rows);
}

void ConnectionTableView::copySelection() const
{
    if (selectionModel()->hasSelection())
        QApplication::clipboard()->setText(selectedRowsText());
}

void ConnectionTableView::animate()
{
    m_fadeFrames = 0;
    if (!m_fade.isActive())
        m_fade.start();
}

void ConnectionTableView::setEndingAvailable(bool available, const QString &reason)
{
    m_endingAvailable = available;
    m_unavailableReason = reason;
    updateEndAction();
}

// tcp_abort() (net/ipv4/tcp.c) sends an RST and tells the owner only for a full socket. A listener it
// would close for good; a request socket it just drops from the queue, and a TIME_WAIT one it either
// descheduled (newer kernels) or refused with EOPNOTSUPP: no peer and no program is told either way.
QString ConnectionTableView::whyNotEndable(const SocketEntry &e)
{
    if (e.kind == RowKind::TimeWaitSock || e.state == TcpState::TimeWait)
        return tr("TIME_WAIT is not a connection any more: the kernel only remembers it, nobody would be told, "
                  "and it leaves by itself within 60 s (tcp_abort in net/ipv4/tcp.c drops it on newer kernels, "
                  "refuses it on older ones)");
    if (e.kind == RowKind::Request || e.state == TcpState::NewSynRecv)
        return tr("a half-open SYN_RECV request is not a connection yet: tcp_abort (net/ipv4/tcp.c) would only "
                  "drop it from the listener's queue and the client would retry");
    if (e.state == TcpState::Listen)
        return tr("a listening socket is a server, not a connection: ending it would stop the service");
    if (e.kind != RowKind::Full || e.state == TcpState::Close || e.state == TcpState::BoundInactive)
        return tr("this socket has no connection to end");
    return {};
}

QList<quint64> ConnectionTableView::endableSelection(QString *whyNot) const
{
    QList<int> rows;
    for (const QModelIndex &i : selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    QList<quint64> ids;
    for (int row : rows) {
        const TrackedSocket &t = m_model->socketAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
        const QString why = whyNotEndable(t.entry);
        if (why.isEmpty())
            ids << t.id;
        else if (whyNot && whyNot->isEmpty())
            *whyNot = why;
    }
    return ids;
}

void ConnectionTableView::updateEndAction()
{
    QString why = m_unavailableReason;
    const bool some = m_endingAvailable && !endableSelection(&why).isEmpty();
    if (m_endingAvailable && why.isEmpty() && !some)
        why = tr("select the connections to end");
    m_end->setEnabled(some);
    m_end->setToolTip(some ? tr("Ends the selected connections: the kernel sends each peer a reset") : why);
}

void ConnectionTableView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.setToolTipsVisible(true); // the disabled item says why
    menu.addActions(actions());
    menu.exec(event->globalPos());
}
