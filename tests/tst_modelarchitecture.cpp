// model/ must stay a QtCore-only library: no GUI or widget include may creep in.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestModelArchitecture : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noGuiIncludes();
};

void TestModelArchitecture::noGuiIncludes()
{
    const QRegularExpression gui(QStringLiteral(
        R"(^\s*#\s*include\s*[<"](QtGui|QtWidgets|QtCharts|QWidget|QPainter|QColor|QPixmap|QImage|QFont|QBrush|QPen|QIcon|QApplication|QGuiApplication|QGraphics\w*|QChart\w*)[/>"])"));
    QDirIterator it(QStringLiteral(TCPSCOPE_SOURCE_DIR "/model"), { QStringLiteral("*.h"), QStringLiteral("*.cpp") },
        QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        ++files;
        int n = 0;
        while (!f.atEnd()) {
            ++n;
            const QString line = QString::fromUtf8(f.readLine());
            QVERIFY2(!gui.match(line).hasMatch(), qPrintable(f.fileName() + QLatin1Char(':') + QString::number(n)));
        }
    }
    QVERIFY(files > 10);
    // And the library links QtCore (and at most QtNetwork): checked on the CMake file itself.
    QFile cmake(QStringLiteral(TCPSCOPE_SOURCE_DIR "/model/CMakeLists.txt"));
    QVERIFY(cmake.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(cmake.readAll());
    for (const char *forbidden : { "Qt6::Gui", "Qt6::Widgets", "Qt6::Charts" })
        QVERIFY2(!text.contains(QLatin1String(forbidden)), forbidden);
}

QTEST_GUILESS_MAIN(TestModelArchitecture)
#include "tst_modelarchitecture.moc"
