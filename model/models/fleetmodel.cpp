#include "models/fleetmodel.h"

#include <QLocale>
#include <QPointF>

namespace {
QString stateOf(int column)
{
    switch (column) {
    case FleetModel::EstablishedColumn:
        return QStringLiteral("established");
    case FleetModel::TimeWaitColumn:
        return QStringLiteral("time_wait");
    case FleetModel::CloseWaitColumn:
        return QStringLiteral("close_wait");
    case FleetModel::FinWait2Column:
        return QStringLiteral("fin_wait2");
    case FleetModel::ListenColumn:
        return QStringLiteral("listen");
    default:
        return {};
    }
}

QVariantList trend(const FleetHost::Trend &t)
{
    QVariantList out;
    out.reserve(qsizetype(t.size()));
    for (const auto &[ms, v] : t)
        out << QVariant(QPointF(double(ms), v));
    return out;
}
} // namespace

FleetModel::FleetModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void FleetModel::setHosts(std::vector<FleetHost> hosts)
{
    bool same = hosts.size() == m_hosts.size();
    for (size_t i = 0; same && i < hosts.size(); ++i)
        same = hosts[i].instance == m_hosts[i].instance;
    if (!same) {
        beginResetModel();
        m_hosts = std::move(hosts);
        endResetModel();
        return;
    }
    m_hosts = std::move(hosts);
    if (!m_hosts.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hosts.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const FleetHost &h = m_hosts[size_t(index.row())];
    const int c = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (c == HostColumn)
            return h.up ? h.instance : tr("%1 (down)").arg(h.instance);
        if (c == FindingsColumn)
            return h.findings.join(QStringLiteral(", "));
        return QLocale().toString(qint64(h.state(stateOf(c))));
    case Qt::ToolTipRole:
        if (c == HostColumn)
            return tr("Double-click to watch %1 live over ssh").arg(h.sshHost());
        return {};
    case Qt::TextAlignmentRole:
        return c >= EstablishedColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case TrendRole:
        if (c == TimeWaitColumn)
            return trend(h.timeWait);
        if (c == CloseWaitColumn)
            return trend(h.closeWait);
        return {};
    case SeverityRole:
        return h.worstSeverity;
    case InstanceRole:
        return h.instance;
    default:
        return {};
    }
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *names[ColumnCount] = { QT_TR_NOOP("Host"), QT_TR_NOOP("Findings"), QT_TR_NOOP("ESTABLISHED"),
        QT_TR_NOOP("TIME_WAIT"), QT_TR_NOOP("CLOSE_WAIT"), QT_TR_NOOP("FIN_WAIT2"), QT_TR_NOOP("LISTEN") };
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}
