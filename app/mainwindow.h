#pragma once

#include "appoptions.h"
#include "core/snapshot.h"
#include "history/statehistory.h"
#include "pipeline/trackerworker.h"

#include <QMainWindow>
#include <QThread>

#include <memory>
#include <optional>

class AdvisorPanel;
class ChartPanel;
class ConnectionFilterProxy;
class ConnectionTableModel;
class ConnectionTableView;
struct Counters;
class LessonsDock;
class MainToolBar;
class PollStatusBar;
class Poller;
class QToolBar;
class Recorder;
class ReplayControls;
class ReplaySource;
class SnapshotSource;
class StateDiagramScene;
class StateDiagramView;
class TunablesPanel;

// The application window: the state diagram in the centre, panels as docks around it (connections
// below; chart, tunables and advisor beside it; lessons on the left, hidden until asked for). Wires
// the poller to the tracker (on its own thread), history, table model, diagram and panels.
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
    // Watches another source from now on (File > Connect, Open recording, Record). Unless sameHost,
    // the tracker, history and table start afresh: the old host's sockets did not "close".
    void setSource(std::unique_ptr<SnapshotSource> source, bool sameHost = false);

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
    ChartPanel *chartPanel() const { return m_chart; }
    TunablesPanel *tunablesPanel() const { return m_tunables; }
    AdvisorPanel *advisorPanel() const { return m_advisor; }
    LessonsDock *lessonsDock() const { return m_lessonsDock; }
    ReplayControls *replayControls() const { return m_replayControls; }
    const std::shared_ptr<Recorder> &recorder() const { return m_recorder; }

Q_SIGNALS:
    void snapshotApplied(const Snapshot &snapshot);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void init(std::unique_ptr<SnapshotSource> source);
    void onTracked(const TrackerResultPtr &result);
    void applyStep(const TrackerResultPtr &result, int step, qint64 steadyNowMs); // the table, then applyPanels()
    void applyPanels(const TrackerResultPtr &result); // diagram, chart, tunables, advisor
    void createWidgets();
    void createDocks();
    void createMenus();
    void restoreLayout();
    void startPoller(std::unique_ptr<SnapshotSource> source);
    void showState(TcpState state);
    void setStateFilter(std::optional<TcpState> state);
    void updateHighlight();
    void updateTitle();
    void updateNotice();
    void onCounters(const Counters &counters);
    void connectToHost();
    void openRecording();
    void watchThisHost();
    void startRecording();
    void stopRecording();
    void reopen(const AppOptions &options, bool sameHost);
    void scheduleScreenshot();
    void takeScreenshot(int attemptsLeft);

    AppOptions m_options;
    std::shared_ptr<Recorder> m_recorder;
    bool m_sourceRecords = false; // the source offers its frames to m_recorder
    Poller *m_poller = nullptr;
    ReplaySource *m_replay = nullptr; // owned by the poller's worker; thread-safe position
    QToolBar *m_replayBar = nullptr;
    ReplayControls *m_replayControls = nullptr;
    QThread m_trackerThread;
    TrackerWorker *m_trackerWorker = nullptr; // lives in m_trackerThread
    quint64 m_generation = 0; // bumped per new source; older tracker results are dropped
    StateHistory m_history;
    Snapshot m_last;
    std::optional<AddressFamily> m_family;
    StateDiagramScene *m_scene = nullptr;
    StateDiagramView *m_diagram = nullptr;
    ConnectionTableModel *m_tableModel = nullptr;
    ConnectionFilterProxy *m_proxy = nullptr;
    ConnectionTableView *m_table = nullptr;
    ChartPanel *m_chart = nullptr;
    TunablesPanel *m_tunables = nullptr;
    AdvisorPanel *m_advisor = nullptr;
    LessonsDock *m_lessonsDock = nullptr;
    MainToolBar *m_toolBar = nullptr;
    PollStatusBar *m_statusBar = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_recordAction = nullptr;
    QAction *m_stopRecordAction = nullptr;
    QString m_pacingNote;
    QString m_countersNote;
    quint64 m_selectedId = 0;
    int m_polls = 0;
    int m_tracking = 0; // snapshots handed to the tracker thread and not yet back
    bool m_screenshotScheduled = false;
};
