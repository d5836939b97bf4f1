// Under LANG=zh_TW.UTF-8 (set by CTest for this test) the window's menus and panels are in
// Traditional Chinese, and the translation is complete: lupdate run over today's sources finds no
// string left untranslated.
#include "appoptions.h"
#include "chart/chartpanel.h"
#include "core/sshtarget.h"
#include "core/tcpstatemachine.h"
#include "maintoolbar.h"
#include "mainwindow.h"
#include "models/connectiontablemodel.h"
#include "panels/tunablespanel.h"
#include "snapshotbuilder.h"
#include "sources/snapshotsource.h"
#include "teaching/labsession.h"
#include "teaching/lessonloader.h"
#include "translations.h"

#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QMenuBar>
#include <QProcess>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {
class FakeSource : public SnapshotSource
{
public:
    Snapshot poll() override { return SnapshotBuilder(1000).add(TcpState::Listen, 80, 0).build(); }
    QString description() const override { return QStringLiteral("fake source"); }
};

QStringList menuTitles(QMainWindow &w)
{
    QStringList titles;
    for (QAction *a : w.menuBar()->actions())
        titles << a->text();
    return titles;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The system locale comes from LANG: no QLocale::setDefault here, so this is what users get.
        QCOMPARE(QLocale().name(), QStringLiteral("zh_TW"));
        QVERIFY(Translations::install(qApp));
    }

    void mainWindowIsTraditionalChinese()
    {
        AppOptions options;
        options.intervalMs = 100'000;
        MainWindow w(options, std::make_unique<FakeSource>());
        const QStringList menus = menuTitles(w);
        QVERIFY2(menus.contains(QStringLiteral("檔案(&F)")), qPrintable(menus.join(u' ')));
        QVERIFY2(menus.contains(QStringLiteral("檢視(&V)")), qPrintable(menus.join(u' ')));
        QCOMPARE(w.findChild<QDockWidget *>(QStringLiteral("connectionsDock"))->windowTitle(), QStringLiteral("連線"));
        QCOMPARE(w.toolBar()->pauseAction()->text(), QStringLiteral("暫停"));
        QCOMPARE(w.toolBar()->windowTitle(), QStringLiteral("主工具列"));
        // The terms a Taiwanese network engineer uses: 位址家族 (address family), 停留時間 (time in state),
        // 診斷建議 (the advisor's findings).
        QCOMPARE(w.tableModel()->headerData(ConnectionTableModel::FamilyColumn, Qt::Horizontal).toString(),
            QStringLiteral("位址家族"));
        QCOMPARE(w.tableModel()->headerData(ConnectionTableModel::StateColumn, Qt::Horizontal).toString(),
            QStringLiteral("狀態"));
        QCOMPARE(w.tableModel()->headerData(ConnectionTableModel::TimeInStateColumn, Qt::Horizontal).toString(),
            QStringLiteral("停留時間"));
        QCOMPARE(w.findChild<QDockWidget *>(QStringLiteral("advisorDock"))->windowTitle(), QStringLiteral("診斷建議"));
    }

    void panelsAreTraditionalChinese()
    {
        StateHistory history;
        ChartPanel chart(&history);
        QStringList boxes;
        for (auto *c : chart.findChildren<QCheckBox *>())
            boxes << c->text();
        QVERIFY2(boxes.contains(QStringLiteral("對數刻度")), qPrintable(boxes.join(u' ')));

        TunablesPanel tunables;
        auto *table = tunables.findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("參數"));
        QCOMPARE(table->horizontalHeaderItem(2)->text(), QStringLiteral("預設值"));
    }

    void pluralsAreTranslated()
    {
        // %n forms come from the .qm too (Chinese has one form).
        QCOMPARE(QCoreApplication::translate("PollStatusBar", "%n problem(s) in the last poll.", nullptr, 3),
            QStringLiteral("上次輪詢有 3 個問題。"));
    }

    void teachingTextsAreTranslated()
    {
        // The diagram's edge tooltips and the lab's descriptions come from model/ through QCoreApplication::translate.
        const TcpTransition *t = TcpStateMachine::find(TcpState::TimeWait, TcpState::Close);
        QVERIFY(t->explanationText().startsWith(QStringLiteral("TIME-WAIT 結束")));
        QVERIFY(LabSession::description(LabSession::Pattern::Reset).contains(QStringLiteral("中止")));
    }

    void modelErrorsAreTranslated()
    {
        // Status texts from model/ reach the status bar, dialogs and stderr through QCoreApplication::translate.
        QCOMPARE(LessonLoader::load(QStringLiteral("no-such-lesson")).error(),
            QStringLiteral("沒有名為「no-such-lesson」的課程（請試試 --list-lessons）"));
        QCOMPARE(SshTarget::parse(QString()).error(), QStringLiteral("未指定主機"));
    }

    // Every tr() string in app/, views/ and model/ today has a finished translation.
    void translationIsComplete()
    {
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("tcpscope_zh_TW.ts"));
        QVERIFY(QFile::copy(QStringLiteral(TCPSCOPE_SOURCE_DIR "/resources/translations/tcpscope_zh_TW.ts"), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(TCPSCOPE_SOURCE_DIR));
        lupdate.start(QStringLiteral(TCPSCOPE_LUPDATE),
            { QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                QStringLiteral("app"), QStringLiteral("views"), QStringLiteral("model"), QStringLiteral("-ts"), ts });
        QVERIFY(lupdate.waitForFinished(120'000));
        QCOMPARE(lupdate.exitCode(), 0);

        QFile file(ts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QStringList unfinished;
        QString context;
        QString source;
        int messages = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const bool open = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                if (open || xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed().isEmpty())
                    unfinished << context + QStringLiteral(": ") + source;
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 100);
        QVERIFY2(unfinished.isEmpty(),
            qPrintable(QStringLiteral("%1 string(s) to translate (cmake --build <dir> --target update_translations, "
                                      "then edit resources/translations/tcpscope_zh_TW.ts):\n")
                           .arg(unfinished.size())
                + unfinished.join(u'\n')));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
