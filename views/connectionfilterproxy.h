#pragma once

#include "socketentry.h"

#include <QSortFilterProxyModel>

#include <optional>

// Sorts the connection table by numbers, not text, with the tracker id as tie-break so equal rows
// keep their order while data updates; filters by family, state and a text box. The text matches
// addresses and state names; "port:443" and "state:time_wait" narrow to one field.
class ConnectionFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ConnectionFilterProxy(QObject *parent = nullptr);

    void setFamily(std::optional<AddressFamily> family);
    std::optional<AddressFamily> family() const { return m_family; }
    void setState(std::optional<TcpState> state);
    std::optional<TcpState> state() const { return m_state; }
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    std::optional<AddressFamily> m_family;
    std::optional<TcpState> m_state;
    QString m_text;
    QStringList m_words;
};
