#pragma once

#include "core/socketowners.h"
#include "tracker/trackedsocket.h"

#include <QAbstractTableModel>

#include <array>
#include <map>
#include <utility>
#include <vector>

// The connections table grouped by process: one row per process that holds sockets (name (pid), user,
// unit), sockets per diagram state, the total and how many of them are remembered (closed since:
// TIME_WAIT, orphans keep the owner they were last seen with, tracker/connectiontracker.h). One more
// row counts the sockets with no known owner and says why (core/socketowners.h).
//
// Rows keep their place across polls, keyed by pid and start time (one process across pid reuse):
// a poll changes counts with dataChanged and inserts or removes only the processes that came or went.
class ProcessGroupModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ProcessColumn, // "nginx (1234)", or "unknown owner"
        UserColumn,
        UnitColumn,
        TotalColumn,
        RememberedColumn, // of the total, how many are remembered
        FirstStateColumn, // one column per TcpStates::rfcStates entry from here
        ColumnCount = FirstStateColumn + int(TcpStates::rfcStates.size())
    };
    enum Role {
        SortRole = Qt::UserRole, // numbers for the count columns, text otherwise
        PidRole, // qint32; 0 on the unknown-owner row
        StartTicksRole, // quint64
        UnknownOwnerRole, // true on the unknown-owner row
    };
    // pid and /proc/PID/stat start time
    using Key = std::pair<qint32, quint64>;

    explicit ProcessGroupModel(QObject *parent = nullptr);

    // Counts one poll's live sockets (TrackerResult::sockets) by owner; `owners` is the poll's
    // Snapshot::owners(), null when the source cannot tell (remote, recording).
    void apply(const std::vector<TrackedSocket> &sockets, const SocketOwners *owners);
    void clear();

    static TcpState stateOfColumn(int column) { return TcpStates::rfcStates[size_t(column - FirstStateColumn)]; }
    // The column counting a state (NEW_SYN_RECV under SYN-RECEIVED, as the diagram shows it).
    static int columnOf(TcpState state);
    // Rows are processes except the unknown-owner row, whose owner is null.
    const ProcessOwner *ownerAt(int row) const { return m_rows[size_t(row)].owner.get(); }
    int totalAt(int row) const { return m_rows[size_t(row)].total; }
    int countAt(int row, int column) const;
    int rowOf(const Key &key) const;
    // Sockets per column over all rows; a view hides the state columns nobody has.
    int columnTotal(int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        ProcessOwnerPtr owner; // null: the unknown-owner row
        std::array<int, TcpStates::rfcStates.size()> states {};
        int total = 0;
        int remembered = 0;
        bool operator==(const Group &o) const
        {
            return states == o.states && total == o.total && remembered == o.remembered;
        }
    };
    // Why the unknown-owner row has its sockets.
    struct Unknown
    {
        bool noOwners = true; // the source tells no owners at all
        int noProcess = 0; // inode 0 and never seen owned
        int otherUsers = 0;
        int notFound = 0;
        int notScanned = 0;
        int deniedProcesses = 0;
        bool operator==(const Unknown &) const = default;
    };
    static std::map<Key, Group> grouped(const std::vector<TrackedSocket> &sockets);
    void removeGone(const std::map<Key, Group> &groups);
    QVariant display(const Group &g, int column) const;
    QVariant toolTip(const Group &g) const;
    QString unknownReason() const;
    static Key keyOf(const ProcessOwner *owner) { return owner ? Key(owner->pid, owner->startTicks) : Key(0, 0); }

    std::vector<Group> m_rows;
    std::map<Key, int> m_rowOf;
    Unknown m_unknown;
};
