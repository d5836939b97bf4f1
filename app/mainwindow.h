#pragma once

#include "appoptions.h"
#include "core/snapshot.h"
#include "pipeline/livesession.h"
#include "pollpresenter.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class AdvisorPanel;
class FindingsBanner;
class ChartPanel;
class ConnectionFilterProxy;
class ConnectionTableModel;
class ConnectionTableView;
class EndConnectionAction;
class LessonsDock;
class MainToolBar;
class PollStatusBar;
class Poller;
class ProcessGroupModel;
class ProcessTableView;
class QStackedWidget;
class QToolBar;
class ReplayControls;
class SnapshotSource;
class SourceActions;
class StateDiagramScene;
class StateDiagramView;
class StatusNotice;
class TunablesPanel;

// The application window: the state diagram in the centre, panels as docks around it (connections
// below; chart, tunables and advisor beside it; lessons on the left, hidden until asked for), the
// toolbars and the menus. The live pipeline is a LiveSession; PollPresenter shows its polls,
// SourceActions switches its source, StatusNotice words the status bar's second line.
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
    // The same for a widget: a new dock titled `title` holding it.
    QDockWidget *addPanel(const QString &title, const char *objectName, QWidget *panel, Qt::DockWidgetArea area);
    // Feeds one poll in as if the poller had produced it (LiveSession::feed); it is tracked off the
    // GUI thread and applied when done (snapshotApplied()).
    void applySnapshot(const Snapshot &snapshot);
    // Watches another source from now on (File > Connect, Open recording, Record). Unless sameHost,
    // the tracker, history and table start afresh: the old host's sockets did not "close".
    void setSource(std::unique_ptr<SnapshotSource> source, bool sameHost = false);

    LiveSession *session() const { return m_session; }
    Poller *poller() const { return m_session->poller(); }
    const StateHistory &history() const { return m_session->history(); }
    const Snapshot &lastSnapshot() const { return m_presenter->shown(); } // the one on screen
    StateDiagramScene *diagramScene() const { return m_scene; }
    StateDiagramView *diagramView() const { return m_diagram; }
    ConnectionTableModel *tableModel() const { return m_tableModel; }
    ConnectionFilterProxy *tableProxy() const { return m_proxy; }
    ConnectionTableView *tableView() const { return m_table; }
    EndConnectionAction *endConnection() const { return m_endConnection; }
    ProcessGroupModel *processModel() const { return m_processModel; }
    ProcessTableView *processView() const { return m_processTable; }
    MainToolBar *toolBar() const { return m_toolBar; }
    PollStatusBar *pollStatusBar() const { return m_statusBar; }
    ChartPanel *chartPanel() const { return m_chart; }
    TunablesPanel *tunablesPanel() const { return m_tunables; }
    AdvisorPanel *advisorPanel() const { return m_advisor; }
    FindingsBanner *findingsBanner() const { return m_findings; }
    LessonsDock *lessonsDock() const { return m_lessonsDock; }
    ReplayControls *replayControls() const { return m_replayControls; }
    const std::shared_ptr<Recorder> &recorder() const { return m_session->recorder(); }

Q_SIGNALS:
    void snapshotApplied(const Snapshot &snapshot);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void init();
    void createWidgets();
    void connectToolBar();
    void createDocks();
    void createMenus();
    void createViewMenu();
    void restoreLayout();
    void onSourceChanged(bool sameHost);
    void onApplied(const Snapshot &snapshot, bool newHost);
    void setIntervalMs(int ms);
    void showState(TcpState state);
    void setStateFilter(std::optional<TcpState> state);
    void updateTitle();
    void connectProcesses();
    void showProcessSockets(qint32 pid, quint64 startTicks);

    AppOptions m_options;
    LiveSession *m_session = nullptr;
    SourceActions *m_sources = nullptr;
    PollPresenter *m_presenter = nullptr;
    StatusNotice *m_notice = nullptr;
    QToolBar *m_replayBar = nullptr;
    ReplayControls *m_replayControls = nullptr;
    StateDiagramScene *m_scene = nullptr;
    StateDiagramView *m_diagram = nullptr;
    ConnectionTableModel *m_tableModel = nullptr;
    ConnectionFilterProxy *m_proxy = nullptr;
    ConnectionTableView *m_table = nullptr;
    EndConnectionAction *m_endConnection = nullptr;
    ProcessGroupModel *m_processModel = nullptr;
    ProcessTableView *m_processTable = nullptr;
    QStackedWidget *m_tableStack = nullptr; // the socket table or the process table
    ChartPanel *m_chart = nullptr;
    TunablesPanel *m_tunables = nullptr;
    AdvisorPanel *m_advisor = nullptr;
    FindingsBanner *m_findings = nullptr;
    LessonsDock *m_lessonsDock = nullptr;
    MainToolBar *m_toolBar = nullptr;
    PollStatusBar *m_statusBar = nullptr;
    QMenu *m_viewMenu = nullptr;
};
