#pragma once

#include "tracker/trackedsocket.h"
#include "tracker/trackerevent.h"

#include <QAbstractTableModel>

#include <array>
#include <functional>
#include <unordered_map>
#include <vector>

class ConnectionTracker;

// One row per tracked socket, updated from the tracker's events: inserts for appeared sockets,
// one dataChanged for the volatile columns, removals after a vanished row has faded. Rows are plain
// values (no per-row heap), so 100k rows cost one vector. Colours are the view's business: the model
// only says which status a row is in and since when.
class ConnectionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        FamilyColumn,
        LocalColumn,
        RemoteColumn,
        StateColumn, // first volatile column
        TimeInStateColumn,
        TimerColumn,
        TimerRemainingColumn,
        SendQColumn,
        RecvQColumn,
        RetransmitsColumn, // last volatile column
        UidColumn,
        UserColumn,
        InodeColumn,
        ProcessColumn, // "name (pid)"; italic when remembered (the socket has closed since)
        ColumnCount
    };
    enum RowStatus { Steady, Appeared, Closing, Vanished };
    enum Role {
        SortRole = Qt::UserRole, // numbers where the column is numeric, so sorting is not by text
        RowStatusRole, // RowStatus
        StatusSinceRole, // steady-clock ms when the status began (see nowMs())
        StateRole, // TcpState as int, diagram state (NEW_SYN_RECV shown as SYN_RECV)
        IdRole, // tracker id (quint64), stable for the connection's life
        FamilyRole, // 4 or 6
        // True in the Process column when the owner is remembered: the delegate sets Qt::FontRole's
        // italics from it (this library is QtCore only, so it cannot make a QFont).
        OwnerRememberedRole,
    };
    static constexpr qint64 FlashMs = 1500; // how long appeared/closing rows stay marked
    static constexpr qint64 FadeMs = 1000; // how long a vanished row stays before removal
    // More scattered runs of vanished rows than this are removed with one layout change.
    static constexpr size_t MaxRemoveRanges = 32;

    explicit ConnectionTableModel(QObject *parent = nullptr);

    // Applies one poll: `events` from tracker.update(), `steadyNowMs` from nowMs() (tests pass their own).
    void apply(const ConnectionTracker &tracker, const std::vector<TrackerEvent> &events, qint64 steadyNowMs);
    // The same from a copy of the tracker's live sockets sorted by id (made off the GUI thread). The
    // window applies a poll on separate turns of the event loop, so each part fits in a frame:
    // expire(), then Changes (statuses, state and data changes), then Appeared (new rows).
    enum class Part { All, Changes, Appeared };
    void apply(const std::vector<TrackedSocket> &socketsById, qint64 pollMs, const std::vector<TrackerEvent> &events,
        qint64 steadyNowMs, Part part = Part::All);
    // Removes vanished rows whose fade ended; apply() calls it too.
    void expire(qint64 steadyNowMs);
    void clear();

    int rowOf(quint64 id) const;
    const TrackedSocket &socketAt(int row) const { return m_rows[size_t(physical(row))].socket; }
    RowStatus statusAt(int row) const { return m_rows[size_t(physical(row))].status; }
    // Three-way comparison of two rows by a column's sort key without QVariant: the sort proxy
    // calls this O(n log n) times per re-sort, so it must not allocate.
    int compareRows(int left, int right, int column) const;
    // The sort proxy's order: by the column, ties by tracker id (ids only grow, so equal rows keep
    // their place while data updates).
    bool lessRows(int left, int right, int column, Qt::SortOrder order) const;
    // Reads a process's full command line for the Process column's tooltip, on demand (app/ wires
    // sources/local/ownerscanner.h here: the model reads no /proc itself).
    void setCommandLineLookup(std::function<QString(const ProcessOwner &)> lookup)
    {
        m_commandLine = std::move(lookup);
    }
    // Rows as tab-separated text, header first, for the clipboard.
    QString rowsAsText(const QList<int> &rows) const;

    static qint64 nowMs();
    static bool isClosingState(TcpState s);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        TrackedSocket socket;
        RowStatus status = Steady;
        qint64 statusSinceMs = 0;
        qint64 vanishedAtMs = 0;
    };
    void applyWith(const std::function<const TrackedSocket *(quint64)> &find, qint64 pollMs,
        const std::vector<TrackerEvent> &events, qint64 steadyNowMs, Part part = Part::All);
    void applyChanges(const std::function<const TrackedSocket *(quint64)> &find, qint64 pollMs,
        const std::vector<TrackerEvent> &events, qint64 steadyNowMs);
    void insertAppeared(const std::function<const TrackedSocket *(quint64)> &find,
        const std::vector<TrackerEvent> &events, qint64 steadyNowMs);
    QVariant display(const Row &r, int column) const;
    QVariant ownerToolTip(const Row &r) const;
    static QString sinceToolTip(TrackedSocket::Since since);
    static int compare(const Row &a, const Row &b, int column);
    QVariant sortValue(const Row &r, int column) const;
    void removeRowRuns(const std::vector<int> &sortedRows);
    // Drops the rows from the vector and re-indexes the rest; the signals are removeRowRuns()'s job.
    void compact(const std::vector<int> &sortedRows);
    int physical(int row) const;

    std::vector<Row> m_rows;
    std::unordered_map<quint64, int> m_rowOf;
    std::function<QString(const ProcessOwner &)> m_commandLine;
    qint64 m_lastPollMs = 0; // tracker time of the last poll, for "time in state"
    qint64 m_steadyNow = 0;
    std::vector<std::pair<int, int>> m_hidden; // (first, count) announced removed, not yet compacted
    int m_hiddenTotal = 0;
    bool m_primed = false; // a first poll has been applied
};
