#include "table/connectiontableview.h"

#include "models/connectionfilterproxy.h"
#include "models/connectiontablemodel.h"
#include "table/connectionrowdelegate.h"
#include "table/tablelook.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>

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
    setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this] { Q_EMIT currentSocketChanged(currentId()); });
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
