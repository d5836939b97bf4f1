#pragma once

#include "endconnectionjob.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

class ConnectionTableModel;
class ConnectionTableView;
class LiveSession;
class QStatusBar;
class SourceActions;
struct TrackedSocket;

// The window's "End connection...": takes the table's request, asks (EndConnectionDialog), ends the
// connections with EndConnectionJob on a worker thread so the GUI never waits for netlink, then polls
// at once and says in the status bar what happened. Offered only while the local live source is shown.
class EndConnectionAction : public QObject
{
    Q_OBJECT
public:
    using Confirmer = std::function<bool(const QStringList &connections)>;
    using Ender = std::function<EndConnectionJob::Result(const std::vector<SocketEntry> &sockets)>;

    struct Parts
    {
        LiveSession *session;
        const SourceActions *sources;
        ConnectionTableModel *model;
        ConnectionTableView *table;
        QStatusBar *statusBar;
    };
    explicit EndConnectionAction(const Parts &parts, QObject *parent = nullptr);

    // Test hooks: answer the confirmation, or end the connections some other way (on the worker thread).
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }
    void setEnder(Ender ender) { m_end = std::move(ender); }
    bool busy() const { return m_busy; }
    // "127.0.0.1:5000 -> 127.0.0.1:40000  ESTAB  nginx (1234)", as the dialog lists it.
    static QString describe(const TrackedSocket &socket);

Q_SIGNALS:
    void finished(const QString &message);

private:
    void updateAvailability() const;
    void end(const QList<quint64> &ids);
    void report(const std::vector<SocketEntry> &sockets, const EndConnectionJob::Result &result);

    Parts m_parts;
    Confirmer m_confirm;
    Ender m_end;
    bool m_busy = false;
};
