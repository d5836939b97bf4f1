#include "mainwindow.h"

#include "aboutdialog.h"
#include "chart/chartpanel.h"
#include "common/screenshot.h"
#include "core/counters.h"
#include "diagram/statediagramscene.h"
#include "diagram/statediagramview.h"
#include "labfeed.h"
#include "maintoolbar.h"
#include "models/connectionfilterproxy.h"
#include "models/connectiontablemodel.h"
#include "panels/advisorpanel.h"
#include "panels/connectdialog.h"
#include "panels/replaycontrols.h"
#include "panels/tunablespanel.h"
#include "pipeline/poller.h"
#include "pollstatusbar.h"
#include "replaydriver.h"
#include "sourcefactory.h"
#include "sources/replay/replaysource.h"
#include "stream/recorder.h"
#include "table/connectionrowdelegate.h"
#include "table/connectiontableview.h"
#include "teaching/labpanel.h"
#include "teaching/lessonsdock.h"
#include "teaching/lessonwindow.h"

#include <QApplication>
#include <QChart>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QLegend>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QToolBar>

#include <cstdio>

namespace {
bool isStream(const AppOptions &o)
{
    return !o.ssh.isEmpty() || o.stdinStream || !o.connectHost.isEmpty();
}

// Stream sources (ssh, agent, stdin) can always record their frames; a local source is read as text
// (StreamProcSource) only while a recording is wanted, netlink otherwise (docs/performance.md).
bool recordable(const AppOptions &o)
{
    return o.replay.isEmpty() && (isStream(o) || !o.record.isEmpty());
}
} // namespace

MainWindow::MainWindow(const AppOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_recorder(std::make_shared<Recorder>())
{
    m_sourceRecords = recordable(options);
    init(m_sourceRecords ? SourceFactory::create(options, m_recorder) : SourceFactory::create(options));
}

MainWindow::MainWindow(const AppOptions &options, std::unique_ptr<SnapshotSource> source, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_recorder(std::make_shared<Recorder>())
{
    init(std::move(source));
}

void MainWindow::init(std::unique_ptr<SnapshotSource> source)
{
    setWindowTitle(QStringLiteral("tcpscope"));
    resize(1440, 900);
    // The poll interval is remembered unless the command line (or a screenshot) asks for one.
    if (m_options.intervalMs == Poller::DefaultIntervalMs && m_options.screenshot.isEmpty())
        m_options.intervalMs = qMax(
            Poller::MinIntervalMs, QSettings().value(QStringLiteral("poll/intervalMs"), m_options.intervalMs).toInt());
    createWidgets();
    createDocks();
    createMenus();
    restoreLayout();

    m_toolBar->setIntervalMs(m_options.intervalMs);
    qRegisterMetaType<TrackerResultPtr>();
    m_trackerWorker = new TrackerWorker;
    m_trackerWorker->moveToThread(&m_trackerThread);
    connect(&m_trackerThread, &QThread::finished, m_trackerWorker, &QObject::deleteLater);
    connect(m_trackerWorker, &TrackerWorker::tracked, this, &MainWindow::onTracked, Qt::QueuedConnection);
    m_trackerThread.setObjectName(QStringLiteral("tcpscope tracker"));
    m_trackerThread.start();
    startPoller(std::move(source));
}

MainWindow::~MainWindow()
{
    delete m_replayBar; // its controls drive the poller
    delete m_poller;
    m_trackerThread.quit();
    m_trackerThread.wait();
}

void MainWindow::startPoller(std::unique_ptr<SnapshotSource> source)
{
    m_replay = dynamic_cast<ReplaySource *>(source.get());
    m_poller = new Poller(std::move(source), this);
    m_poller->setIntervalMs(m_options.intervalMs);
    m_scene->setMsPerHop(qBound(60, m_options.intervalMs / 5, 350));
    m_toolBar->setSource(m_poller->sourceDescription());
    m_statusBar->setSource(m_poller->sourceDescription());
    connect(m_poller, &Poller::snapshotReady, this, &MainWindow::applySnapshot);
    connect(m_poller, &Poller::pausedChanged, this, [this](bool paused) {
        m_toolBar->setPaused(paused);
        m_statusBar->setPaused(paused);
    });
    connect(m_poller, &Poller::pacingChanged, this, [this](bool slowed, const QString &reason) {
        m_pacingNote = slowed ? tr("Full snapshots slowed down: %1").arg(reason) : QString();
        if (!slowed)
            m_countersNote.clear();
        updateNotice();
    });
    connect(m_poller, &Poller::countersReady, this, &MainWindow::onCounters);
    if (m_replay) {
        m_replayBar = new QToolBar(tr("Replay"), this);
        m_replayBar->setObjectName(QStringLiteral("replayToolBar"));
        m_replayBar->setMovable(false);
        m_replayControls = ReplayDriver::createControls(*m_replay, m_replayBar);
        new ReplayDriver(m_replay, m_poller, m_replayControls);
        m_replayControls->setAccessibleName(tr("Replay controls"));
        m_replayBar->addWidget(m_replayControls);
        addToolBarBreak(Qt::TopToolBarArea);
        addToolBar(Qt::TopToolBarArea, m_replayBar);
    }
    m_recordAction->setEnabled(!m_replay);
    updateTitle();
    updateNotice();
    m_poller->start();
}

void MainWindow::setSource(std::unique_ptr<SnapshotSource> source, bool sameHost)
{
    delete m_replayBar;
    m_replayBar = nullptr;
    m_replayControls = nullptr;
    delete m_poller; // waits for a poll in flight; its queued results go with it
    m_poller = nullptr;
    m_pacingNote.clear();
    m_countersNote.clear();
    if (!sameHost) {
        ++m_generation; // the tracker starts afresh with the next snapshot
        m_history.clear();
        m_tableModel->clear();
        m_last = Snapshot();
        m_polls = 0;
        m_selectedId = 0;
        m_chart->refresh();
        m_advisor->setAdvisories({});
    }
    startPoller(std::move(source));
}

void MainWindow::reopen(const AppOptions &options, bool sameHost)
{
    m_options = options;
    m_sourceRecords = recordable(options);
    setSource(m_sourceRecords ? SourceFactory::create(options, m_recorder) : SourceFactory::create(options), sameHost);
}

void MainWindow::createWidgets()
{
    m_scene = new StateDiagramScene(this);
    m_diagram = new StateDiagramView(m_scene, this);
    m_diagram->setAccessibleName(tr("TCP state diagram"));
    setCentralWidget(m_diagram);

    m_tableModel = new ConnectionTableModel(this);
    m_proxy = new ConnectionFilterProxy(this);
    m_table = new ConnectionTableView(m_tableModel, m_proxy, this);
    m_table->setAccessibleName(tr("Connections table"));

    m_toolBar = new MainToolBar(this);
    addToolBar(Qt::TopToolBarArea, m_toolBar);
    m_statusBar = new PollStatusBar(this);
    setStatusBar(m_statusBar);

    connect(m_toolBar, &MainToolBar::pauseToggled, this, [this](bool paused) { m_poller->setPaused(paused); });
    connect(m_toolBar, &MainToolBar::intervalChanged, this, [this](int ms) {
        m_options.intervalMs = ms;
        m_poller->setIntervalMs(ms);
        // A token's whole path (up to ~4 hops) must fit inside one interval.
        m_scene->setMsPerHop(qBound(60, ms / 5, 350));
        if (m_options.screenshot.isEmpty())
            QSettings().setValue(QStringLiteral("poll/intervalMs"), ms);
    });
    connect(m_toolBar, &MainToolBar::filterTextChanged, m_proxy, &ConnectionFilterProxy::setText);
    connect(m_toolBar, &MainToolBar::stateFilterChanged, this, &MainWindow::setStateFilter);
    connect(m_toolBar, &MainToolBar::familyChanged, this, [this](std::optional<AddressFamily> f) {
        m_family = f;
        m_proxy->setFamily(f);
        if (!m_last.isNull())
            m_scene->setSnapshot(m_last, f);
    });
    connect(m_scene, &StateDiagramScene::stateClicked, this, [this](TcpState s) {
        // A second click on the same state clears the filter.
        m_toolBar->setStateFilter(m_proxy->state() == s ? std::nullopt : std::optional(s));
    });
    connect(m_table, &ConnectionTableView::currentSocketChanged, this, [this](quint64 id) {
        m_selectedId = id;
        updateHighlight();
    });
}

void MainWindow::createDocks()
{
    auto *tableDock = new QDockWidget(tr("Connections"), this);
    tableDock->setObjectName(QStringLiteral("connectionsDock"));
    tableDock->setWidget(m_table);
    addPanel(tableDock, Qt::BottomDockWidgetArea);

    m_chart = new ChartPanel(&m_history, this);
    m_chart->setAccessibleName(tr("Sockets per state over time"));
    // Docked beside the diagram the chart is narrow: a legend in one row would cut every state name.
    m_chart->chart()->legend()->setAlignment(Qt::AlignRight);
    auto *chartDock = new QDockWidget(tr("Sockets over time"), this);
    chartDock->setObjectName(QStringLiteral("chartDock"));
    chartDock->setWidget(m_chart);
    addPanel(chartDock, Qt::RightDockWidgetArea);

    m_tunables = new TunablesPanel(this);
    m_tunables->setAccessibleName(tr("Kernel tunables"));
    auto *tunablesDock = new QDockWidget(tr("Tunables"), this);
    tunablesDock->setObjectName(QStringLiteral("tunablesDock"));
    tunablesDock->setWidget(m_tunables);
    addPanel(tunablesDock, Qt::RightDockWidgetArea);

    m_advisor = new AdvisorPanel(this);
    m_advisor->setAccessibleName(tr("Advisor findings"));
    auto *advisorDock = new QDockWidget(tr("Advisor"), this);
    advisorDock->setObjectName(QStringLiteral("advisorDock"));
    advisorDock->setWidget(m_advisor);
    addPanel(advisorDock, Qt::RightDockWidgetArea);
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
    // The lesson's endpoints light up in the live diagram while the lessons are open.
    connect(m_lessonsDock, &LessonsDock::lessonStatesChanged, m_scene, &StateDiagramScene::setLessonStates);
    connect(m_lessonsDock, &LessonsDock::labStarted, this, [this] { m_poller->pollNow(); });
    // The live lab's sockets get a coloured bar in the table.
    if (auto *delegate = qobject_cast<ConnectionRowDelegate *>(m_table->itemDelegate())) {
        delegate->setMarker([this](const QModelIndex &index) {
            const LabSession *lab = m_lessonsDock->lessonWindow()->labPanel()->session();
            const int row = lab ? m_proxy->mapToSource(index).row() : -1;
            return row >= 0 && lab->owns(m_tableModel->socketAt(row).entry);
        });
    }
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

void MainWindow::applySnapshot(const Snapshot &snapshot)
{
    // If tracking falls behind a fast poll interval, skip a poll rather than queue without bound:
    // the next diff then covers two intervals (its hops are inferred, as between any two polls).
    if (m_tracking >= 2)
        return;
    ++m_tracking;
    QMetaObject::invokeMethod(
        m_trackerWorker, [w = m_trackerWorker, snapshot, g = m_generation] { w->track(snapshot, g); });
}

void MainWindow::onTracked(const TrackerResultPtr &result)
{
    --m_tracking;
    if (result->generation != m_generation)
        return; // from the source watched before
    const Snapshot &snapshot = result->snapshot;
    m_statusBar->setSnapshot(snapshot);
    if (!snapshot.isValid()) {
        m_history.markGap(); // connections are not declared gone because one read failed
        updateNotice();
        return;
    }
    // A stream source that lost frames (dropped SSH link, damaged recording) says so on the next one.
    if (snapshot.gapBefore())
        m_history.markGap();
    m_history.append(snapshot);
    applyStep(result, 0, ConnectionTableModel::nowMs());
}

void MainWindow::applyStep(const TrackerResultPtr &result, int step, qint64 now)
{
    // One poll in four turns of the event loop (faded rows out, changed rows, new rows, then the
    // panels): at 100k sockets each part takes up to a frame, and a paint or a key press can go in
    // between (bench_guistall, docs/performance.md).
    if (result->generation != m_generation)
        return;
    switch (step) {
    case 0:
        m_tableModel->expire(now);
        break;
    case 1:
        m_tableModel->apply(result->sockets, result->pollMs, result->events, now, ConnectionTableModel::Part::Changes);
        break;
    case 2:
        m_tableModel->apply(result->sockets, result->pollMs, result->events, now, ConnectionTableModel::Part::Appeared);
        m_table->animate();
        break;
    default:
        applyPanels(result);
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, result, step, now] { applyStep(result, step + 1, now); }, Qt::QueuedConnection);
}

void MainWindow::applyPanels(const TrackerResultPtr &result)
{
    const Snapshot &snapshot = result->snapshot;
    const bool newHost = m_last.isNull() || m_last.host() != snapshot.host();
    m_last = snapshot;
    if (newHost)
        updateTitle();
    m_scene->setSnapshot(snapshot, m_family);
    // The first poll reports every socket as new: nothing moved, so nothing to animate.
    if (m_polls++ > 0)
        m_scene->addEvents(result->events);
    updateHighlight();
    m_chart->refresh();
    m_tunables->setSnapshot(snapshot);
    m_advisor->setAdvisories(result->advisories);
    updateNotice();
    Q_EMIT snapshotApplied(snapshot);
    if (!m_options.screenshot.isEmpty() && !m_screenshotScheduled)
        scheduleScreenshot();
}

void MainWindow::onCounters(const Counters &c)
{
    // Between slowed full reads only kernel-wide totals are cheap (no per-state split but TIME_WAIT),
    // so they are shown here rather than drawn as chart samples that would not match the others.
    const QLocale l;
    m_countersNote = tr("between full reads, the kernel counts %1 TIME_WAIT and %2 other sockets (at %3)")
                         .arg(l.toString(c.timeWaitSockets()), l.toString(c.inUse()),
                             QDateTime::fromMSecsSinceEpoch(c.timeMs).toString(QStringLiteral("HH:mm:ss")));
    updateNotice();
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

void MainWindow::updateHighlight()
{
    const int row = m_selectedId ? m_tableModel->rowOf(m_selectedId) : -1;
    const bool live = row >= 0 && m_tableModel->statusAt(row) != ConnectionTableModel::Vanished;
    m_scene->setHighlightedState(live ? std::optional(m_tableModel->socketAt(row).entry.state) : std::nullopt);
}

void MainWindow::updateTitle()
{
    const QString source = m_poller ? m_poller->sourceDescription() : QString();
    if (m_last.isNull()) {
        setWindowTitle(tr("tcpscope \u2014 %1").arg(source));
        return;
    }
    setWindowTitle(tr("%1 \u2014 tcpscope (%2)").arg(m_last.host(), source));
    m_toolBar->setSource(tr("%1 (%2)").arg(m_last.host(), source));
}

void MainWindow::updateNotice()
{
    QStringList parts;
    if (!m_pacingNote.isEmpty())
        parts << m_pacingNote;
    if (!m_countersNote.isEmpty())
        parts << m_countersNote;
    if (m_recorder->isRecording())
        parts << tr("\u25cf recording to %1 (%2 frames)").arg(m_recorder->path()).arg(m_recorder->framesWritten());
    else if (!m_recorder->error().isEmpty())
        parts << tr("recording stopped: %1").arg(m_recorder->error());
    m_statusBar->setNotice(parts.join(QStringLiteral(" \u00b7 ")));
    if (m_stopRecordAction)
        m_stopRecordAction->setEnabled(m_recorder->isRecording());
}

void MainWindow::connectToHost()
{
    ConnectDialog dialog(this);
    if (!m_options.ssh.isEmpty())
        dialog.setHost(m_options.ssh);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ConnectDialog::remember(dialog.host());
    AppOptions o = m_options;
    o.replay.clear();
    o.stdinStream = false;
    o.connectHost.clear();
    o.ssh = dialog.host();
    o.sshConfig = dialog.sshConfig();
    o.record.clear();
    m_recorder->stop();
    reopen(o, false);
}

void MainWindow::openRecording()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open recording"), QString(), tr("tcpscope recordings (*.tcps);;All files (*)"));
    if (path.isEmpty())
        return;
    AppOptions o = m_options;
    o.ssh.clear();
    o.stdinStream = false;
    o.connectHost.clear();
    o.record.clear();
    o.replay = path;
    m_recorder->stop();
    reopen(o, false);
}

void MainWindow::watchThisHost()
{
    AppOptions o = m_options;
    o.ssh.clear();
    o.stdinStream = false;
    o.connectHost.clear();
    o.replay.clear();
    o.record.clear();
    m_recorder->stop();
    reopen(o, false);
}

void MainWindow::startRecording()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Record to file"), QStringLiteral("tcpscope.tcps"), tr("tcpscope recordings (*.tcps)"));
    if (path.isEmpty())
        return;
    if (m_sourceRecords) {
        const Status started = m_recorder->start(path);
        if (!started.ok())
            QMessageBox::warning(this, tr("Record to file"), started.error());
    } else {
        // This host read by netlink: switch to the /proc text the recording format carries.
        AppOptions o = m_options;
        o.record = path;
        reopen(o, true);
    }
    updateNotice();
}

void MainWindow::stopRecording()
{
    m_recorder->stop();
    m_options.record.clear();
    updateNotice();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Connect to host over SSH..."), QKeySequence::Open, this, &MainWindow::connectToHost);
    file->addAction(tr("Open &recording..."), QKeySequence(tr("Ctrl+Shift+O")), this, &MainWindow::openRecording);
    file->addAction(tr("Watch &this host"), this, &MainWindow::watchThisHost);
    file->addSeparator();
    m_recordAction
        = file->addAction(tr("Record to &file..."), QKeySequence(tr("Ctrl+R")), this, &MainWindow::startRecording);
    m_stopRecordAction = file->addAction(tr("&Stop recording"), this, &MainWindow::stopRecording);
    m_stopRecordAction->setEnabled(false);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_toolBar->pauseAction()); // Space
    m_viewMenu->addAction(tr("Step one poll"), QKeySequence(tr("Ctrl+Right")), this, [this] {
        if (m_replayControls)
            m_replayControls->step(1);
        else
            m_poller->pollNow();
    });
    m_viewMenu->addAction(tr("Step one poll back (replay)"), QKeySequence(tr("Ctrl+Left")), this, [this] {
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

    m_lessonsDock->addMenus(menuBar());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About tcpscope"), this, [this] {
        AboutDialog about(this);
        about.exec();
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::scheduleScreenshot()
{
    m_screenshotScheduled = true;
    // Let layouts settle and any flash fade, then wait for tokens to arrive (at most ~3 s more).
    QTimer::singleShot(ConnectionTableModel::FlashMs + 100, this, [this] { takeScreenshot(60); });
}

void MainWindow::takeScreenshot(int attemptsLeft)
{
    if (m_scene->isAnimating() && attemptsLeft > 0) {
        QTimer::singleShot(50, this, [this, attemptsLeft] { takeScreenshot(attemptsLeft - 1); });
        return;
    }
    const Status saved = Screenshot::save(this, m_options.screenshot);
    if (!saved.ok())
        std::fprintf(stderr, "tcpscope: %s\n", qPrintable(saved.error()));
    QApplication::exit(saved.ok() ? 0 : 1);
}
