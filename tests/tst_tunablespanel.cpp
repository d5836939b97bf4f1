// The tunables panel: every described tunable with value, default and meaning; a change is highlighted.
// The end-to-end case changes a real sysctl inside a private network namespace and checks that both
// the panel and the chart (marker) show it.
#include "analysis/tunablecatalog.h"
#include "chart/chartpanel.h"
#include "chart/statechartview.h"
#include "fixture.h"
#include "panels/tunablespanel.h"
#include "snapshotbuilder.h"
#include "sources/local/procsource.h"
#include "testmain.h"

#include <QApplication>
#include <QFile>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

namespace {

Snapshot withReuse(const Snapshot &s, const QString &value, qint64 timeMs)
{
    SnapshotData d = SnapshotBuilder::copyAt(s, timeMs);
    d.tunables.set(QStringLiteral("net.ipv4.tcp_tw_reuse"), value);
    return Snapshot(std::move(d));
}

QColor rowColor(const TunablesPanel &p, const QString &name)
{
    return p.table()->item(p.rowOf(name), TunablesPanel::ValueColumn)->background().color();
}

void maybeSave(QWidget *w, const char *name)
{
    const QString dir = qEnvironmentVariable("TCPSCOPE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + QLatin1String(name));
}
} // namespace

class TestTunablesPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsEveryTunable();
    void showsChineseWhenBuiltWithZhTW();
    void changeIsHighlighted();
    void macosDefaultsAreNotChanges();
    void realSysctlChangeInANamespace();
};

void TestTunablesPanel::showsEveryTunable()
{
    ProcSource src(Fixture::path(QStringLiteral("procroot/linux-6.18")));
    const Snapshot s = src.poll();
    TunablesPanel panel;
    panel.resize(1100, 700);
    panel.setSnapshot(s);
    QCOMPARE(panel.table()->rowCount(), int(TunableCatalog::forOs(QStringLiteral("Linux")).size()));
    const auto text = [&panel](const QString &n, int col) { return panel.table()->item(panel.rowOf(n), col)->text(); };
    QCOMPARE(text(QStringLiteral("TCP_TIMEWAIT_LEN"), TunablesPanel::ValueColumn), QStringLiteral("60 s"));
    QCOMPARE(
        text(QStringLiteral("net.ipv4.tcp_tw_recycle"), TunablesPanel::ValueColumn), QStringLiteral("not present"));
    QCOMPARE(text(QStringLiteral("net.ipv4.ip_local_port_range"), TunablesPanel::ValueColumn),
        QStringLiteral("32768 60999"));
    QCOMPARE(text(QStringLiteral("net.ipv4.tcp_tw_reuse"), TunablesPanel::DefaultColumn), QStringLiteral("2"));
    QVERIFY(text(QStringLiteral("net.ipv4.tcp_fin_timeout"), TunablesPanel::MeaningColumn)
                .contains(QStringLiteral("Not the TIME_WAIT length")));
    QCOMPARE(rowColor(panel, QStringLiteral("net.ipv4.tcp_tw_reuse")), QColor(Qt::black)); // no brush: untouched
    QCOMPARE(panel.changedAt(QStringLiteral("net.ipv4.tcp_tw_reuse")), 0);
    // One line per tunable; the selected one's whole explanation is in the pane below.
    QCOMPARE(panel.table()->currentRow(), 0);
    QVERIFY(panel.details()->toPlainText().contains(QStringLiteral("TCP_TIMEWAIT_LEN")));
    panel.table()->setCurrentCell(panel.rowOf(QStringLiteral("net.ipv4.tcp_fin_timeout")), 0);
    QVERIFY(panel.details()->toPlainText().contains(QStringLiteral("net.ipv4.tcp_fin_timeout = 60 (default 60)")));
    QVERIFY(panel.details()->toPlainText().contains(QStringLiteral("Not the TIME_WAIT length")));
    QVERIFY(panel.table()->rowHeight(0) < 2 * panel.table()->fontMetrics().height());
    maybeSave(&panel, "tunables-panel.png");
}

void TestTunablesPanel::showsChineseWhenBuiltWithZhTW()
{
    ProcSource src(Fixture::path(QStringLiteral("procroot/linux-6.18")));
    TunablesPanel panel(nullptr, QStringLiteral("zh_TW"));
    panel.resize(1100, 700);
    panel.setSnapshot(src.poll());
    const QString fin = QStringLiteral("net.ipv4.tcp_fin_timeout");
    const TunableInfo *info = TunableCatalog::find(fin);
    QVERIFY(info);
    const QString does = TunableCatalog::text(*info, TunableCatalog::Field::Does, QStringLiteral("zh_TW"));
    QVERIFY(does.contains(QStringLiteral("孤兒 FIN_WAIT_2 通訊端")));
    const QTableWidgetItem *meaning = panel.table()->item(panel.rowOf(fin), TunablesPanel::MeaningColumn);
    QVERIFY(meaning->text().startsWith(does));
    QVERIFY(!meaning->text().contains(info->does));
    QVERIFY(meaning->toolTip().contains(does));
    // A default with words is translated; the pane below shows the Chinese too.
    QCOMPARE(panel.table()
                 ->item(panel.rowOf(QStringLiteral("net.ipv4.tcp_tw_recycle")), TunablesPanel::DefaultColumn)
                 ->text(),
        QStringLiteral("0（4.12 已移除）"));
    panel.table()->setCurrentCell(panel.rowOf(fin), 0);
    QVERIFY(panel.details()->toPlainText().contains(does));
    QVERIFY(panel.details()->toPlainText().contains(QStringLiteral("不是 TIME_WAIT 的長度")));
    maybeSave(&panel, "tunables-panel-zh.png");
}

void TestTunablesPanel::changeIsHighlighted()
{
    ProcSource src(Fixture::path(QStringLiteral("procroot/linux-6.18")));
    const Snapshot s = src.poll();
    TunablesPanel panel;
    panel.resize(1100, 700);
    panel.setSnapshot(withReuse(s, QStringLiteral("2"), 1'000'000));
    panel.setSnapshot(withReuse(s, QStringLiteral("1"), 1'001'000));
    QCOMPARE(panel.changedAt(QStringLiteral("net.ipv4.tcp_tw_reuse")), 1'001'000);
    QCOMPARE(rowColor(panel, QStringLiteral("net.ipv4.tcp_tw_reuse")), QColor(255, 213, 79));
    QVERIFY(panel.table()
                ->item(panel.rowOf(QStringLiteral("net.ipv4.tcp_tw_reuse")), TunablesPanel::ValueColumn)
                ->font()
                .bold());
    QVERIFY(panel.table()
                ->item(panel.rowOf(QStringLiteral("net.ipv4.tcp_tw_reuse")), TunablesPanel::ValueColumn)
                ->toolTip()
                .contains(QStringLiteral("from 2")));
    maybeSave(&panel, "tunables-panel-changed.png");
    panel.setSnapshot(withReuse(s, QStringLiteral("1"), 1'001'000 + TunablesPanel::FreshChangeMs + 1000));
    QCOMPARE(rowColor(panel, QStringLiteral("net.ipv4.tcp_tw_reuse")), QColor(255, 243, 196)); // still marked
    QCOMPARE(rowColor(panel, QStringLiteral("net.ipv4.tcp_fin_timeout")), QColor(Qt::black));
}

void TestTunablesPanel::macosDefaultsAreNotChanges()
{
    // An untuned Mac: msl 15000 (xnu tcp_timer.h TCPTV_MSL) and the range 49152-65535 (xnu in_pcb.c).
    SnapshotData d;
    d.os = QStringLiteral("Darwin");
    d.timeMs = 1;
    d.tunables.set(QStringLiteral("net.inet.tcp.msl"), QStringLiteral("15000"));
    d.tunables.set(QStringLiteral("net.inet.ip.portrange.first"), QStringLiteral("49152"));
    d.tunables.set(QStringLiteral("net.inet.ip.portrange.last"), QStringLiteral("65535"));
    TunablesPanel panel;
    panel.setSnapshot(Snapshot(std::move(d)));
    QCOMPARE(panel.table()->rowCount(), int(TunableCatalog::forOs(QStringLiteral("Darwin")).size()));
    const QStringList names = { QStringLiteral("net.inet.tcp.msl"), QStringLiteral("net.inet.ip.portrange.first"),
        QStringLiteral("net.inet.ip.portrange.last") };
    for (const QString &n : names) {
        const int row = panel.rowOf(n);
        QVERIFY2(row >= 0, qPrintable(n));
        QVERIFY2(!panel.table()->item(row, TunablesPanel::ValueColumn)->font().bold(), qPrintable(n));
    }
    QCOMPARE(panel.table()->item(panel.rowOf(names[0]), TunablesPanel::DefaultColumn)->text(), QStringLiteral("15000"));
    QCOMPARE(panel.table()->item(panel.rowOf(names[1]), TunablesPanel::DefaultColumn)->text(), QStringLiteral("49152"));
}

void TestTunablesPanel::realSysctlChangeInANamespace()
{
    TCPSCOPE_REQUIRE_NAMESPACE();
    ProcSource src;
    StateHistory history(100);
    ChartPanel chart(&history);
    TunablesPanel panel;
    const Snapshot first = src.poll();
    QVERIFY(first.isValid());
    history.append(first);
    panel.setSnapshot(first);
    const QString before = first.tunables().value(QStringLiteral("net.ipv4.tcp_tw_reuse"));
    const QByteArray after = before == QLatin1String("1") ? "2" : "1";

    QFile f(QStringLiteral("/proc/sys/net/ipv4/tcp_tw_reuse")); // per network namespace: the host is untouched
    if (!f.open(QIODevice::WriteOnly)) {
        if (NetNamespace::mustNotSkip())
            QFAIL("cannot write tcp_tw_reuse in the namespace");
        QSKIP("cannot write tcp_tw_reuse in the namespace (needs root)");
    }
    QCOMPARE(f.write(after + '\n'), after.size() + 1);
    f.close();
    QTest::qWait(20); // the snapshot clock is in ms: keep the two polls apart
    const Snapshot second = src.poll();
    history.append(second);
    panel.setSnapshot(second);
    chart.refresh();

    QCOMPARE(second.tunables().value(QStringLiteral("net.ipv4.tcp_tw_reuse")), QString::fromLatin1(after));
    QCOMPARE(panel.changedAt(QStringLiteral("net.ipv4.tcp_tw_reuse")), second.timeMs());
    QCOMPARE(rowColor(panel, QStringLiteral("net.ipv4.tcp_tw_reuse")), QColor(255, 213, 79));
    QCOMPARE(chart.view()->markers().size(), size_t(1));
    QCOMPARE(chart.view()->markers().front().label,
        QStringLiteral("tcp_tw_reuse %1 \u2192 %2").arg(before, QString::fromLatin1(after)));
}

TCPSCOPE_TEST_MAIN(TestTunablesPanel, QApplication, TestMain::Isolated)

#include "tst_tunablespanel.moc"
