#include "mainwindow.h"

#include "connectionfilterproxy.h"
#include "connectiontablemodel.h"
#include "connectiontableview.h"
#include "maintoolbar.h"
#include "poller.h"
#include "pollstatusbar.h"
#include "screenshot.h"
#include "sourcefactory.h"
#include "statediagramscene.h"
#include "statediagramview.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QTimer>

#include <cstdio>

MainWindow::MainWindow(const AppOptions &options, QWidget *parent)
    : MainWindow(options, SourceFactory::create(options), parent)
{ }

MainWindow::MainWindow(const AppOptions &options, std::unique_ptr<SnapshotSource> source, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
{
    setWindowTitle(QStringLiteral("tcpscope"));
    resize(1400, 900);
    m_poller = new Poller(std::move(source), this);
    createWidgets();
    createDocks();
    createMenus();
    restoreLayout();

    m_toolBar->setSource(m_poller->sourceDescription());
    m_toolBar->setIntervalMs(options.intervalMs);
    m_poller->setIntervalMs(options.intervalMs);
    m_scene->setMsPerHop(qBound(60, options.intervalMs / 5, 350));
    qRegisterMetaType<TrackerResultPtr>();
    m_trackerWorker = new TrackerWorker;
    m_trackerWorker->moveToThread(&m_trackerThread);
    connect(&m_trackerThread, &QThread::finished, m_trackerWorker, &QObject::deleteLater);
    connect(m_trackerWorker, &TrackerWorker::tracked, this, &MainWindow::onTracked, Qt::QueuedConnection);
    connect(m_poller, &Poller::snapshotReady, this, &MainWindow::applySnapshot);
    m_trackerThread.setObjectName(QStringLiteral("tcpscope tracker"));
    m_trackerThread.start();
    connect(m_poller, &Poller::pausedChanged, this, [this](bool paused) {
        m_toolBar->setPaused(paused);
        m_statusBar->setPaused(paused);
    });
    m_poller->start();
}

MainWindow::~MainWindow()
{
    m_trackerThread.quit();
    m_trackerThread.wait();
}

void MainWindow::createWidgets()
{
    m_scene = new StateDiagramScene(this);
    m_diagram = new StateDiagramView(m_scene, this);
    setCentralWidget(m_diagram);

    m_tableModel = new ConnectionTableModel(this);
    m_proxy = new ConnectionFilterProxy(this);
    m_table = new ConnectionTableView(m_tableModel, m_proxy, this);

    m_toolBar = new MainToolBar(this);
    addToolBar(Qt::TopToolBarArea, m_toolBar);
    m_statusBar = new PollStatusBar(this);
    setStatusBar(m_statusBar);

    connect(m_toolBar, &MainToolBar::pauseToggled, m_poller, &Poller::setPaused);
    connect(m_toolBar, &MainToolBar::intervalChanged, this, [this](int ms) {
        m_poller->setIntervalMs(ms);
        // A token's whole path (up to ~4 hops) must fit inside one interval.
        m_scene->setMsPerHop(qBound(60, ms / 5, 350));
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
    resizeDocks({ tableDock }, { 230 }, Qt::Vertical);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(tr("Fit diagram"), this, [this] { m_diagram->fit(); });
    m_viewMenu->addSeparator();
    for (QDockWidget *d : findChildren<QDockWidget *>())
        m_viewMenu->addAction(d->toggleViewAction());
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
    QMetaObject::invokeMethod(m_trackerWorker, [w = m_trackerWorker, snapshot] { w->track(snapshot); });
}

void MainWindow::onTracked(const TrackerResultPtr &result)
{
    --m_tracking;
    const Snapshot &snapshot = result->snapshot;
    m_statusBar->setSnapshot(snapshot);
    if (!snapshot.isValid()) {
        m_history.markGap(); // connections are not declared gone because one read failed
        return;
    }
    m_history.append(snapshot);
    if (m_last.isNull() || m_last.host() != snapshot.host())
        m_toolBar->setSource(tr("%1 (%2)").arg(snapshot.host(), m_poller->sourceDescription()));
    m_last = snapshot;
    m_tableModel->apply(result->sockets, result->pollMs, result->events, ConnectionTableModel::nowMs());
    m_table->animate();
    m_scene->setSnapshot(snapshot, m_family);
    // The first poll reports every socket as new: nothing moved, so nothing to animate.
    if (m_polls++ > 0)
        m_scene->addEvents(result->events);
    updateHighlight();
    Q_EMIT snapshotApplied(snapshot);
    if (!m_options.screenshot.isEmpty() && !m_screenshotScheduled)
        scheduleScreenshot();
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
    const QString error = Screenshot::save(this, m_options.screenshot);
    if (!error.isEmpty())
        std::fprintf(stderr, "tcpscope: %s\n", qPrintable(error));
    QApplication::exit(error.isEmpty() ? 0 : 1);
}
