#include "connectionfilterproxy.h"

#include "connectiontablemodel.h"
#include "tcpstatemachine.h"

ConnectionFilterProxy::ConnectionFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ConnectionTableModel::SortRole);
    setDynamicSortFilter(true);
}

void ConnectionFilterProxy::setFamily(std::optional<AddressFamily> family)
{
    m_family = family;
    invalidateFilter();
}

void ConnectionFilterProxy::setState(std::optional<TcpState> state)
{
    m_state = state;
    invalidateFilter();
}

void ConnectionFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    m_words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool ConnectionFilterProxy::filterAcceptsRow(int row, const QModelIndex &) const
{
    const auto *m = static_cast<const ConnectionTableModel *>(sourceModel());
    const SocketEntry &e = m->socketAt(row).entry;
    if (m_family && e.family != *m_family)
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

bool ConnectionFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Raw fields, no QVariant: a re-sort of 100k rows makes ~2M comparisons.
    const auto *m = static_cast<const ConnectionTableModel *>(sourceModel());
    const int c = m->compareRows(left.row(), right.row(), left.column());
    if (c != 0)
        return c < 0;
    // Ties keep tracker order (ids only grow), so equal rows do not jump around while data updates.
    return m->socketAt(left.row()).id < m->socketAt(right.row()).id;
}
