#pragma once

#include "core/snapshot.h"
#include "pipeline/trackerworker.h"

#include <QObject>

#include <optional>

class AdvisorPanel;
class ChartPanel;
class ConnectionTableModel;
class ConnectionTableView;
class LiveSession;
class PollStatusBar;
class StateDiagramScene;
class TunablesPanel;

// Shows each tracked poll of a LiveSession in the window's widgets: the status bar at once, then
// the table, the diagram and the panels. Keeps what is on screen: the snapshot drawn last, the
// address family shown and the selected socket (highlighted in the diagram).
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
    };

    PollPresenter(const LiveSession *session, const Views &views, QObject *parent = nullptr);

    // The snapshot the diagram and panels show (null before the first poll of this host).
    const Snapshot &shown() const { return m_shown; }
    void show(const TrackerResultPtr &result);
    // Another host: nothing of the old one stays on screen.
    void reset();
    void setFamily(std::optional<AddressFamily> family);
    void setSelectedSocket(quint64 id);

Q_SIGNALS:
    // Everything shows `snapshot`; newHost when it is the first of its host.
    void applied(const Snapshot &snapshot, bool newHost);

private:
    void applyStep(const TrackerResultPtr &result, int step, qint64 steadyNowMs); // the table, then applyPanels()
    void applyPanels(const TrackerResultPtr &result); // diagram, chart, tunables, advisor
    void updateHighlight() const;

    const LiveSession *m_session;
    Views m_views;
    Snapshot m_shown;
    std::optional<AddressFamily> m_family;
    quint64 m_selectedId = 0;
    int m_polls = 0;
};
