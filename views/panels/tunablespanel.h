#pragma once

#include "core/snapshot.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QTableWidget;
class QTextBrowser;

// Every tunable the source reads: current value, kernel default and one honest line on what it does
// and does not do (TunableCatalog), in the UI language. A value that changes while tcpscope watches is
// highlighted.
class TunablesPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, DefaultColumn, MeaningColumn, ColumnCount };
    // How long a fresh change keeps the strong highlight; afterwards the row stays tinted.
    static constexpr qint64 FreshChangeMs = 60'000;

    // language: the catalog's ("en", "zh_TW"); empty for TunableCatalog::uiLanguage(), read once here.
    explicit TunablesPanel(QWidget *parent = nullptr, const QString &language = QString());

    // Call once per poll; rows are updated in place.
    void setSnapshot(const Snapshot &snapshot);

    QTableWidget *table() const { return m_table; }
    QTextBrowser *details() const { return m_details; }
    // Row of a sysctl name, -1 when not shown.
    int rowOf(const QString &name) const { return m_rows.value(name, -1); }
    // When the value last changed (ms since the epoch), 0 if never during this session.
    qint64 changedAt(const QString &name) const { return m_changes.value(name).timeMs; }

private:
    struct Change
    {
        qint64 timeMs = 0;
        QString oldValue;
    };
    void build(const Snapshot &snapshot);
    void updateRow(int row, const QString &name, const Snapshot &snapshot);
    void selectFirst();
    void showDetails(int row);

    QLabel *m_header = nullptr;
    QTableWidget *m_table = nullptr;
    QTextBrowser *m_details = nullptr; // the selected tunable's whole explanation
    QString m_language;
    QString m_os;
    QHash<QString, int> m_rows;
    QHash<QString, QString> m_values; // last seen, "\x01" when absent
    QHash<QString, Change> m_changes;
};
