#include "table/processtableview.h"

#include "models/processgroupmodel.h"
#include "table/tablelook.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

ProcessTableView::ProcessTableView(ProcessGroupModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_sorted(new QSortFilterProxyModel(this))
{
    // A few hundred rows at most (one per process), so QSortFilterProxyModel's re-sort per poll is cheap.
    m_sorted->setSourceModel(model);
    m_sorted->setSortRole(ProcessGroupModel::SortRole);
    m_sorted->setDynamicSortFilter(true);
    setModel(m_sorted);
    setSortingEnabled(true);
    sortByColumn(ProcessGroupModel::TotalColumn, Qt::DescendingOrder);
    TableLook::apply(this);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    const int w = fontMetrics().averageCharWidth();
    setColumnWidth(ProcessGroupModel::ProcessColumn, 26 * w + 16);
    setColumnWidth(ProcessGroupModel::UserColumn, 10 * w + 16);
    setColumnWidth(ProcessGroupModel::UnitColumn, 26 * w + 16);
    for (int c = ProcessGroupModel::TotalColumn; c < ProcessGroupModel::ColumnCount; ++c)
        setColumnWidth(
            c, qMax(8 * w, fontMetrics().horizontalAdvance(model->headerData(c, Qt::Horizontal).toString())) + 16);

    connect(this, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &i) {
        if (!i.data(ProcessGroupModel::UnknownOwnerRole).toBool())
            Q_EMIT processActivated(
                i.data(ProcessGroupModel::PidRole).toInt(), i.data(ProcessGroupModel::StartTicksRole).toULongLong());
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &ProcessTableView::hideEmptyStates);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ProcessTableView::hideEmptyStates);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ProcessTableView::hideEmptyStates);
    connect(model, &QAbstractItemModel::modelReset, this, &ProcessTableView::hideEmptyStates);
    hideEmptyStates();
}

void ProcessTableView::hideEmptyStates()
{
    // Before the first poll every column shows, so the header says what the view will hold.
    const bool empty = m_model->rowCount() == 0;
    for (int c = ProcessGroupModel::FirstStateColumn; c < ProcessGroupModel::ColumnCount; ++c)
        setColumnHidden(c, !empty && m_model->columnTotal(c) == 0);
}
