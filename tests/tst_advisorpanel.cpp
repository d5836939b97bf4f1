// The advisor panel: findings listed by severity, details with evidence, a link to the diagram state.
#include "analysis/advisor.h"
#include "fixture.h"
#include "panels/advisorpanel.h"
#include "panels/findingsbanner.h"
#include "sources/local/procsource.h"

#include <QApplication>
#include <QListWidget>
#include <QPushButton>
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
    void bannerShowsTheTopFindingAndAnnouncesOnce();
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

void TestAdvisorPanel::bannerShowsTheTopFindingAndAnnouncesOnce()
{
    QWidget window;
    auto *banner = new FindingsBanner(&window);
    window.show();
    QSignalSpy announced(banner, &FindingsBanner::announced);
    QSignalSpy sockets(banner, &FindingsBanner::showSockets);
    QSignalSpy details(banner, &FindingsBanner::showDetails);
    banner->setAdvisories({});
    QVERIFY(!banner->isVisible());
    Advisory info;
    info.id = QStringLiteral("some-info");
    info.title = QStringLiteral("Something to know");
    std::vector<Advisory> found = fromFixture("close-wait");
    QVERIFY(!found.empty());
    found.insert(found.begin(), info); // the list order is not the severity order
    const Advisory &top = found[1];
    QVERIFY(top.severity >= Advisory::Severity::Warning);
    banner->setAdvisories(found);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->topId(), top.id);
    QVERIFY2(banner->text().contains(top.title.toHtmlEscaped()), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("more")));
    QCOMPARE(announced.count(), 1); // the warning; info is not announced
    banner->setAdvisories(found);
    QCOMPARE(announced.count(), 1); // once
    const auto buttons = banner->findChildren<QPushButton *>();
    for (QPushButton *b : buttons) {
        if (b->text() == QLatin1String("Show sockets"))
            b->click();
        else if (b->text() == QLatin1String("Details"))
            b->click();
    }
    QCOMPARE(sockets.count(), 1);
    QCOMPARE(sockets.at(0).at(0).value<TcpState>(), top.state);
    QCOMPARE(details.count(), 1);
    QCOMPARE(details.at(0).at(0).toString(), top.id);
    // Dismissed: hidden until another finding comes up.
    for (QPushButton *b : buttons) {
        if (b->accessibleName() == QLatin1String("Dismiss"))
            b->click();
    }
    QVERIFY(!banner->isVisible());
    banner->setAdvisories(found);
    QVERIFY(!banner->isVisible());
    Advisory other = top;
    other.id = QStringLiteral("another-one");
    found.push_back(other);
    banner->setAdvisories(found);
    QVERIFY(banner->isVisible());
    QCOMPARE(announced.count(), 2);
}

QTEST_MAIN(TestAdvisorPanel)
#include "tst_advisorpanel.moc"
