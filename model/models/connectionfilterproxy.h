#pragma once

#include "core/socketentry.h"
#include "core/ssfilter.h"

#include <QAbstractProxyModel>

#include <optional>
#include <utility>
#include <vector>

class ConnectionTableModel;

// Sorts the connection table by numbers, not text, with the tracker id as tie-break so equal rows
// keep their order while data updates; filters by family, state and a text box. The text matches
// addresses and state names; "port:443" and "state:time_wait" narrow to one field. An ss(8) filter
// expression (core/ssfilter.h, compiled by the caller) narrows further; its process, pid and unit terms
// test the owner the tracker keeps per row.
//
// Not a QSortFilterProxyModel: that one does O(rows) work per rowsRemoved signal and re-sorts every row
// after a source layout change, which at 100k sockets stalled the GUI for 40-600 ms per poll. Here a
// poll's changes cost one pass: rows that left their place are re-sorted among themselves and merged
// back in, and many scattered changes are announced as one layout change (bench_guistall).
class ConnectionFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT
public:
    // More scattered inserts or removals than this are announced as one layout change.
    static constexpr size_t MaxRunSignals = 32;

    explicit ConnectionFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    void setFamily(std::optional<AddressFamily> family);
    std::optional<AddressFamily> family() const { return m_family; }
    void setState(std::optional<TcpState> state);
    std::optional<TcpState> state() const { return m_state; }
    void setText(const QString &text);
    QString text() const { return m_text; }
    // The filter box: plain search text and an ss expression, either empty; one rebuild for both.
    void setSearch(const QString &text, const SsFilter &expression);
    const SsFilter &expression() const { return m_expression; }
    // Only the sockets one process holds (pid and /proc/PID/stat start time), remembered ones included.
    void setProcess(qint32 pid, quint64 startTicks);
    void clearProcess();
    std::optional<std::pair<qint32, quint64>> process() const { return m_process; }
    // column -1: the source's (kernel) order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

private:
    bool accepts(int sourceRow) const;
    bool filtering() const { return m_family || m_state || !m_words.isEmpty() || m_hasExpression || m_process; }
    bool acceptsProcess(int sourceRow) const;
    bool less(int left, int right) const; // source rows, in the current sort
    int proxyRowOf(int sourceRow) const;
    // Announces a new row order as one layout change; persistent indexes follow their source rows.
    void relayout(std::vector<int> rows);
    void rebuild(); // filter and sort everything (the user changed the filter or the sort)
    std::vector<int> allRows() const; // every accepted source row, sorted
    // `add` sorted here and merged into `kept`, which must already be in order.
    std::vector<int> merged(const std::vector<int> &kept, std::vector<int> add) const;

    void onRowsInserted(int first, int last);
    void onRowsAboutToBeRemoved(int first, int last);
    void onRowsRemoved(int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void onLayoutAboutToBeChanged();
    void onLayoutChanged();

    const ConnectionTableModel *m_model = nullptr; // the source: this proxy serves only that model
    std::vector<int> m_rows; // proxy row -> source row
    mutable std::vector<int> m_proxyOf; // source row -> proxy row or -1; rebuilt when m_dirty
    mutable bool m_dirty = true;
    std::vector<quint64> m_layoutIds; // tracker ids of m_rows across a source layout change
    QModelIndexList m_layoutPersistent;
    std::vector<quint64> m_layoutPersistentIds;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::optional<AddressFamily> m_family;
    std::optional<TcpState> m_state;
    QString m_text;
    QStringList m_words;
    SsFilter m_expression;
    bool m_hasExpression = false; // !m_expression.isEmpty(), kept off the per-row path
    std::optional<std::pair<qint32, quint64>> m_process; // setProcess()
};
