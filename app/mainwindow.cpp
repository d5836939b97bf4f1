#include "mainwindow.h"

#include "aboutdialog.h"
#include "chart/chartpanel.h"
#include "diagram/statediagramscene.h"
#include "diagram/statediagramview.h"
#include "endconnectionaction.h"
#include "fleetwindow.h"
#include "labfeed.h"
#include "maintoolbar.h"
#include "models/connectionfilterproxy.h"
#include "models/connectiontablemodel.h"
#include "models/processgroupmodel.h"
#include "panels/advisorpanel.h"
#include "panels/advisorstyle.h"
#include "panels/findingsbanner.h"
#include "panels/replaycontrols.h"
#include "panels/tunablespanel.h"
#include "pipeline/livesession.h"
#include "pollpresenter.h"
#include "pollstatusbar.h"
#include "replaydriver.h"
#include "screenshottrigger.h"
#include "shortcutsdialog.h"
#include "sourceactions.h"
#include "sources/sourcefactory.h"
#include "statusnotice.h"
#include "table/connectionrowdelegate.h"
#include "table/connectiontableview.h"
#include "table/processtableview.h"
#include "teaching/labpanel.h"
#include "teaching/lessonsdock.h"
#include "teaching/lessonwindow.h"

#include <QApplication>
#include <QChart>
#include <QCloseEvent>
#include <QDockWidget>
#include <QInputDialog>
#include <QLegend>
#include <QLineEdit>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>

MainWindow::MainWindow(const AppOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
{
    init();
    m_sources->open(m_sources->spec());
}

MainWindow::MainWindow(const AppOptions &options, std::unique_ptr<SnapshotSource> source, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
{
    init();
    m_sources->watch(std::move(source));
}

MainWindow::~MainWindow()
{
    delete m_replayBar; // its controls drive the poller
    delete m_session; // the poller and the tracker thread stop before the widgets go
}

void MainWindow::init()
{
    setWindowTitle(QStringLiteral("tcpscope"));
    // 1440x900, or the screen's room on a smaller one (a 1366x768 laptop on a projector). The
    // offscreen platform's 800x600 "screen" is none: screenshots and tests keep the full size.
    QSize size(1440, 900);
    const QScreen *screen = QGuiApplication::primaryScreen();
    if (screen && QGuiApplication::platformName() != QLatin1String("offscreen"))
        size = size.boundedTo(screen->availableGeometry().size());
    resize(size);
    m_session = new LiveSession(this);
    m_sources = new SourceActions(m_session, m_options.source, this);
    createWidgets();
    setIntervalMs(m_options.intervalMs);
    createDocks();
    m_presenter = new PollPresenter(m_session,
        { m_scene, m_tableModel, m_table, m_chart, m_tunables, m_advisor, m_statusBar, m_processModel }, this);
    m_notice = new StatusNotice(m_session, m_statusBar, this);
    m_endConnection = new EndConnectionAction({ m_session, m_sources, m_tableModel, m_table, m_statusBar }, this);
    connectToolBar();
    connectProcesses();
    createMenus();
    restoreLayout();
    m_toolBar->setIntervalMs(m_options.intervalMs);

    connect(m_session, &LiveSession::tracked, m_presenter, &PollPresenter::show);
    connect(m_session, &LiveSession::sourceAboutToChange, this, [this] {
        delete m_replayBar;
        m_replayBar = nullptr;
        m_replayControls = nullptr;
    });
    connect(m_session, &LiveSession::sourceChanged, this, &MainWindow::onSourceChanged);
    // "+ eBPF" once the kernel's state changes flow (they start after the first poll).
    connect(m_session, &LiveSession::stateEventsChanged, this, [this] {
        m_statusBar->setSource(m_session->sourceDescription());
        updateTitle();
    });
    connect(m_session, &LiveSession::pausedChanged, this, [this](bool paused) {
        m_toolBar->setPaused(paused);
        m_statusBar->setPaused(paused);
    });
    connect(m_presenter, &PollPresenter::applied, this, &MainWindow::onApplied);
    connect(m_statusBar, &PollStatusBar::cancelRequested, m_sources->thisHostAction(), &QAction::trigger);
    connect(m_sources, &SourceActions::recordingChanged, m_notice, &StatusNotice::refresh);
    connect(m_notice, &StatusNotice::refreshed, m_sources, &SourceActions::setRecording);
    if (!m_options.screenshot.isEmpty()) {
        auto *shot = new ScreenshotTrigger(this, m_scene, m_options.screenshot, m_options.screenshotDelayMs);
        connect(this, &MainWindow::snapshotApplied, shot, &ScreenshotTrigger::pollShown);
        connect(m_presenter, &PollPresenter::failed, shot, &ScreenshotTrigger::pollFailed);
    }
}

void MainWindow::setSource(std::unique_ptr<SnapshotSource> source, bool sameHost)
{
    m_sources->watch(std::move(source), sameHost);
}

void MainWindow::applySnapshot(const Snapshot &snapshot)
{
    m_session->feed(snapshot);
}

void MainWindow::onSourceChanged(bool sameHost)
{
    if (!sameHost) {
        m_toolBar->setProcess(0, 0); // another host's pids are other processes
        m_presenter->reset();
        m_findings->reset();
    }
    m_toolBar->setSource(m_session->sourceDescription());
    m_statusBar->setSource(m_session->sourceDescription());
    if (ReplaySource *replay = m_sources->replay()) {
        m_replayBar = new QToolBar(tr("Replay"), this);
        m_replayBar->setObjectName(QStringLiteral("replayToolBar"));
        m_replayBar->setMovable(false);
        m_replayControls = ReplayDriver::createControls(*replay, m_replayBar);
        new ReplayDriver(replay, m_session->poller(), m_replayControls);
        m_replayControls->setAccessibleName(tr("Replay controls"));
        m_replayBar->addWidget(m_replayControls);
        addToolBarBreak(Qt::TopToolBarArea);
        addToolBar(Qt::TopToolBarArea, m_replayBar);
    }
    updateTitle();
}

void MainWindow::onApplied(const Snapshot &snapshot, bool newHost)
{
    if (newHost)
        updateTitle();
    m_toolBar->setProcesses(*m_processModel);
    Q_EMIT snapshotApplied(snapshot);
}

void MainWindow::createWidgets()
{
    m_scene = new StateDiagramScene(this);
    m_diagram = new StateDiagramView(m_scene, this);
    m_diagram->setAccessibleName(tr("TCP state diagram"));
    // The most severe finding above the diagram, seen without opening a tab.
    m_findings = new FindingsBanner(this);
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_findings);
    centreLayout->addWidget(m_diagram, 1);
    setCentralWidget(centre);

    m_tableModel = new ConnectionTableModel(this);
    m_tableModel->setCommandLineLookup(&SourceFactory::commandLine);
    m_proxy = new ConnectionFilterProxy(this);
    m_table = new ConnectionTableView(m_tableModel, m_proxy, this);
    m_table->setAccessibleName(tr("Connections table"));
    m_processModel = new ProcessGroupModel(this);
    m_processTable = new ProcessTableView(m_processModel, this);
    m_processTable->setAccessibleName(tr("Connections by process"));
    m_tableStack = new QStackedWidget(this);
    m_tableStack->setAccessibleName(tr("Connections"));
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_processTable);

    m_toolBar = new MainToolBar(this);
    addToolBar(Qt::TopToolBarArea, m_toolBar);
    m_statusBar = new PollStatusBar(this);
    setStatusBar(m_statusBar);
}

void MainWindow::connectToolBar()
{
    connect(m_toolBar, &MainToolBar::pauseToggled, m_session, &LiveSession::setPaused);
    connect(m_toolBar, &MainToolBar::intervalChanged, this, &MainWindow::setIntervalMs);
    connect(m_toolBar, &MainToolBar::filterChanged, m_proxy, &ConnectionFilterProxy::setSearch);
    if (!m_options.filter.isEmpty()) // --filter: already parsed, so the box takes it as an expression
        m_toolBar->filterEdit()->setText(m_options.filter);
    connect(m_toolBar, &MainToolBar::stateFilterChanged, this, &MainWindow::setStateFilter);
    connect(m_toolBar, &MainToolBar::familyChanged, this, [this](std::optional<AddressFamily> f) {
        m_proxy->setFamily(f);
        m_presenter->setFamily(f);
    });
    connect(m_scene, &StateDiagramScene::stateClicked, this, [this](TcpState s) {
        // A second click on the same state clears the filter.
        m_toolBar->setStateFilter(m_proxy->state() == s ? std::nullopt : std::optional(s));
    });
    connect(m_table, &ConnectionTableView::currentSocketChanged, m_presenter, &PollPresenter::setSelectedSocket);
}

void MainWindow::connectProcesses()
{
    connect(m_toolBar->groupByProcessAction(), &QAction::toggled, this,
        [this](bool on) { m_tableStack->setCurrentWidget(on ? static_cast<QWidget *>(m_processTable) : m_table); });
    connect(m_processTable, &ProcessTableView::processActivated, this, &MainWindow::showProcessSockets);
    connect(m_toolBar, &MainToolBar::processPicked, this, [this](qint32 pid, quint64 startTicks) {
        if (pid)
            m_proxy->setProcess(pid, startTicks);
        else
            m_proxy->clearProcess();
        m_presenter->setProcess(pid, startTicks);
        updateTitle();
    });
}

void MainWindow::showProcessSockets(qint32 pid, quint64 startTicks)
{
    // The picker holds the pick, so the table, the diagram and the title follow it as one.
    m_toolBar->setProcess(pid, startTicks);
    m_toolBar->groupByProcessAction()->setChecked(false);
}

void MainWindow::createDocks()
{
    QDockWidget *tableDock = addPanel(tr("Connections"), "connectionsDock", m_tableStack, Qt::BottomDockWidgetArea);

    m_chart = new ChartPanel(&m_session->history(), this);
    m_chart->setAccessibleName(tr("Sockets per state over time"));
    // Docked beside the diagram the chart is narrow: a legend in one row would cut every state name.
    m_chart->chart()->legend()->setAlignment(Qt::AlignRight);
    QDockWidget *chartDock = addPanel(tr("Sockets over time"), "chartDock", m_chart, Qt::RightDockWidgetArea);

    m_tunables = new TunablesPanel(this);
    m_tunables->setAccessibleName(tr("Kernel tunables"));
    QDockWidget *tunablesDock = addPanel(tr("Tunables"), "tunablesDock", m_tunables, Qt::RightDockWidgetArea);

    m_advisor = new AdvisorPanel(this);
    m_advisor->setAccessibleName(tr("Advisor findings"));
    QDockWidget *advisorDock = addPanel(tr("Advisor"), "advisorDock", m_advisor, Qt::RightDockWidgetArea);
    tabifyDockWidget(tunablesDock, advisorDock);
    tunablesDock->raise();

    m_lessonsDock = new LessonsDock(this);
    new LabFeed(m_lessonsDock->lessonWindow()->labPanel());
    m_lessonsDock->setMakeRoom({ chartDock, tunablesDock, advisorDock });
    addPanel(m_lessonsDock, Qt::LeftDockWidgetArea);
    m_lessonsDock->hide();

    resizeDocks({ tableDock }, { 230 }, Qt::Vertical);
    resizeDocks({ chartDock }, { 560 }, Qt::Horizontal);
    resizeDocks({ chartDock, tunablesDock }, { 300, 260 }, Qt::Vertical);

    connect(m_chart, &ChartPanel::stateActivated, this, &MainWindow::showState);
    connect(m_advisor, &AdvisorPanel::stateActivated, this, &MainWindow::showState);
    connect(m_advisor, &AdvisorPanel::advisoriesChanged, this, [this, advisorDock](const std::vector<Advisory> &a) {
        m_findings->setAdvisories(a);
        advisorDock->setWindowTitle(a.empty() ? tr("Advisor") : tr("Advisor (%1)").arg(a.size()));
    });
    connect(m_findings, &FindingsBanner::showSockets, this, &MainWindow::showState);
    connect(m_findings, &FindingsBanner::showDetails, this, [this, advisorDock](const QString &id) {
        advisorDock->show();
        advisorDock->raise();
        m_advisor->select(id);
    });
    connect(m_findings, &FindingsBanner::announced, this, [this](const Advisory &a) {
        m_statusBar->showMessage(tr("New finding (%1): %2").arg(AdvisorStyle::text(a.severity), a.title), 10'000);
    });
    // The lesson's endpoints light up in the live diagram while the lessons are open.
    connect(m_lessonsDock, &LessonsDock::lessonStatesChanged, m_scene, &StateDiagramScene::setLessonStates);
    connect(m_lessonsDock, &LessonsDock::labStarted, m_session, &LiveSession::pollNow);
    // The live lab's sockets get a coloured bar in the table.
    if (auto *delegate = qobject_cast<ConnectionRowDelegate *>(m_table->itemDelegate())) {
        delegate->setMarker([this](const QModelIndex &index) {
            const LabSession *lab = m_lessonsDock->lessonWindow()->labPanel()->session();
            const int row = lab ? m_proxy->mapToSource(index).row() : -1;
            return row >= 0 && lab->owns(m_tableModel->socketAt(row).entry);
        });
    }
}

QDockWidget *MainWindow::addPanel(const QString &title, const char *objectName, QWidget *panel, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(QLatin1String(objectName));
    dock->setWidget(panel);
    addPanel(dock, area);
    return dock;
}

void MainWindow::addPanel(QDockWidget *dock, Qt::DockWidgetArea area)
{
    Q_ASSERT(!dock->objectName().isEmpty());
    dock->setParent(this);
    addDockWidget(area, dock);
    if (m_viewMenu)
        m_viewMenu->addAction(dock->toggleViewAction());
}

void MainWindow::restoreLayout()
{
    // Screenshots are made with the default layout, so they look the same on every machine.
    if (!m_options.screenshot.isEmpty())
        return;
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_options.screenshot.isEmpty()) {
        QSettings settings;
        settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
        settings.setValue(QStringLiteral("window/state"), saveState());
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::setIntervalMs(int ms)
{
    m_session->setIntervalMs(ms);
    m_sources->setIntervalMs(ms);
    // A token's whole path (up to ~4 hops) must fit inside one interval.
    m_scene->setMsPerHop(qBound(60, ms / 5, 350));
}

void MainWindow::showState(TcpState state)
{
    if (state != TcpState::Unknown)
        m_toolBar->setStateFilter(state);
}

void MainWindow::setStateFilter(std::optional<TcpState> state)
{
    m_proxy->setState(state);
    m_scene->setFilterState(state);
}

void MainWindow::updateTitle()
{
    const QString source = m_session->sourceDescription();
    const Snapshot &shown = m_presenter->shown();
    if (shown.isNull()) {
        setWindowTitle(tr("tcpscope \u2014 %1").arg(source));
        return;
    }
    const QString process = m_toolBar->processLabel();
    if (process.isEmpty()) {
        setWindowTitle(tr("%1 \u2014 tcpscope (%2)").arg(shown.host(), source));
        m_toolBar->setSource(tr("%1 (%2)").arg(shown.host(), source));
        return;
    }
    // The diagram and the table show one process's sockets: the title and the source label say whose.
    setWindowTitle(tr("process %1 on %2 \u2014 tcpscope (%3)").arg(process, shown.host(), source));
    m_toolBar->setSource(tr("%1 (%2), process %3").arg(shown.host(), source, process));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_sources->connectAction());
    file->addAction(m_sources->openRecordingAction());
    file->addAction(m_sources->thisHostAction());
    file->addAction(tr("Connect to &Prometheus..."), this, [this] {
        bool ok = false;
        const QString url = QInputDialog::getText(this, tr("Connect to Prometheus"),
            tr("Prometheus server (its hosts with tcpscope-agent --metrics or node_exporter tcpstat):"),
            QLineEdit::Normal, QStringLiteral("http://localhost:9090"), &ok);
        if (ok && !url.trimmed().isEmpty())
            FleetWindow::open(QUrl::fromUserInput(url.trimmed()), QString(), m_options);
    });
    file->addSeparator();
    file->addAction(m_sources->recordAction());
    file->addAction(m_sources->stopRecordingAction());
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    createViewMenu();
    m_lessonsDock->addMenus(menuBar());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(tr("Ctrl+/")), this, [this] {
        ShortcutsDialog dialog(menuBar(), this);
        dialog.exec();
    });
    help->addAction(tr("&About tcpscope"), this, [this] {
        AboutDialog about(this);
        about.exec();
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createViewMenu()
{
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_toolBar->pauseAction()); // Space
    m_viewMenu->addAction(m_toolBar->groupByProcessAction());
    m_viewMenu->addAction(tr("Step one poll (replay: one frame)"), QKeySequence(tr("Ctrl+Right")), this, [this] {
        if (m_replayControls)
            m_replayControls->step(1);
        else
            m_session->pollNow();
    });
    m_viewMenu->addAction(tr("Step one frame back (replay)"), QKeySequence(tr("Ctrl+Left")), this, [this] {
        if (m_replayControls)
            m_replayControls->step(-1);
    });
    m_viewMenu->addAction(tr("&Filter connections"), QKeySequence::Find, this, [this] {
        m_toolBar->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_toolBar->filterEdit()->selectAll();
    });
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, this, [this] { m_diagram->zoomBy(1.25); });
    m_viewMenu->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, this, [this] { m_diagram->zoomBy(0.8); });
    m_viewMenu->addAction(tr("&Fit diagram"), QKeySequence(tr("Ctrl+0")), this, [this] { m_diagram->fit(); });
    m_viewMenu->addSeparator();
    for (QDockWidget *d : findChildren<QDockWidget *>())
        m_viewMenu->addAction(d->toggleViewAction());
}
