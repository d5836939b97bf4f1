#include "models/connectiontablemodel.h"

#include "core/tcpstatemachine.h"
#include "models/roworder.h"
#include "models/rowruns.h"
#include "models/usernames.h"
#include "tracker/connectiontracker.h"

#include <QThread>

#include <algorithm>
#include <chrono>
#include <cstring>

namespace {
QString durationText(qint64 ms)
{
    // Rounded: polls a second apart are 999 or 1001 ms apart by the clock.
    ms = ms < 0 ? 0 : ms + 500;
    if (ms < 60'000)
        return QStringLiteral("%1 s").arg(ms / 1000);
    if (ms < 3'600'000)
        return QStringLiteral("%1 min %2 s").arg(ms / 60'000).arg((ms / 1000) % 60);
    return QStringLiteral("%1 h %2 min").arg(ms / 3'600'000).arg((ms / 60'000) % 60);
}
} // namespace

QString ConnectionTableModel::sinceToolTip(TrackedSocket::Since since)
{
    switch (since) {
    case TrackedSocket::Since::AtLeast:
        return tr("In this state when tcpscope started watching: at least this long, maybe much longer.");
    case TrackedSocket::Since::TimeWaitTimer:
        return tr("From the kernel's TIME_WAIT timer: 60 s (TCP_TIMEWAIT_LEN) minus the time left. A "
                  "retransmitted FIN restarts the timer, so it may have been longer.");
    case TrackedSocket::Since::Observed:
        break;
    }
    return tr("Since tcpscope saw it enter this state, at most one poll interval late.");
}

ConnectionTableModel::ConnectionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

qint64 ConnectionTableModel::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

bool ConnectionTableModel::isClosingState(TcpState s)
{
    switch (s) {
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::Closing:
    case TcpState::TimeWait:
    case TcpState::CloseWait:
    case TcpState::LastAck:
        return true;
    default:
        return false;
    }
}

void ConnectionTableModel::apply(
    const ConnectionTracker &tracker, const std::vector<TrackerEvent> &events, qint64 steadyNowMs)
{
    applyWith([&tracker](quint64 id) { return tracker.find(id); }, tracker.lastUpdateMs(), events, steadyNowMs);
}

void ConnectionTableModel::apply(const std::vector<TrackedSocket> &socketsById, qint64 pollMs,
    const std::vector<TrackerEvent> &events, qint64 steadyNowMs, Part part)
{
    // Rows are in ascending id order (the tracker numbers sockets in the order it first sees them and
    // new rows are appended), so a forward walk finds each row's socket without hashing.
    size_t cursor = 0;
    auto find = [&socketsById, &cursor](quint64 id) -> const TrackedSocket * {
        if (cursor < socketsById.size() && socketsById[cursor].id > id)
            cursor = 0; // out of order: start again (binary search would do, but this never happens)
        if (cursor < socketsById.size() && id - socketsById[cursor].id > 64) {
            cursor = size_t(std::lower_bound(socketsById.begin() + qsizetype(cursor), socketsById.end(), id,
                                [](const TrackedSocket &t, quint64 v) { return t.id < v; })
                - socketsById.begin());
        }
        while (cursor < socketsById.size() && socketsById[cursor].id < id)
            ++cursor;
        return cursor < socketsById.size() && socketsById[cursor].id == id ? &socketsById[cursor] : nullptr;
    };
    applyWith(find, pollMs, events, steadyNowMs, part);
}

void ConnectionTableModel::applyWith(const std::function<const TrackedSocket *(quint64)> &find, qint64 pollMs,
    const std::vector<TrackerEvent> &events, qint64 steadyNowMs, Part part)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (part != Part::Appeared)
        applyChanges(find, pollMs, events, steadyNowMs);
    if (part != Part::Changes)
        insertAppeared(find, events, steadyNowMs);
}

void ConnectionTableModel::applyChanges(const std::function<const TrackedSocket *(quint64)> &find, qint64 pollMs,
    const std::vector<TrackerEvent> &events, qint64 steadyNowMs)
{
    m_steadyNow = steadyNowMs;
    m_lastPollMs = pollMs;
    expire(steadyNowMs);

    for (const TrackerEvent &ev : events) {
        if (ev.kind == TrackerEvent::Kind::Appeared)
            continue;
        const auto it = m_rowOf.find(ev.id);
        if (it == m_rowOf.end())
            continue;
        Row &r = m_rows[size_t(it->second)];
        if (ev.kind == TrackerEvent::Kind::Vanished) {
            r.status = Vanished;
            r.statusSinceMs = r.vanishedAtMs = steadyNowMs;
        } else if (isClosingState(ev.to) && r.status != Closing) {
            r.status = Closing;
            r.statusSinceMs = steadyNowMs;
        }
    }

    // One pass over all rows: fresh kernel data and expired flashes, then one dataChanged over the
    // volatile columns of the rows that changed. "In state" is derived from the poll time at paint
    // time; its sort key (stateSinceMs) only moves with the state, which is signalled here.
    int firstChanged = -1;
    int lastChanged = -1;
    std::pair<int, int> owners { -1, -1 }; // rows whose Process cell changed
    for (int i = 0; i < int(m_rows.size()); ++i) {
        Row &r = m_rows[size_t(i)];
        if (r.status == Vanished)
            continue;
        bool changed = false;
        if (const TrackedSocket *t = find(r.socket.id)) {
            const SocketEntry &a = r.socket.entry;
            const SocketEntry &b = t->entry;
            changed = a.state != b.state || a.timer != b.timer || a.timerMs != b.timerMs || a.txQueue != b.txQueue
                || a.rxQueue != b.rxQueue || a.retransmits != b.retransmits;
            if (r.socket.owner != t->owner || r.socket.ownerRemembered != t->ownerRemembered)
                owners = { owners.first < 0 ? i : owners.first, i };
            r.socket = *t;
        }
        if (r.status != Steady && steadyNowMs - r.statusSinceMs >= FlashMs) {
            r.status = Steady;
            changed = true;
        }
        if (changed || (r.status != Steady && r.statusSinceMs == steadyNowMs)) {
            if (firstChanged < 0)
                firstChanged = i;
            lastChanged = i;
        }
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, StateColumn), index(lastChanged, RetransmitsColumn));
    if (owners.first >= 0)
        Q_EMIT dataChanged(index(owners.first, ProcessColumn), index(owners.second, ProcessColumn));
}

void ConnectionTableModel::insertAppeared(const std::function<const TrackedSocket *(quint64)> &find,
    const std::vector<TrackerEvent> &events, qint64 steadyNowMs)
{
    std::vector<quint64> appeared;
    for (const TrackerEvent &ev : events) {
        if (ev.kind == TrackerEvent::Kind::Appeared)
            appeared.push_back(ev.id);
    }
    if (appeared.empty()) {
        m_primed = true;
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(appeared.size()) - 1);
    m_rows.reserve(m_rows.size() + appeared.size());
    for (quint64 id : appeared) {
        const TrackedSocket *t = find(id);
        Row r;
        if (t)
            r.socket = *t;
        r.socket.id = id;
        // The first poll lists everything that already existed: nothing to flash.
        r.status = m_primed ? Appeared : Steady;
        r.statusSinceMs = steadyNowMs;
        m_rowOf[id] = int(m_rows.size());
        m_rows.push_back(r);
    }
    endInsertRows();
    m_primed = true;
}

void ConnectionTableModel::expire(qint64 steadyNowMs)
{
    std::vector<int> gone;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        const Row &r = m_rows[size_t(i)];
        if (r.status == Vanished && steadyNowMs - r.vanishedAtMs >= FadeMs)
            gone.push_back(i);
    }
    if (!gone.empty())
        removeRowRuns(gone);
}

void ConnectionTableModel::removeRowRuns(const std::vector<int> &rows)
{
    const auto ranges = rowRuns(rows);
    if (ranges.size() > MaxRemoveRanges) {
        // QSortFilterProxyModel and QTableView each do O(rows) work per rowsRemoved signal: 1,500
        // scattered vanished rows in a 100k table stalled the GUI thread for 0.6 s (bench_guistall).
        // One layout change costs one pass (and one re-sort in the proxy) instead.
        Q_EMIT layoutAboutToBeChanged();
        const QModelIndexList from = persistentIndexList();
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &i : from) {
            const auto below = std::lower_bound(rows.begin(), rows.end(), i.row());
            const bool removed = below != rows.end() && *below == i.row();
            to.append(removed ? QModelIndex() : index(i.row() - int(below - rows.begin()), i.column()));
        }
        compact(rows);
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged();
        return;
    }
    // Contiguous ranges, signalled from the bottom up so each range's numbers are still valid.
    // The vector is compacted once at the end; meanwhile physical() hides the rows already
    // announced, so the model stays consistent after every endRemoveRows() at O(n) total cost.
    for (size_t i = ranges.size(); i-- > 0;) {
        const auto [first, last] = ranges[i];
        beginRemoveRows({}, first, last);
        m_hidden.emplace_back(first, last - first + 1);
        m_hiddenTotal += last - first + 1;
        endRemoveRows();
    }
    compact(rows);
}

void ConnectionTableModel::compact(const std::vector<int> &rows)
{
    size_t out = size_t(rows.front());
    size_t next = 0;
    for (size_t in = out; in < m_rows.size(); ++in) {
        if (next < rows.size() && size_t(rows[next]) == in) {
            m_rowOf.erase(m_rows[in].socket.id);
            ++next;
            continue;
        }
        if (out != in)
            m_rows[out] = m_rows[in];
        m_rowOf[m_rows[out].socket.id] = int(out);
        ++out;
    }
    m_rows.resize(out);
    m_hidden.clear();
    m_hiddenTotal = 0;
}

int ConnectionTableModel::physical(int row) const
{
    // m_hidden is in descending order of first row; walk it upwards.
    for (size_t i = m_hidden.size(); i-- > 0;) {
        if (row < m_hidden[i].first)
            break;
        row += m_hidden[i].second;
    }
    return row;
}

void ConnectionTableModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    endResetModel();
}

int ConnectionTableModel::rowOf(quint64 id) const
{
    const auto it = m_rowOf.find(id);
    return it == m_rowOf.end() ? -1 : it->second;
}

int ConnectionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) - m_hiddenTotal;
}

int ConnectionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows[size_t(physical(index.row()))];
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case SortRole:
        return sortValue(r, index.column());
    case Qt::TextAlignmentRole:
        return index.column() >= TimeInStateColumn && index.column() != TimerColumn && index.column() != UserColumn
                && index.column() != ProcessColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case OwnerRememberedRole:
        return index.column() == ProcessColumn && r.socket.ownerRemembered;
    case Qt::ToolTipRole:
        if (index.column() == TimeInStateColumn)
            return sinceToolTip(r.socket.since);
        return index.column() == ProcessColumn ? ownerToolTip(r) : QVariant();
    case RowStatusRole:
        return int(r.status);
    case StatusSinceRole:
        return r.statusSinceMs;
    case StateRole:
        return int(TcpStateMachine::diagramState(r.socket.entry.state));
    case IdRole:
        return r.socket.id;
    case FamilyRole:
        return int(r.socket.entry.family);
    default:
        return {};
    }
}

QVariant ConnectionTableModel::display(const Row &r, int column) const
{
    const SocketEntry &e = r.socket.entry;
    switch (column) {
    case FamilyColumn:
        return e.family == AddressFamily::IPv4 ? QStringLiteral("IPv4") : QStringLiteral("IPv6");
    case LocalColumn:
        return e.localText();
    case RemoteColumn:
        return e.remoteText();
    case StateColumn:
        return r.status == Vanished ? QStringLiteral("gone") : TcpStates::kernelName(e.state);
    case TimeInStateColumn: // "≥": there before the first poll, so at least this long
        return r.socket.since == TrackedSocket::Since::AtLeast
            ? QStringLiteral("\u2265 ") + durationText(m_lastPollMs - r.socket.stateSinceMs)
            : durationText(m_lastPollMs - r.socket.stateSinceMs);
    case TimerColumn:
        return e.timer == TimerKind::None ? QString() : TimerKinds::ssName(e.timer);
    case TimerRemainingColumn:
        return e.timer == TimerKind::None ? QString() : QStringLiteral("%1 s").arg(e.timerMs / 1000.0, 0, 'f', 1);
    case SendQColumn:
        return e.txQueue;
    case RecvQColumn:
        return e.rxQueue;
    case RetransmitsColumn:
        return e.retransmits;
    case UidColumn:
        return e.uid;
    case UserColumn:
        return UserNames::name(e.uid);
    case InodeColumn:
        return e.inode == 0 ? QVariant(QStringLiteral("-")) : QVariant(e.inode);
    case ProcessColumn:
        return r.socket.owner ? r.socket.owner->label() : QString();
    default:
        return {};
    }
}

QVariant ConnectionTableModel::ownerToolTip(const Row &r) const
{
    const ProcessOwner *o = r.socket.owner.get();
    if (!o)
        return {};
    QStringList lines { o->label() };
    const QString commandLine = m_commandLine ? m_commandLine(*o) : QString();
    if (!commandLine.isEmpty())
        lines << commandLine;
    lines << tr("User: %1").arg(o->user);
    if (!o->unit.isEmpty())
        lines << tr("Unit: %1").arg(o->unit);
    if (r.socket.ownerRemembered)
        lines << tr("Remembered: this process held the socket before it was closed");
    return lines.join(QLatin1Char('\n'));
}

QVariant ConnectionTableModel::sortValue(const Row &r, int column) const
{
    const SocketEntry &e = r.socket.entry;
    switch (column) {
    case FamilyColumn:
        return int(e.family);
    case LocalColumn:
    case RemoteColumn: {
        // QByteArray compares bytewise unsigned, the same order as compare().
        const RowOrder::EndpointKey k = column == LocalColumn ? RowOrder::endpointKey(e.localAddr, e.localPort)
                                                              : RowOrder::endpointKey(e.remoteAddr, e.remotePort);
        return QByteArray(reinterpret_cast<const char *>(k.data()), qsizetype(k.size()));
    }
    case StateColumn:
        return int(e.state);
    case TimeInStateColumn:
        return r.socket.stateSinceMs;
    case TimerColumn:
        return int(e.timer);
    case TimerRemainingColumn:
        return e.timer == TimerKind::None ? -1 : qint64(e.timerMs);
    case SendQColumn:
    case RecvQColumn:
    case RetransmitsColumn:
        return display(r, column); // plain numbers, shown as they sort
    case UidColumn:
    case UserColumn:
        return e.uid;
    case InodeColumn:
        return e.inode;
    case ProcessColumn:
        return r.socket.owner ? r.socket.owner->label() : QString();
    default:
        return {};
    }
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == TimerColumn)
        return tr("The kernel timer, named as ss -o prints it: on (retransmit, also RACK reordering and "
                  "tail-loss probe), keepalive, timewait, persist (zero-window probe)");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    // QT_TR_NOOP marks them for lupdate; tr() translates at display time.
    static const char *const names[ColumnCount] = { QT_TR_NOOP("Family"), QT_TR_NOOP("Local"), QT_TR_NOOP("Remote"),
        QT_TR_NOOP("State"), QT_TR_NOOP("In state"), QT_TR_NOOP("Timer"), QT_TR_NOOP("Timer left"),
        QT_TR_NOOP("Send-Q"), QT_TR_NOOP("Recv-Q"), QT_TR_NOOP("Retrans"), QT_TR_NOOP("UID"), QT_TR_NOOP("User"),
        QT_TR_NOOP("Inode"), QT_TR_NOOP("Process") };
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

QString ConnectionTableModel::rowsAsText(const QList<int> &rows) const
{
    QStringList lines;
    QStringList cells;
    for (int c = 0; c < ColumnCount; ++c)
        cells << headerData(c, Qt::Horizontal).toString();
    lines << cells.join(QLatin1Char('\t'));
    for (int row : rows) {
        cells.clear();
        for (int c = 0; c < ColumnCount; ++c)
            cells << data(index(row, c)).toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

bool ConnectionTableModel::lessRows(int left, int right, int column, Qt::SortOrder order) const
{
    const Row &ra = m_rows[size_t(physical(left))];
    const Row &rb = m_rows[size_t(physical(right))];
    const int c = compare(ra, rb, column);
    if (c != 0)
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    // Ties keep tracker order (ids only grow), so equal rows do not jump around while data updates.
    return ra.socket.id < rb.socket.id;
}

int ConnectionTableModel::compareRows(int left, int right, int column) const
{
    return compare(m_rows[size_t(physical(left))], m_rows[size_t(physical(right))], column);
}

int ConnectionTableModel::compare(const Row &ra, const Row &rb, int column)
{
    return RowOrder::compare(ra.socket, rb.socket, column);
}
