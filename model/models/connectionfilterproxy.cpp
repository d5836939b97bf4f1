#include "models/connectionfilterproxy.h"

#include "core/tcpstatemachine.h"
#include "models/connectiontablemodel.h"
#include "models/rowruns.h"

#include <algorithm>
#include <climits>

ConnectionFilterProxy::ConnectionFilterProxy(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

void ConnectionFilterProxy::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(source);
    m_model = qobject_cast<ConnectionTableModel *>(source);
    Q_ASSERT(m_model || !source);
    m_rows.clear();
    m_dirty = true;
    if (source) {
        connect(source, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &p, int first, int last) {
            if (!p.isValid())
                onRowsInserted(first, last);
        });
        connect(
            source, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex &p, int first, int last) {
                if (!p.isValid())
                    onRowsAboutToBeRemoved(first, last);
            });
        connect(source, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &p, int first, int last) {
            if (!p.isValid())
                onRowsRemoved(first, last);
        });
        connect(source, &QAbstractItemModel::dataChanged, this, &ConnectionFilterProxy::onDataChanged);
        connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this,
            &ConnectionFilterProxy::onLayoutAboutToBeChanged);
        connect(source, &QAbstractItemModel::layoutChanged, this, &ConnectionFilterProxy::onLayoutChanged);
        connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
        connect(source, &QAbstractItemModel::modelReset, this, [this] {
            m_rows = allRows();
            m_dirty = true;
            endResetModel();
        });
        m_rows = allRows();
    }
    endResetModel();
}

void ConnectionFilterProxy::setFamily(std::optional<AddressFamily> family)
{
    m_family = family;
    rebuild();
}

void ConnectionFilterProxy::setState(std::optional<TcpState> state)
{
    m_state = state;
    rebuild();
}

void ConnectionFilterProxy::setText(const QString &text)
{
    setSearch(text, m_expression);
}

void ConnectionFilterProxy::setSearch(const QString &text, const SsFilter &expression)
{
    m_text = text.trimmed();
    m_words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_expression = expression;
    m_hasExpression = !expression.isEmpty();
    rebuild();
}

void ConnectionFilterProxy::setProcess(qint32 pid, quint64 startTicks)
{
    m_process = std::pair(pid, startTicks);
    rebuild();
}

void ConnectionFilterProxy::clearProcess()
{
    m_process.reset();
    rebuild();
}

bool ConnectionFilterProxy::acceptsProcess(int row) const
{
    // A remembered owner counts: the TIME-WAIT a process left is still its own.
    const ProcessOwner *o = m_model->socketAt(row).owner.get();
    return o && o->pid == m_process->first && o->startTicks == m_process->second;
}

void ConnectionFilterProxy::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    rebuild();
}

bool ConnectionFilterProxy::accepts(int row) const
{
    if (!filtering())
        return true;
    if (m_process && !acceptsProcess(row))
        return false;
    const TrackedSocket &t = m_model->socketAt(row);
    const SocketEntry &e = t.entry;
    if (m_family && e.family != *m_family)
        return false;
    // The tracker's owner, remembered ones included: `process nginx` keeps nginx's TIME_WAIT rows.
    if (m_hasExpression && !m_expression.matches(e, t.owner.get()))
        return false;
    if (m_state && TcpStateMachine::diagramState(e.state) != *m_state)
        return false;
    for (const QString &w : m_words) {
        if (w.startsWith(QLatin1String("port:"), Qt::CaseInsensitive)) {
            const uint port = w.mid(5).toUInt();
            if (e.localPort != port && e.remotePort != port)
                return false;
        } else if (w.startsWith(QLatin1String("state:"), Qt::CaseInsensitive)) {
            const QString s = w.mid(6).toUpper().replace(QLatin1Char('-'), QLatin1Char('_'));
            if (!TcpStates::kernelName(e.state).startsWith(s))
                return false;
        } else if (!e.localText().contains(w, Qt::CaseInsensitive) && !e.remoteText().contains(w, Qt::CaseInsensitive)
            && !TcpStates::kernelName(e.state).contains(w, Qt::CaseInsensitive)) {
            return false;
        }
    }
    return true;
}

bool ConnectionFilterProxy::less(int left, int right) const
{
    // Raw fields, no QVariant: a full sort of 100k rows makes ~2M comparisons.
    return m_sortColumn < 0 ? left < right : m_model->lessRows(left, right, m_sortColumn, m_sortOrder);
}

int ConnectionFilterProxy::proxyRowOf(int sourceRow) const
{
    if (m_dirty) {
        m_proxyOf.assign(size_t(sourceModel() ? sourceModel()->rowCount() : 0), -1);
        for (size_t i = 0; i < m_rows.size(); ++i) {
            if (size_t(m_rows[i]) < m_proxyOf.size())
                m_proxyOf[size_t(m_rows[i])] = int(i);
        }
        m_dirty = false;
    }
    return sourceRow >= 0 && size_t(sourceRow) < m_proxyOf.size() ? m_proxyOf[size_t(sourceRow)] : -1;
}

std::vector<int> ConnectionFilterProxy::allRows() const
{
    std::vector<int> all;
    if (!sourceModel())
        return all;
    for (int r = 0; r < sourceModel()->rowCount(); ++r) {
        if (accepts(r))
            all.push_back(r);
    }
    std::sort(all.begin(), all.end(), [this](int a, int b) { return less(a, b); });
    return all;
}

std::vector<int> ConnectionFilterProxy::merged(const std::vector<int> &kept, std::vector<int> add) const
{
    const auto lt = [this](int a, int b) { return less(a, b); };
    std::sort(add.begin(), add.end(), lt);
    std::vector<int> out;
    out.reserve(kept.size() + add.size());
    std::merge(kept.begin(), kept.end(), add.begin(), add.end(), std::back_inserter(out), lt);
    return out;
}

void ConnectionFilterProxy::rebuild()
{
    relayout(allRows());
}

void ConnectionFilterProxy::relayout(std::vector<int> rows)
{
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList from = persistentIndexList();
    std::vector<int> fromSource; // read through the old order before it is replaced
    fromSource.reserve(size_t(from.size()));
    for (const QModelIndex &i : from)
        fromSource.push_back(size_t(i.row()) < m_rows.size() ? m_rows[size_t(i.row())] : -1);
    m_rows = std::move(rows);
    m_dirty = true;
    QModelIndexList to;
    to.reserve(from.size());
    for (qsizetype k = 0; k < from.size(); ++k) {
        const int p = proxyRowOf(fromSource[size_t(k)]);
        to.append(p >= 0 ? index(p, from[k].column()) : QModelIndex());
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged();
}

void ConnectionFilterProxy::onRowsInserted(int first, int last)
{
    const int count = last - first + 1;
    for (int &r : m_rows) {
        if (r >= first)
            r += count;
    }
    m_dirty = true;
    std::vector<int> add;
    for (int r = first; r <= last; ++r) {
        if (accepts(r))
            add.push_back(r);
    }
    if (add.empty())
        return;
    const auto lt = [this](int a, int b) { return less(a, b); };
    std::sort(add.begin(), add.end(), lt);
    // The usual case in kernel order: new sockets are appended, one block at the end.
    const auto at
        = [&](int src) { return int(std::upper_bound(m_rows.begin(), m_rows.end(), src, lt) - m_rows.begin()); };
    const int firstPos = at(add.front());
    if (firstPos == at(add.back())) {
        beginInsertRows({}, firstPos, firstPos + int(add.size()) - 1);
        m_rows.insert(m_rows.begin() + firstPos, add.begin(), add.end());
        m_dirty = true;
        endInsertRows();
        return;
    }
    if (add.size() > MaxRunSignals) {
        relayout(merged(m_rows, std::move(add)));
        return;
    }
    for (int src : add) {
        const int pos = at(src);
        beginInsertRows({}, pos, pos);
        m_rows.insert(m_rows.begin() + pos, src);
        m_dirty = true;
        endInsertRows();
    }
}

void ConnectionFilterProxy::onRowsAboutToBeRemoved(int first, int last)
{
    std::vector<int> gone; // proxy rows
    for (int src = first; src <= last; ++src) {
        const int p = proxyRowOf(src);
        if (p >= 0)
            gone.push_back(p);
    }
    if (gone.empty())
        return;
    std::sort(gone.begin(), gone.end());
    const auto runs = rowRuns(gone);
    if (runs.size() > MaxRunSignals) {
        std::vector<int> kept;
        kept.reserve(m_rows.size() - gone.size());
        for (int src : m_rows) {
            if (src < first || src > last)
                kept.push_back(src);
        }
        relayout(std::move(kept));
        return;
    }
    for (size_t i = runs.size(); i-- > 0;) {
        const auto [first, last] = runs[i];
        beginRemoveRows({}, first, last);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        m_dirty = true;
        endRemoveRows();
    }
}

void ConnectionFilterProxy::onRowsRemoved(int first, int last)
{
    const int count = last - first + 1;
    for (int &r : m_rows) {
        if (r > last)
            r -= count;
    }
    m_dirty = true;
}

void ConnectionFilterProxy::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    const int top = topLeft.row();
    const int bottom = bottomRight.row();
    const bool filtered = filtering();
    const bool sortTouched = m_sortColumn >= topLeft.column() && m_sortColumn <= bottomRight.column();
    std::vector<char> pulled(m_rows.size(), 0); // proxy rows that leave their place
    std::vector<int> add; // source rows to put (back) in their sorted place
    int minP = INT_MAX;
    int maxP = -1;
    for (int src = top; src <= bottom; ++src) {
        const int p = proxyRowOf(src);
        const bool ok = !filtered || accepts(src);
        if (p < 0) {
            if (ok)
                add.push_back(src);
            continue;
        }
        const size_t up = size_t(p);
        if (!ok
            || (sortTouched
                && ((p > 0 && less(src, m_rows[up - 1])) || (up + 1 < m_rows.size() && less(m_rows[up + 1], src))))) {
            pulled[up] = 1;
            if (ok)
                add.push_back(src);
            continue;
        }
        minP = std::min(minP, p);
        maxP = std::max(maxP, p);
    }
    bool moved = !add.empty() || std::find(pulled.begin(), pulled.end(), 1) != pulled.end();
    std::vector<int> kept;
    if (sortTouched || moved) {
        // Rows that passed the neighbour test can still be out of order next to a pulled row: keep a
        // sorted sequence, pulling any changed row that breaks it (unchanged rows were in order).
        kept.reserve(m_rows.size());
        const auto changed = [&](int src) { return src >= top && src <= bottom; };
        for (size_t i = 0; i < m_rows.size(); ++i) {
            if (pulled[i])
                continue;
            const int src = m_rows[i];
            while (!kept.empty() && less(src, kept.back()) && changed(kept.back())) {
                add.push_back(kept.back());
                kept.pop_back();
            }
            if (!kept.empty() && less(src, kept.back())) {
                add.push_back(src); // kept.back() is unchanged, so this one moved
                continue;
            }
            kept.push_back(src);
        }
        moved = moved || kept.size() != m_rows.size();
    }
    if (moved) {
        relayout(merged(kept, std::move(add)));
        minP = 0;
        maxP = int(m_rows.size()) - 1;
    }
    if (maxP >= minP && maxP >= 0)
        Q_EMIT dataChanged(index(minP, topLeft.column()), index(maxP, bottomRight.column()));
}

void ConnectionFilterProxy::onLayoutAboutToBeChanged()
{
    // The source renumbers its rows (ConnectionTableModel drops many vanished rows this way): remember
    // ours by tracker id, which survives, so the order needs no re-sort.
    Q_EMIT layoutAboutToBeChanged();
    m_layoutIds.clear();
    m_layoutIds.reserve(m_rows.size());
    for (int src : m_rows)
        m_layoutIds.push_back(m_model->socketAt(src).id);
    m_layoutPersistent = persistentIndexList();
    m_layoutPersistentIds.clear();
    for (const QModelIndex &i : std::as_const(m_layoutPersistent))
        m_layoutPersistentIds.push_back(size_t(i.row()) < m_layoutIds.size() ? m_layoutIds[size_t(i.row())] : 0);
}

void ConnectionFilterProxy::onLayoutChanged()
{
    m_rows.clear();
    m_rows.reserve(m_layoutIds.size());
    for (quint64 id : m_layoutIds) {
        const int r = m_model->rowOf(id);
        if (r >= 0)
            m_rows.push_back(r);
    }
    if (m_sortColumn < 0)
        std::sort(m_rows.begin(), m_rows.end());
    m_dirty = true;
    std::vector<int> missing; // a layout change may also bring rows we have not seen
    for (int r = 0; r < sourceModel()->rowCount(); ++r) {
        if (proxyRowOf(r) < 0 && accepts(r))
            missing.push_back(r);
    }
    if (!missing.empty()) {
        m_rows = merged(m_rows, std::move(missing));
        m_dirty = true;
    }
    QModelIndexList to;
    to.reserve(m_layoutPersistent.size());
    for (qsizetype k = 0; k < m_layoutPersistent.size(); ++k) {
        const quint64 id = m_layoutPersistentIds[size_t(k)];
        const int p = id ? proxyRowOf(m_model->rowOf(id)) : -1;
        to.append(p >= 0 ? index(p, m_layoutPersistent[k].column()) : QModelIndex());
    }
    changePersistentIndexList(m_layoutPersistent, to);
    m_layoutPersistent.clear();
    m_layoutIds.clear();
    Q_EMIT layoutChanged();
}

QModelIndex ConnectionFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || size_t(row) >= m_rows.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ConnectionFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

int ConnectionFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool ConnectionFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.empty();
}

QModelIndex ConnectionFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || size_t(proxyIndex.row()) >= m_rows.size() || !sourceModel())
        return {};
    return sourceModel()->index(m_rows[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex ConnectionFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid())
        return {};
    const int p = proxyRowOf(sourceIndex.row());
    return p >= 0 ? index(p, sourceIndex.column()) : QModelIndex();
}
