#include "models/processgroupmodel.h"

#include "core/tcpstatemachine.h"

#include <QStringList>

#include <algorithm>
#include <climits>

ProcessGroupModel::ProcessGroupModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int ProcessGroupModel::columnOf(TcpState state)
{
    const TcpState d = TcpStateMachine::diagramState(state);
    const auto it = std::find(TcpStates::rfcStates.begin(), TcpStates::rfcStates.end(), d);
    return FirstStateColumn + int(it - TcpStates::rfcStates.begin());
}

std::map<ProcessGroupModel::Key, ProcessGroupModel::Group> ProcessGroupModel::grouped(
    const std::vector<TrackedSocket> &sockets)
{
    std::map<Key, Group> groups;
    for (const TrackedSocket &t : sockets) {
        Group &g = groups[keyOf(t.owner.get())];
        if (!g.owner)
            g.owner = t.owner;
        ++g.states[size_t(columnOf(t.entry.state) - FirstStateColumn)];
        ++g.total;
        g.remembered += t.owner && t.ownerRemembered ? 1 : 0;
    }
    return groups;
}

void ProcessGroupModel::apply(const std::vector<TrackedSocket> &sockets, const SocketOwners *owners)
{
    std::map<Key, Group> groups = grouped(sockets);
    Unknown unknown;
    unknown.noOwners = owners == nullptr;
    for (const TrackedSocket &t : sockets)
        unknown.noProcess += !t.owner && t.entry.inode == 0 ? 1 : 0;
    if (owners) {
        unknown.otherUsers = owners->count(SocketOwners::Missing::OtherUsers);
        unknown.notFound = owners->count(SocketOwners::Missing::NotFound);
        unknown.notScanned = owners->count(SocketOwners::Missing::NotScanned);
        unknown.deniedProcesses = owners->deniedProcesses;
    }
    const bool unknownChanged = unknown != m_unknown;
    m_unknown = unknown;
    removeGone(groups);

    int first = INT_MAX;
    int last = -1;
    for (size_t r = 0; r < m_rows.size(); ++r) {
        auto it = groups.find(keyOf(m_rows[r].owner.get()));
        const bool changed = !(it->second == m_rows[r]) || (unknownChanged && !m_rows[r].owner);
        m_rows[r] = std::move(it->second);
        groups.erase(it);
        if (changed) {
            first = std::min(first, int(r));
            last = std::max(last, int(r));
        }
    }
    if (last >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    if (groups.empty())
        return;
    // Processes new this poll go at the end, so every other row keeps its place.
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at + int(groups.size()) - 1);
    for (auto &[key, g] : groups) {
        m_rowOf[key] = int(m_rows.size());
        m_rows.push_back(std::move(g));
    }
    endInsertRows();
}

void ProcessGroupModel::removeGone(const std::map<Key, Group> &groups)
{
    bool removed = false;
    for (int r = int(m_rows.size()) - 1; r >= 0; --r) {
        if (groups.count(keyOf(m_rows[size_t(r)].owner.get())))
            continue;
        beginRemoveRows({}, r, r);
        m_rows.erase(m_rows.begin() + r);
        endRemoveRows();
        removed = true;
    }
    if (!removed)
        return;
    m_rowOf.clear();
    for (size_t r = 0; r < m_rows.size(); ++r)
        m_rowOf[keyOf(m_rows[r].owner.get())] = int(r);
}

void ProcessGroupModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_unknown = {};
    endResetModel();
}

int ProcessGroupModel::countAt(int row, int column) const
{
    const Group &g = m_rows[size_t(row)];
    if (column == TotalColumn)
        return g.total;
    if (column == RememberedColumn)
        return g.remembered;
    return column >= FirstStateColumn && column < ColumnCount ? g.states[size_t(column - FirstStateColumn)] : 0;
}

int ProcessGroupModel::rowOf(const Key &key) const
{
    const auto it = m_rowOf.find(key);
    return it == m_rowOf.end() ? -1 : it->second;
}

int ProcessGroupModel::columnTotal(int column) const
{
    int n = 0;
    for (int r = 0; r < rowCount(); ++r)
        n += countAt(r, column);
    return n;
}

int ProcessGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProcessGroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProcessGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Group &g = m_rows[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(g, column);
    case SortRole:
        return column >= TotalColumn ? QVariant(countAt(index.row(), column)) : display(g, column);
    case Qt::TextAlignmentRole:
        return column >= TotalColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        return toolTip(g);
    case PidRole:
        return g.owner ? g.owner->pid : 0;
    case StartTicksRole:
        return g.owner ? g.owner->startTicks : 0;
    case UnknownOwnerRole:
        return !g.owner;
    default:
        return {};
    }
}

QVariant ProcessGroupModel::display(const Group &g, int column) const
{
    switch (column) {
    case ProcessColumn:
        return g.owner ? g.owner->label() : tr("unknown owner");
    case UserColumn:
        return g.owner ? g.owner->user : QString();
    case UnitColumn:
        return g.owner ? g.owner->unit : QString();
    case RememberedColumn:
        return g.remembered ? QVariant(g.remembered) : QVariant(QString());
    default: {
        const int n = column == TotalColumn ? g.total : g.states[size_t(column - FirstStateColumn)];
        return n ? QVariant(n) : QVariant(QString()); // blanks read faster than a column of zeros
    }
    }
}

QVariant ProcessGroupModel::toolTip(const Group &g) const
{
    if (!g.owner)
        return QString(tr("%n sockets with no known owner", nullptr, g.total) + QLatin1Char('\n') + unknownReason());
    QString tip = tr("%1, user %2").arg(g.owner->label(), g.owner->user);
    if (!g.owner->unit.isEmpty())
        tip += QLatin1Char('\n') + tr("unit %1").arg(g.owner->unit);
    tip += QLatin1Char('\n') + tr("%n sockets", nullptr, g.total);
    if (g.remembered)
        tip += QLatin1Char('\n')
            + tr("of which %n remembered: closed since (TIME-WAIT, orphaned), shown under the process that held them",
                nullptr, g.remembered);
    return tip;
}

QString ProcessGroupModel::unknownReason() const
{
    if (m_unknown.noOwners)
        return tr("This source does not tell which process holds a socket (remote host or recording).");
    QStringList parts;
    if (m_unknown.noProcess)
        parts << tr("%n held by no process (TIME-WAIT, orphaned) and never seen owned", nullptr, m_unknown.noProcess);
    if (m_unknown.otherUsers)
        parts << tr("%n of other users: run as root or through the agent", nullptr, m_unknown.otherUsers);
    if (m_unknown.notFound)
        parts << tr("%n held by no process this scan could read (closed since, or in another PID namespace)", nullptr,
            m_unknown.notFound);
    if (m_unknown.notScanned)
        parts << tr("%n new since the last scan: named from the next poll on", nullptr, m_unknown.notScanned);
    if (m_unknown.deniedProcesses)
        parts << tr("%n processes whose descriptors may not be read", nullptr, m_unknown.deniedProcesses);
    return parts.join(QLatin1Char('\n'));
}

QVariant ProcessGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole && section == RememberedColumn)
        return tr("Sockets closed since (TIME-WAIT, orphaned) that keep the owner they were last seen with");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProcessColumn:
        return tr("Process");
    case UserColumn:
        return tr("User");
    case UnitColumn:
        return tr("Unit");
    case TotalColumn:
        return tr("Sockets");
    case RememberedColumn:
        return tr("Remembered");
    default:
        return TcpStates::rfcName(stateOfColumn(section));
    }
}
