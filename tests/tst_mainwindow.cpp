#include "aboutdialog.h"
#include "chart/chartpanel.h"
#include "diagram/statediagramscene.h"
#include "diagram/statenodeitem.h"
#include "diagram/tokenitem.h"
#include "diagram/transitionedgeitem.h"
#include "maintoolbar.h"
#include "mainwindow.h"
#include "models/connectionfilterproxy.h"
#include "models/connectiontablemodel.h"
#include "models/processgroupmodel.h"
#include "panels/advisorpanel.h"
#include "panels/tunablespanel.h"
#include "pollstatusbar.h"
#include "shortcutsdialog.h"
#include "snapshotbuilder.h"
#include "sources/snapshotsource.h"
#include "table/connectiontableview.h"
#include "table/processtableview.h"
#include "teaching/lessonsdock.h"
#include "teaching/lessonwindow.h"
#include "teaching/loopbacklab.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMutex>
#include <QSet>
#include <QSettings>
#include <QTableWidget>
#include <QTest>

namespace {
// Hands the poller whatever snapshot the test set last.
class FakeSource : public SnapshotSource
{
public:
    explicit FakeSource(Snapshot s)
        : m_snapshot(std::move(s))
    { }
    Snapshot poll() override
    {
        QMutexLocker lock(&m_mutex);
        return m_snapshot;
    }
    QString description() const override { return QStringLiteral("fake source"); }

private:
    QMutex m_mutex;
    Snapshot m_snapshot;
};

Snapshot sample(qint64 t, bool closed)
{
    SnapshotBuilder b(t);
    b.add(TcpState::Listen, 80, 0).add(TcpState::Listen, 443, 0, AddressFamily::IPv6);
    for (quint16 p = 40000; p < 40030; ++p)
        b.add(closed && p < 40010 ? TcpState::TimeWait : TcpState::Established, p, 443);
    for (quint16 p = 41000; p < 41005; ++p)
        b.add(TcpState::CloseWait, 80, p);
    b.timeWait(42000, 12'000).timeWait(42001, 51'000);
    return b.build();
}

ProcessOwnerPtr owner(qint32 pid, const char *name)
{
    auto o = std::make_shared<ProcessOwner>();
    o->pid = pid;
    o->startTicks = 500;
    o->name = QLatin1String(name);
    o->user = QStringLiteral("root");
    return o;
}

// sample() with owners: nginx holds the port-80 listener and the five CLOSE_WAITs, curl the first ten
// established connections (which close in the closed sample, and keep curl as remembered owner).
Snapshot owned(qint64 t, bool closed)
{
    static const ProcessOwnerPtr nginx = owner(1234, "nginx");
    static const ProcessOwnerPtr curl = owner(77, "curl");
    const Snapshot s = sample(t, closed);
    SocketOwners owners;
    owners.processes = { nginx, curl };
    for (const SocketEntry &e : s.sockets()) {
        const bool curls = e.remotePort == 443 && e.localPort < 40010 && e.inode != 0;
        owners.slots.push_back(e.localPort == 80 ? 1 : curls ? 2 : 0);
    }
    return s.withOwners(owners);
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(resources); // lessons
        QCoreApplication::setOrganizationName(QStringLiteral("tcpscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void showsSocketsAndIsNotBlank()
    {
        AppOptions options;
        options.intervalMs = 100'000; // the test drives the polls
        MainWindow w(options, std::make_unique<FakeSource>(sample(1000, false)));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(!w.lastSnapshot().isNull()); // the poller's first poll
        QCOMPARE(w.tableModel()->rowCount(), 39);
        QCOMPARE(w.diagramScene()->node(TcpState::Established)->count(), 30);
        QVERIFY(w.pollStatusBar()->text().contains(QStringLiteral("testhost")));
        QVERIFY(w.pollStatusBar()->text().contains(QStringLiteral("39 sockets")));
        QVERIFY(!w.findChild<QDockWidget *>(QStringLiteral("connectionsDock"))->isHidden());

        // Ten connections close: tokens head for TIME-WAIT.
        w.applySnapshot(sample(2000, true));
        QTRY_COMPARE(w.lastSnapshot().timeMs(), 2000);
        QVERIFY(w.diagramScene()->isAnimating());
        QCOMPARE(w.diagramScene()->node(TcpState::TimeWait)->count(), 12);

        w.diagramScene()->step(w.diagramScene()->msPerHop() / 2);
        const QImage image = w.grab().toImage();
        if (qEnvironmentVariableIsSet("TCPSCOPE_TEST_SCREENSHOT"))
            image.save(qEnvironmentVariable("TCPSCOPE_TEST_SCREENSHOT"));
        QVERIFY(!image.isNull());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }

    void clickingAStateFiltersTheTable()
    {
        AppOptions options;
        options.intervalMs = 100'000;
        MainWindow w(options, std::make_unique<FakeSource>(sample(1000, true)));
        w.show();
        QTRY_VERIFY(!w.lastSnapshot().isNull());
        Q_EMIT w.diagramScene()->stateClicked(TcpState::CloseWait);
        QCOMPARE(w.tableProxy()->rowCount(), 5);
        QCOMPARE(w.toolBar()->stateFilter(), std::optional(TcpState::CloseWait));
        Q_EMIT w.diagramScene()->stateClicked(TcpState::CloseWait); // again: all states
        QCOMPARE(w.tableProxy()->rowCount(), 39);

        // The selected socket's state is highlighted in the diagram.
        w.tableView()->selectRow(0);
        const TcpState selected = TcpState(w.tableProxy()->index(0, 0).data(ConnectionTableModel::StateRole).toInt());
        QVERIFY(w.diagramScene()->node(selected)->isHighlighted());
    }

    void filterBoxTakesSsExpressions()
    {
        AppOptions options;
        options.intervalMs = 100'000;
        options.filter = QStringLiteral("sport = :80"); // --filter fills the box
        MainWindow w(options, std::make_unique<FakeSource>(sample(1000, false)));
        w.show();
        QTRY_VERIFY(!w.lastSnapshot().isNull());
        QLineEdit *box = w.toolBar()->filterEdit();
        QCOMPARE(box->text(), options.filter);
        QCOMPARE(w.tableProxy()->rowCount(), 6); // the listener and five CLOSE_WAIT
        const auto warning = [box]() -> QAction * {
            for (QAction *a : box->actions()) {
                if (a->toolTip().contains(QLatin1String("ss filter")))
                    return a;
            }
            return nullptr;
        };
        QVERIFY(warning() && !warning()->isVisible());
        box->setText(QStringLiteral("state close-wait"));
        QCOMPARE(w.tableProxy()->rowCount(), 5);
        box->setText(QStringLiteral("sport = :")); // an error: said on the box, not applied
        QCOMPARE(w.tableProxy()->rowCount(), 39);
        QVERIFY(warning()->isVisible());
        QVERIFY2(
            box->toolTip().contains(QLatin1String("column 9: expected a port after ':'")), qPrintable(box->toolTip()));
        box->setText(QStringLiteral("port:443")); // not an expression: the plain search
        QCOMPARE(w.tableProxy()->rowCount(), 31);
        QVERIFY(!warning()->isVisible());
        QVERIFY(w.tableProxy()->expression().isEmpty());
    }

    void realLoopbackClosesAnimateTowardsTimeWait()
    {
        // The real source (this host's /proc) and real loopback sockets, polled every 100 ms.
        AppOptions options;
        options.intervalMs = 100;
        MainWindow w(options);
        w.show();
        QTRY_VERIFY(!w.lastSnapshot().isNull());
        size_t maxTokens = 0;
        bool sawTimeWaitToken = false;
        connect(&w, &MainWindow::snapshotApplied, this, [&] {
            maxTokens = std::max(maxTokens, w.diagramScene()->tokens().size());
            for (TokenItem *t : w.diagramScene()->tokens())
                sawTimeWaitToken |= t->edges().back()->toNode()->state() == TcpState::TimeWait;
        });
        LoopbackLab lab;
        const Expected<quint16> listening = lab.listen();
        QVERIFY2(listening.ok(), qPrintable(listening.error()));
        const Status closed = lab.clientClosesFirst(3);
        QVERIFY2(closed.ok(), qPrintable(closed.error()));
        const int port = lab.lastListenPort();
        QTRY_VERIFY(sawTimeWaitToken);
        QVERIFY(maxTokens >= 1);
        w.toolBar()->filterEdit()->setText(QStringLiteral("port:%1 state:time_wait").arg(port));
        QTRY_COMPARE(w.tableProxy()->rowCount(), 3);
    }

    void addPanelAddsADockAndAMenuEntry()
    {
        AppOptions options;
        options.intervalMs = 100'000;
        MainWindow w(options, std::make_unique<FakeSource>(sample(1000, false)));
        auto *dock = new QDockWidget(QStringLiteral("Extra"));
        dock->setObjectName(QStringLiteral("extraDock"));
        w.addPanel(dock);
        QCOMPARE(w.dockWidgetArea(dock), Qt::RightDockWidgetArea);
        QVERIFY(!w.saveState().isEmpty());
    }
    void panelsAreDockedAndGetDataAfterAPoll()
    {
        AppOptions options;
        options.intervalMs = 100'000;
        SnapshotBuilder b(1000);
        b.add(TcpState::Established, 40000, 443).add(TcpState::CloseWait, 80, 41000);
        b.data().tunables.set(QStringLiteral("net.ipv4.tcp_tw_recycle"), QStringLiteral("1"));
        MainWindow w(options, std::make_unique<FakeSource>(b.build()));
        w.show();
        for (const char *name : { "connectionsDock", "chartDock", "tunablesDock", "advisorDock", "lessonsDock" }) {
            auto *dock = w.findChild<QDockWidget *>(QLatin1String(name));
            QVERIFY2(dock, name);
            QVERIFY2(dock->widget() && !dock->widget()->accessibleName().isEmpty(), name);
        }
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("lessonsDock"))->isHidden()); // until asked for
        QCOMPARE(w.dockWidgetArea(w.findChild<QDockWidget *>(QStringLiteral("chartDock"))), Qt::RightDockWidgetArea);
        QTRY_VERIFY(!w.lastSnapshot().isNull());

        QCOMPARE(w.history().size(), 1);
        QCOMPARE(w.history().last().count(TcpState::Established), 1u);
        QVERIFY(w.chartPanel()->pointCount(TcpState::Established) > 0);
        QVERIFY(w.tunablesPanel()->rowOf(QStringLiteral("net.ipv4.tcp_fin_timeout")) >= 0);
        const int recycleRow = w.tunablesPanel()->rowOf(QStringLiteral("net.ipv4.tcp_tw_recycle"));
        QVERIFY(recycleRow >= 0);
        QCOMPARE(w.tunablesPanel()->table()->item(recycleRow, TunablesPanel::ValueColumn)->text(), QStringLiteral("1"));
        bool recycle = false;
        for (const Advisory &a : w.advisorPanel()->advisories())
            recycle |= a.id == QStringLiteral("tw-recycle-enabled");
        QVERIFY(recycle);

        // A finding's "show in diagram" filters the table to its state.
        Q_EMIT w.advisorPanel()->stateActivated(TcpState::CloseWait);
        QCOMPARE(w.tableProxy()->rowCount(), 1);
        Q_EMIT w.chartPanel()->stateActivated(TcpState::Established);
        QCOMPARE(w.toolBar()->stateFilter(), std::optional(TcpState::Established));
    }

    void gapAndLossAreShownAndKeepTheLastView()
    {
        AppOptions options;
        options.intervalMs = 100'000;
        MainWindow w(options, std::make_unique<FakeSource>(sample(1000, false)));
        w.show();
        QTRY_VERIFY(!w.lastSnapshot().isNull());
        QVERIFY(w.windowTitle().contains(QStringLiteral("testhost")));
        QVERIFY(w.pollStatusBar()->text().contains(QStringLiteral("fake source")));

        // The source is lost: said in the status bar, the last good counts stay.
        SnapshotData lost;
        lost.timeMs = 2000;
        lost.status = Status::failure(QStringLiteral("connection lost (ssh exited); reconnecting in 4 s"));
        w.applySnapshot(Snapshot(lost));
        QTRY_VERIFY(w.pollStatusBar()->text().contains(QStringLiteral("reconnecting in 4 s")));
        QCOMPARE(w.lastSnapshot().timeMs(), 1000);
        QCOMPARE(w.diagramScene()->node(TcpState::Established)->count(), 30);
        QCOMPARE(w.tableModel()->rowCount(), 39);

        // A stream that lost frames marks the first snapshot after them; the chart shows the gap.
        SnapshotBuilder b(3000);
        b.add(TcpState::Established, 40000, 443);
        b.data().gapBefore = true;
        w.applySnapshot(b.build());
        QTRY_COMPARE(w.lastSnapshot().timeMs(), 3000);
        QVERIFY(w.history().last().gapBefore);
        QVERIFY(!w.pollStatusBar()->text().contains(QStringLiteral("reconnecting")));

        // And only that one: the gap flag of the stream does not stick.
        w.applySnapshot(sample(4000, false));
        QTRY_COMPARE(w.lastSnapshot().timeMs(), 4000);
        QVERIFY(!w.history().last().gapBefore);
        QVERIFY(w.history().at(w.history().size() - 2).gapBefore);
    }

    void anotherHostStartsAfresh()
    {
        AppOptions options;
        options.intervalMs = 100'000;
        MainWindow w(options, std::make_unique<FakeSource>(sample(1000, false)));
        w.show();
        QTRY_VERIFY(!w.lastSnapshot().isNull());
        QCOMPARE(w.tableModel()->rowCount(), 39);

        // The old host's sockets did not close: the table, history and title start again.
        SnapshotBuilder b(5000);
        b.add(TcpState::Established, 40000, 443).add(TcpState::Listen, 22, 0);
        b.data().host = QStringLiteral("web1");
        w.setSource(std::make_unique<FakeSource>(b.build()));
        QCOMPARE(w.tableModel()->rowCount(), 0);
        QVERIFY(w.history().isEmpty());
        QVERIFY(w.lastSnapshot().isNull());
        QTRY_COMPARE(w.lastSnapshot().host(), QStringLiteral("web1"));
        QCOMPARE(w.tableModel()->rowCount(), 2);
        QCOMPARE(w.history().size(), 1);
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("web1")));
        QCOMPARE(w.diagramScene()->node(TcpState::Established)->count(), 1);
    }

    void lessonStatesLightTheLiveDiagram()
    {
        AppOptions options;
        options.intervalMs = 100'000;
        MainWindow w(options, std::make_unique<FakeSource>(sample(1000, false)));
        w.show();
        QTRY_VERIFY(!w.lastSnapshot().isNull());
        auto lit = [&w] {
            int n = 0;
            for (StateNodeItem *node : w.diagramScene()->nodes())
                n += node->hasLessonMark();
            return n;
        };
        QCOMPARE(lit(), 0);
        QVERIFY(w.lessonsDock()->openLesson(QStringLiteral("active-close")).ok());
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("lessonsDock"))->isVisible());
        auto *chartDock = w.findChild<QDockWidget *>(QStringLiteral("chartDock"));
        QVERIFY(chartDock->isHidden()); // teaching layout: lesson | diagram
        w.lessonsDock()->lessonWindow()->player()->seek(2);
        QTRY_VERIFY(lit() >= 1);
        const TcpState client = w.lessonsDock()->lessonWindow()->player()->clientState();
        QVERIFY(w.diagramScene()->node(client)->hasLessonMark());
        if (qEnvironmentVariableIsSet("TCPSCOPE_TEST_LESSON_SCREENSHOT"))
            QTest::qWait(300), w.grab().save(qEnvironmentVariable("TCPSCOPE_TEST_LESSON_SCREENSHOT"));
        w.findChild<QDockWidget *>(QStringLiteral("lessonsDock"))->hide();
        QCOMPARE(lit(), 0);
        QVERIFY(chartDock->isVisible()); // the panels come back
    }

    // Grouped by process, a double click shows one process's sockets; the picker narrows the diagram's
    // counts and tokens to them, remembered TIME-WAITs included, and the title says whose they are.
    void processesGroupAndPick()
    {
        AppOptions options;
        options.intervalMs = 100'000;
        MainWindow w(options, std::make_unique<FakeSource>(owned(1000, false)));
        w.show();
        QTRY_VERIFY(!w.lastSnapshot().isNull());
        QCOMPARE(w.processModel()->rowCount(), 3); // nginx, curl, unknown owner
        QCOMPARE(w.toolBar()->processPicker()->count(), 3); // all, curl, nginx
        w.toolBar()->groupByProcessAction()->setChecked(true);
        QVERIFY(w.processView()->isVisible());
        QVERIFY(!w.tableView()->isVisible());

        const QAbstractItemModel *rows = w.processView()->model();
        QCOMPARE(rows->index(0, ProcessGroupModel::ProcessColumn).data().toString(), QStringLiteral("unknown owner"));
        QModelIndex nginx;
        for (int r = 0; r < rows->rowCount(); ++r) {
            if (rows->index(r, 0).data(ProcessGroupModel::PidRole).toInt() == 1234)
                nginx = rows->index(r, ProcessGroupModel::TotalColumn);
        }
        QCOMPARE(nginx.data().toInt(), 6);
        Q_EMIT w.processView()->doubleClicked(nginx);
        QVERIFY(w.tableView()->isVisible());
        QCOMPARE(w.tableProxy()->rowCount(), 6);
        QCOMPARE(w.toolBar()->processLabel(), QStringLiteral("nginx (1234)"));
        QVERIFY2(w.windowTitle().contains(QStringLiteral("process nginx (1234)")), qPrintable(w.windowTitle()));
        QCOMPARE(w.diagramScene()->node(TcpState::CloseWait)->count(), 5);
        QCOMPARE(w.diagramScene()->node(TcpState::Established)->count(), 0);

        // curl's ten connections close: nothing of nginx's moves.
        w.applySnapshot(owned(2000, true));
        QTRY_COMPARE(w.lastSnapshot().timeMs(), 2000);
        QVERIFY(!w.diagramScene()->isAnimating());
        QCOMPARE(w.diagramScene()->node(TcpState::TimeWait)->count(), 0);
        w.toolBar()->setProcess(77, 500);
        QCOMPARE(w.diagramScene()->node(TcpState::TimeWait)->count(), 10); // remembered as curl's
        QCOMPARE(w.tableProxy()->rowCount(), 10);
        w.applySnapshot(owned(3000, false)); // and they are gone again: curl's tokens only
        QTRY_COMPARE(w.lastSnapshot().timeMs(), 3000);
        QVERIFY(w.diagramScene()->isAnimating());
        if (qEnvironmentVariableIsSet("TCPSCOPE_TEST_PROCESS_SCREENSHOT"))
            w.grab().save(qEnvironmentVariable("TCPSCOPE_TEST_PROCESS_SCREENSHOT"));

        w.toolBar()->setProcess(0, 0);
        QCOMPARE(w.tableProxy()->rowCount(), 39);
        QCOMPARE(w.diagramScene()->node(TcpState::Established)->count(), 30);
        QVERIFY(!w.windowTitle().contains(QStringLiteral("process")));
    }

    // Not a check: with TCPSCOPE_PROCESS_SCREENSHOTS=DIR (scripts/process-screenshots.sh: live sockets of
    // named processes in a private network namespace) saves the window grouped by process, then with the
    // process TCPSCOPE_PROCESS_PICK picked.
    void processScreenshots()
    {
        const QString dir = qEnvironmentVariable("TCPSCOPE_PROCESS_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("TCPSCOPE_PROCESS_SCREENSHOTS is not set");
        AppOptions options;
        options.intervalMs = 500;
        MainWindow w(options); // this host: the namespace's sockets
        w.show();
        QTest::qWait(8000);
        w.toolBar()->groupByProcessAction()->setChecked(true);
        QTest::qWait(1200);
        QVERIFY(w.grab().save(dir + QStringLiteral("/owners-by-process.png")));
        QComboBox *picker = w.toolBar()->processPicker();
        const int pick = picker->findText(qEnvironmentVariable("TCPSCOPE_PROCESS_PICK"), Qt::MatchStartsWith);
        QVERIFY(pick > 0);
        picker->setCurrentIndex(pick);
        w.toolBar()->groupByProcessAction()->setChecked(false);
        QTest::qWait(1200);
        QVERIFY(w.grab().save(dir + QStringLiteral("/process-picker.png")));
    }

    // Ctrl+F focuses the filter and Esc clears it; Space or F5 pauses; Help > Keyboard shortcuts
    // lists them all from the menus.
    void keyboardDrivesTheWindow()
    {
        AppOptions options;
        options.intervalMs = 100'000;
        MainWindow w(options, std::make_unique<FakeSource>(sample(1000, false)));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTRY_VERIFY(!w.lastSnapshot().isNull());
        QLineEdit *box = w.toolBar()->filterEdit();
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(box->hasFocus());
        QTest::keyClicks(box, QStringLiteral("state close-wait"));
        QCOMPARE(w.tableProxy()->rowCount(), 5);
        QTest::keyClick(box, Qt::Key_Escape);
        QVERIFY(box->text().isEmpty());
        QCOMPARE(w.tableProxy()->rowCount(), 39);
        QVERIFY(!box->hasFocus());
        QAction *pause = w.toolBar()->pauseAction();
        QTest::keyClick(&w, Qt::Key_F5);
        QVERIFY(pause->isChecked());
        QTest::keyClick(&w, Qt::Key_F5);
        QVERIFY(!pause->isChecked());
        const QStringList lines = ShortcutsDialog(w.menuBar()).lines();
        const QString all = lines.join(QLatin1Char('\n'));
        for (const char *want : { "Filter connections\tCtrl+F", "Pause\tSpace, F5", "Esc",
                 "Step one frame back (replay)\tCtrl+Left", "Keyboard shortcuts\tCtrl+/" })
            QVERIFY2(all.contains(QLatin1String(want)), qPrintable(all));
    }

    void aboutSaysVersionAndLicence()
    {
        AboutDialog about;
        QVERIFY(about.text().contains(QStringLiteral(TCPSCOPE_VERSION)));
        QVERIFY(about.text().contains(QStringLiteral("MIT")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
