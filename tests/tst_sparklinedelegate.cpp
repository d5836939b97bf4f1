// The fleet view's small multiples: a cell with a trend shows a line in the highlight colour under
// its number, also in a window that is not active (offscreen, as in screenshots); one without shows
// only its number.
#include "table/sparklinedelegate.h"
#include "testmain.h"

#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QPointF>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

namespace {
constexpr int TrendRole = Qt::UserRole + 1;

// Pixels in the row's cell that are neither grey nor white: the line's.
int coloured(const QImage &image, const QRect &cell)
{
    int n = 0;
    for (int y = cell.top(); y <= cell.bottom(); ++y) {
        for (int x = cell.left(); x <= cell.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += c.saturation() > 60 ? 1 : 0;
        }
    }
    return n;
}
} // namespace

class TestSparklineDelegate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void trendIsDrawn()
    {
        QStandardItemModel model(2, 1);
        model.setData(model.index(0, 0), QStringLiteral("4,000"));
        model.setData(model.index(0, 0),
            QVariantList { QPointF(1000, 1600), QPointF(31000, 3200), QPointF(61000, 4000) }, TrendRole);
        model.setData(model.index(1, 0), QStringLiteral("0"));
        QTableView view;
        view.setModel(&model);
        view.setItemDelegate(new SparklineDelegate(TrendRole, &view));
        view.verticalHeader()->setDefaultSectionSize(36);
        view.resize(300, 120);
        view.resizeColumnsToContents();
        QVERIFY(view.columnWidth(0) >= 140); // room for the line
        const QImage image = view.grab().toImage();
        const QPoint at = view.viewport()->mapTo(&view, QPoint(0, 0));
        QVERIFY2(coloured(image, view.visualRect(model.index(0, 0)).translated(at)) > 20, "no line drawn");
        QCOMPARE(coloured(image, view.visualRect(model.index(1, 0)).translated(at)), 0);
    }
};

TCPSCOPE_TEST_MAIN(TestSparklineDelegate, QApplication, TestMain::None)

#include "tst_sparklinedelegate.moc"
