// The advisor panel: findings listed by severity, details with evidence, a link to the diagram state.
#include "analysis/advisor.h"
#include "fixture.h"
#include "panels/advisorpanel.h"
#include "sources/local/procsource.h"

#include <QApplication>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

namespace {
std::vector<Advisory> fromFixture(const char *name)
{
    ProcSource src(Fixture::path(QStringLiteral("advisor/") + QLatin1String(name)));
    return Advisor::evaluate(src.poll());
}
} // namespace

class TestAdvisorPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsAndDetails();
    void keepsSelectionById();
    void linksToTheDiagram();
};

void TestAdvisorPanel::listsAndDetails()
{
    AdvisorPanel panel;
    panel.resize(700, 560);
    QCOMPARE(panel.list()->count(), 0);
    std::vector<Advisory> all = fromFixture("port-pressure");
    for (const char *f : { "close-wait", "server-closes-first" }) {
        const auto more = fromFixture(f);
        all.insert(all.end(), more.begin(), more.end());
    }
    panel.setAdvisories(all);
    QCOMPARE(panel.list()->count(), 3);
    QCOMPARE(panel.list()->currentRow(), 0);
    QVERIFY(panel.detailText().contains(QStringLiteral("850 sockets (85%)")));
    QVERIFY(panel.detailText().contains(QStringLiteral("What to do")));
    const QString dir = qEnvironmentVariable("TCPSCOPE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        panel.grab().save(dir + QStringLiteral("/advisor-panel.png"));
}

void TestAdvisorPanel::keepsSelectionById()
{
    AdvisorPanel panel;
    auto a = fromFixture("close-wait");
    auto b = fromFixture("fin-wait2");
    std::vector<Advisory> both = a;
    both.insert(both.end(), b.begin(), b.end());
    panel.setAdvisories(both);
    panel.select(QStringLiteral("fin-wait2-piling"));
    std::vector<Advisory> reversed(both.rbegin(), both.rend());
    panel.setAdvisories(reversed);
    QCOMPARE(panel.list()->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("fin-wait2-piling"));
    panel.setAdvisories({});
    QCOMPARE(panel.list()->count(), 0);
}

void TestAdvisorPanel::linksToTheDiagram()
{
    AdvisorPanel panel;
    panel.setAdvisories(fromFixture("close-wait"));
    QSignalSpy spy(&panel, &AdvisorPanel::stateActivated);
    Q_EMIT panel.list()->itemDoubleClicked(panel.list()->item(0));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<TcpState>(), TcpState::CloseWait);
}

QTEST_MAIN(TestAdvisorPanel)
#include "tst_advisorpanel.moc"
