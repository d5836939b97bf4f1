#pragma once

#include "core/fleethost.h"

#include <QAbstractTableModel>

#include <vector>

// The fleet view's table: one row per host, most trouble first (FleetBuilder::worse), with its
// findings and its counts of the states that pile up. TrendRole gives a cell's history (TIME_WAIT's
// in its column, CLOSE_WAIT's in its) for the small multiples. Rows update in place while the hosts
// and their order stay; a host that comes or goes, or a new order, resets the model.
class FleetModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        HostColumn,
        FindingsColumn,
        EstablishedColumn,
        TimeWaitColumn,
        CloseWaitColumn,
        FinWait2Column,
        ListenColumn,
        ColumnCount
    };
    enum Role { TrendRole = Qt::UserRole + 1, SeverityRole, InstanceRole };

    explicit FleetModel(QObject *parent = nullptr);

    void setHosts(std::vector<FleetHost> hosts);
    const FleetHost &hostAt(int row) const { return m_hosts[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<FleetHost> m_hosts;
};
