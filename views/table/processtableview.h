#pragma once

#include <QTableView>

class ProcessGroupModel;
class QSortFilterProxyModel;

// The connections grouped by process (ProcessGroupModel), most sockets first; sortable by any column.
// Hides the state columns no process has, so the counts that matter fit the dock. A double click on a
// process asks for its sockets (the window filters the connections table to it).
class ProcessTableView : public QTableView
{
    Q_OBJECT
public:
    explicit ProcessTableView(ProcessGroupModel *model, QWidget *parent = nullptr);

    QSortFilterProxyModel *sortProxy() const { return m_sorted; }

Q_SIGNALS:
    void processActivated(qint32 pid, quint64 startTicks);

private:
    void hideEmptyStates();

    ProcessGroupModel *m_model;
    QSortFilterProxyModel *m_sorted;
};
