#pragma once

#include "appoptions.h"
#include "snapshot.h"
#include "statehistory.h"
#include "trackerworker.h"

#include <QMainWindow>
#include <QThread>

#include <memory>
#include <optional>

class ConnectionFilterProxy;
class ConnectionTableModel;
class ConnectionTableView;
class MainToolBar;
class PollStatusBar;
class Poller;
class SnapshotSource;
class StateDiagramScene;
class StateDiagramView;

// The application window: the state diagram in the centre, panels as docks around it. Wires the
// poller to the tracker (on its own thread), history, table model and diagram; other panels
// connect to snapshotApplied().
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const AppOptions &options, QWidget *parent = nullptr);
    // With a given source instead of the one the options name (tests, recordings).
    MainWindow(const AppOptions &options, std::unique_ptr<SnapshotSource> source, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds a panel as a dock with an entry in the View menu; docks need an objectName so the
    // layout can be remembered.
    void addPanel(QDockWidget *dock, Qt::DockWidgetArea area = Qt::RightDockWidgetArea);
    // Feeds one poll in as if the poller had produced it; it is tracked off the GUI thread and
    // applied when done (snapshotApplied()).
    void applySnapshot(const Snapshot &snapshot);

    Poller *poller() const { return m_poller; }
    const StateHistory &history() const { return m_history; }
    const Snapshot &lastSnapshot() const { return m_last; }
    StateDiagramScene *diagramScene() const { return m_scene; }
    StateDiagramView *diagramView() const { return m_diagram; }
    ConnectionTableModel *tableModel() const { return m_tableModel; }
    ConnectionFilterProxy *tableProxy() const { return m_proxy; }
    ConnectionTableView *tableView() const { return m_table; }
    MainToolBar *toolBar() const { return m_toolBar; }
    PollStatusBar *pollStatusBar() const { return m_statusBar; }

Q_SIGNALS:
    void snapshotApplied(const Snapshot &snapshot);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onTracked(const TrackerResultPtr &result);
    void createWidgets();
    void createDocks();
    void createMenus();
    void restoreLayout();
    void setStateFilter(std::optional<TcpState> state);
    void updateHighlight();
    void scheduleScreenshot();
    void takeScreenshot(int attemptsLeft);

    AppOptions m_options;
    Poller *m_poller = nullptr;
    QThread m_trackerThread;
    TrackerWorker *m_trackerWorker = nullptr; // lives in m_trackerThread
    StateHistory m_history;
    Snapshot m_last;
    std::optional<AddressFamily> m_family;
    StateDiagramScene *m_scene = nullptr;
    StateDiagramView *m_diagram = nullptr;
    ConnectionTableModel *m_tableModel = nullptr;
    ConnectionFilterProxy *m_proxy = nullptr;
    ConnectionTableView *m_table = nullptr;
    MainToolBar *m_toolBar = nullptr;
    PollStatusBar *m_statusBar = nullptr;
    QMenu *m_viewMenu = nullptr;
    quint64 m_selectedId = 0;
    int m_polls = 0;
    int m_tracking = 0; // snapshots handed to the tracker thread and not yet back
    bool m_screenshotScheduled = false;
};
