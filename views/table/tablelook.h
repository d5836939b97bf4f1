#pragma once

#include <QHeaderView>
#include <QTableView>

// The look both connection tables share: whole rows, no grid or wrapping, one line of text a row, and
// columns the user sizes (ResizeToContents would measure every row on every update).
namespace TableLook {
inline void apply(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}
} // namespace TableLook
