#pragma once

#include "core/snapshot.h"
#include "pipeline/trackerworker.h"

#include <QObject>

#include <optional>
#include <unordered_set>
#include <utility>

class AdvisorPanel;
class ChartPanel;
class ConnectionTableModel;
class ConnectionTableView;
class LiveSession;
class PollStatusBar;
class ProcessGroupModel;
class StateDiagramScene;
class TunablesPanel;

// Shows each tracked poll of a LiveSession in the window's widgets: the status bar at once, then
// the table, the diagram and the panels. Keeps what is on screen: the snapshot drawn last, the
// address family shown, the selected socket (highlighted in the diagram) and the process picked.
class PollPresenter : public QObject
{
    Q_OBJECT
public:
    struct Views
    {
        StateDiagramScene *scene = nullptr;
        ConnectionTableModel *model = nullptr;
        ConnectionTableView *table = nullptr;
        ChartPanel *chart = nullptr;
        TunablesPanel *tunables = nullptr;
        AdvisorPanel *advisor = nullptr;
        PollStatusBar *status = nullptr;
        ProcessGroupModel *processes = nullptr;
    };

    PollPresenter(const LiveSession *session, const Views &views, QObject *parent = nullptr);

    // The snapshot the diagram and panels show (null before the first poll of this host).
    const Snapshot &shown() const { return m_shown; }
    void show(const TrackerResultPtr &result);
    // Another host: nothing of the old one stays on screen.
    void reset();
    void setFamily(std::optional<AddressFamily> family);
    void setSelectedSocket(quint64 id);
    // The diagram's counts and tokens for one process's sockets only (pid 0: all), remembered ones
    // included: the owners come with the tracked sockets, the events name them by id.
    void setProcess(qint32 pid, quint64 startTicks);

Q_SIGNALS:
    // Everything shows `snapshot`; newHost when it is the first of its host.
    void applied(const Snapshot &snapshot, bool newHost);
    // A poll that failed (the status bar says why): the last good view stays.
    void failed(const Snapshot &snapshot);

private:
    void applyStep(const TrackerResultPtr &result, int step, qint64 steadyNowMs); // the table, then applyPanels()
    void applyPanels(const TrackerResultPtr &result); // diagram, chart, tunables, advisor
    void updateHighlight() const;
    // The snapshot the diagram draws: the poll, or the picked process's part of it (sets m_pickedIds).
    Snapshot drawn(const TrackerResult &result);
    // The events of the picked process's sockets; `before`: its sockets in the poll drawn before.
    std::vector<TrackerEvent> pickedEvents(
        const TrackerResult &result, const std::unordered_set<quint64> &before) const;

    const LiveSession *m_session;
    Views m_views;
    Snapshot m_shown;
    Snapshot m_drawn; // m_shown, or the picked process's part of it
    TrackerResultPtr m_last; // the result drawn last, for a new pick between polls
    std::optional<std::pair<qint32, quint64>> m_process; // pid, start time
    std::unordered_set<quint64> m_pickedIds; // ids of its sockets in m_last
    std::optional<AddressFamily> m_family;
    quint64 m_selectedId = 0;
    int m_polls = 0;
};
