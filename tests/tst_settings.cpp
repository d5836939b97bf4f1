// Settings survive a restart: a window is changed the way a user would change it, closed and
// destroyed; the settings file on disk holds the choices, and a second window comes back with them.
// XDG_CONFIG_HOME points at a temporary directory, so the user's own settings are never touched.
#include "appoptions.h"
#include "chart/chartpanel.h"
#include "maintoolbar.h"
#include "mainwindow.h"
#include "panels/connectdialog.h"
#include "pipeline/poller.h"
#include "sessionsettings.h"
#include "snapshotbuilder.h"
#include "sources/snapshotsource.h"
#include "testmain.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
class FakeSource : public SnapshotSource
{
public:
    Snapshot poll() override { return SnapshotBuilder(1000).add(TcpState::Listen, 80, 0).build(); }
    QString description() const override { return QStringLiteral("fake source"); }
};

std::unique_ptr<MainWindow> makeWindow(const AppOptions &options)
{
    auto w = std::make_unique<MainWindow>(options, std::make_unique<FakeSource>());
    // The chart panel is one of the window's docks; add one if this build's window has none yet.
    if (!w->findChild<ChartPanel *>()) {
        auto *dock = new QDockWidget(QStringLiteral("Chart"));
        dock->setObjectName(QStringLiteral("testChartDock"));
        dock->setWidget(new ChartPanel(&w->history()));
        w->addPanel(dock);
    }
    SessionSettings::watch(w.get(), options);
    return w;
}

QComboBox *intervalBox(MainWindow &w)
{
    for (auto *box : w.toolBar()->findChildren<QComboBox *>())
        if (box->findData(5000) >= 0 && box->findData(1000) >= 0)
            return box;
    return nullptr;
}
} // namespace

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void survivesRestart()
    {
        AppOptions options;
        SessionSettings::applyTo(options);
        QCOMPARE(options.intervalMs, 1000); // nothing remembered yet: the default

        const QRect geometry(60, 70, 1300, 860); // above the docks' minimum sizes, so restoring is exact
        {
            auto w = makeWindow(options);
            w->show();
            QVERIFY(QTest::qWaitForWindowExposed(w.get()));
            w->setGeometry(geometry);
            QTRY_COMPARE(w->geometry(), geometry);
            w->findChild<QDockWidget *>(QStringLiteral("connectionsDock"))->hide();

            // The interval box, by keyboard: 1 s -> the next entry down.
            QComboBox *box = intervalBox(*w);
            QVERIFY(box);
            QSignalSpy changed(w->toolBar(), &MainToolBar::intervalChanged);
            box->setFocus();
            while (box->currentData().toInt() != 5000)
                QTest::keyClick(box, Qt::Key_Down);
            QVERIFY(changed.count() >= 1);
            QCOMPARE(w->poller()->intervalMs(), 5000);

            w->findChild<ChartPanel *>()->setWindowMs(3'600'000);
            ConnectDialog::remember(QStringLiteral("admin@db1:2222"));
            QVERIFY(w->close()); // what the window manager's close button does
        }
        QSettings().sync();

        // On disk, read from a copy so no cached QSettings state can answer for the file.
        const QString file = QSettings().fileName();
        QVERIFY2(file.startsWith(qEnvironmentVariable("XDG_CONFIG_HOME")), qPrintable(file));
        const QString copy = file + QStringLiteral(".copy.conf");
        QVERIFY(QFile::copy(file, copy));
        QSettings disk(copy, QSettings::IniFormat);
        QCOMPARE(disk.value(SessionSettings::IntervalKey).toInt(), 5000);
        QCOMPARE(disk.value(SessionSettings::ChartWindowKey).toLongLong(), 3'600'000);
        QCOMPARE(disk.value(QStringLiteral("connect/recentHosts")).toStringList().value(0),
            QStringLiteral("admin@db1:2222"));
        QVERIFY(!disk.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
        QVERIFY(!disk.value(QStringLiteral("window/state")).toByteArray().isEmpty());

        // Restart.
        AppOptions again;
        SessionSettings::applyTo(again);
        QCOMPARE(again.intervalMs, 5000);
        auto w = makeWindow(again);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QCOMPARE(w->geometry().size(), geometry.size());
        QCOMPARE(w->geometry().topLeft(), geometry.topLeft());
        QVERIFY(w->findChild<QDockWidget *>(QStringLiteral("connectionsDock"))->isHidden());
        QCOMPARE(intervalBox(*w)->currentData().toInt(), 5000);
        QCOMPARE(w->poller()->intervalMs(), 5000);
        QCOMPARE(w->findChild<ChartPanel *>()->windowMs(), 3'600'000);
        QCOMPARE(ConnectDialog::recentHosts().value(0), QStringLiteral("admin@db1:2222"));
    }

    void commandLineWinsAndBadValuesAreIgnored()
    {
        QSettings().setValue(SessionSettings::IntervalKey, 5000);
        AppOptions given;
        given.intervalMs = 250; // --interval 250
        given.intervalGiven = true;
        SessionSettings::applyTo(given);
        QCOMPARE(given.intervalMs, 250);

        AppOptions shot; // --screenshot: the same picture on every machine
        shot.screenshot = QStringLiteral("x.png");
        SessionSettings::applyTo(shot);
        QCOMPARE(shot.intervalMs, 1000);

        for (const QVariant &bad : { QVariant(QStringLiteral("fast")), QVariant(5), QVariant(-1000) }) {
            QSettings().setValue(SessionSettings::IntervalKey, bad);
            AppOptions o;
            SessionSettings::applyTo(o);
            QCOMPARE(o.intervalMs, 1000);
        }
    }

    // `tcpscope --interval 1000` after a session at 3 s: the command line wins though 1000 is the
    // default, in the options and in the window's poller and interval box.
    void explicitDefaultIntervalWins()
    {
        QSettings().setValue(SessionSettings::IntervalKey, 3000);
        const AppOptions given = parse({ QStringLiteral("--interval"), QStringLiteral("1000") });
        QVERIFY(given.intervalGiven);
        QCOMPARE(given.intervalMs, 1000);
        auto w = makeWindow(given);
        QCOMPARE(w->poller()->intervalMs(), 1000);
        QCOMPARE(intervalBox(*w)->currentData().toInt(), 1000);

        // Without --interval the remembered one.
        const AppOptions remembered = parse({});
        QVERIFY(!remembered.intervalGiven);
        QCOMPARE(remembered.intervalMs, 3000);
        auto again = makeWindow(remembered);
        QCOMPARE(again->poller()->intervalMs(), 3000);
        QCOMPARE(intervalBox(*again)->currentData().toInt(), 3000);
    }

private:
    // The command line as main() reads it, then the remembered settings.
    static AppOptions parse(const QStringList &args)
    {
        QCommandLineParser parser;
        AppOptions::setup(parser);
        AppOptions options;
        if (!parser.parse(QStringList { QStringLiteral("tcpscope") } + args))
            qFatal("%s", qPrintable(parser.errorText()));
        const QString error = AppOptions::fromParser(parser, options);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        SessionSettings::applyTo(options);
        return options;
    }
};

TCPSCOPE_TEST_MAIN(TestSettings, QApplication, TestMain::PrivateSettings)

#include "tst_settings.moc"
