// The architecture of docs/architecture.md, held: model/ is QtCore-only, one folder per pipeline stage,
// and every #include in model/ and views/ follows the one-way include table below.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

namespace {
const QString Root = QStringLiteral(TCPSCOPE_SOURCE_DIR);

// Which model stage may include which (each may include itself). "sources/snapshotsource.h" is the
// sources' interface: the one header of sources/ the pipeline may see.
const QHash<QString, QStringList> &modelTable()
{
    static const QHash<QString, QStringList> t = {
        { QStringLiteral("core"), {} },
        { QStringLiteral("parse"), { QStringLiteral("core") } },
        { QStringLiteral("stream"), { QStringLiteral("parse"), QStringLiteral("core") } },
        { QStringLiteral("sources"), { QStringLiteral("stream"), QStringLiteral("parse"), QStringLiteral("core") } },
        { QStringLiteral("tracker"), { QStringLiteral("core") } },
        { QStringLiteral("history"), { QStringLiteral("core") } },
        { QStringLiteral("teaching"), { QStringLiteral("core") } },
        { QStringLiteral("analysis"), { QStringLiteral("tracker"), QStringLiteral("core") } },
        { QStringLiteral("report"), { QStringLiteral("analysis"), QStringLiteral("core") } },
        { QStringLiteral("models"), { QStringLiteral("tracker"), QStringLiteral("core") } },
        { QStringLiteral("pipeline"),
            { QStringLiteral("sources/snapshotsource.h"), QStringLiteral("tracker"), QStringLiteral("history"),
                QStringLiteral("analysis"), QStringLiteral("stream"), QStringLiteral("core") } },
    };
    return t;
}

// Views read the model but never drive a source or a poller; a part may use common/.
const QStringList &viewsNeverModel()
{
    static const QStringList never = { QStringLiteral("sources"), QStringLiteral("pipeline") };
    return never;
}

struct Target
{
    QString tree; // "model" or "views"
    QString folder; // its first folder, e.g. "core"
    QString path; // as written, e.g. "core/snapshot.h"
};

// Where an include written in a file of `tree` resolves: its own root first, then model/ (views see
// both roots). A header name found under both roots is an error: the include would be ambiguous.
QString resolve(const QString &tree, const QString &include, Target &out)
{
    const int slash = include.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return QStringLiteral("include without a folder: \"%1\"").arg(include);
    const QStringList roots = tree == QLatin1String("views")
        ? QStringList { QStringLiteral("views"), QStringLiteral("model") }
        : QStringList { QStringLiteral("model") };
    QStringList found;
    for (const QString &r : roots) {
        if (QFile::exists(Root + QLatin1Char('/') + r + QLatin1Char('/') + include))
            found << r;
    }
    if (found.size() > 1)
        return QStringLiteral("\"%1\" exists under both model/ and views/").arg(include);
    if (found.isEmpty())
        return QStringLiteral("\"%1\" is not a header of %2").arg(include, roots.join(QLatin1String(" or ")));
    out = { found.first(), include.left(slash), include };
    return {};
}

// Empty when a file in `tree`/`folder` may include `to`, else why not.
QString check(const QString &tree, const QString &folder, const Target &to)
{
    if (tree == QLatin1String("model")) {
        if (to.tree != QLatin1String("model"))
            return QStringLiteral("model/ includes views/");
        if (to.folder == folder)
            return {};
        const QStringList allowed = modelTable().value(folder);
        if (allowed.contains(to.folder) || allowed.contains(to.path))
            return {};
        return QStringLiteral("%1/ may not include %2/ (allowed: %3)")
            .arg(folder, to.folder, allowed.isEmpty() ? QStringLiteral("nothing") : allowed.join(QLatin1String(", ")));
    }
    if (to.tree == QLatin1String("model"))
        return viewsNeverModel().contains(to.folder)
            ? QStringLiteral("views/ may not include %1/: widgets emit signals, app/ drives sources").arg(to.folder)
            : QString();
    if (to.folder == folder || to.folder == QLatin1String("common"))
        return {};
    if (folder == QLatin1String("common"))
        return QStringLiteral("views/common/ may not include another part (%1/)").arg(to.folder);
    return {};
}

// Every file below tree/ (e.g. "model") matching one of the name patterns.
QStringList filesUnder(const QString &tree, const QStringList &patterns)
{
    QStringList files;
    QDirIterator it(Root + QLatin1Char('/') + tree, patterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

const QStringList Sources = { QStringLiteral("*.h"), QStringLiteral("*.cpp") };

QString firstFolder(const QString &relative)
{
    return relative.section(QLatin1Char('/'), 0, 0);
}
} // namespace

class TestModelArchitecture : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noGuiIncludes();
    void stagesAreFolders();
    void includeTable();
    void tableRejects_data();
    void tableRejects();
};

void TestModelArchitecture::noGuiIncludes()
{
    const QRegularExpression gui(QStringLiteral(
        R"(^\s*#\s*include\s*[<"](QtGui|QtWidgets|QtCharts|QWidget|QPainter|QColor|QPixmap|QImage|QFont|QBrush|QPen|QIcon|QApplication|QGuiApplication|QGraphics\w*|QChart\w*)[/>"])"));
    const QStringList files = filesUnder(QStringLiteral("model"), Sources);
    for (const QString &file : files) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        int n = 0;
        while (!f.atEnd()) {
            ++n;
            const QString line = QString::fromUtf8(f.readLine());
            QVERIFY2(!gui.match(line).hasMatch(), qPrintable(f.fileName() + QLatin1Char(':') + QString::number(n)));
        }
    }
    QVERIFY(files.size() > 10);
    // And the libraries link QtCore (and at most QtNetwork): checked on every CMake file of model/.
    const QStringList cmakes = filesUnder(QStringLiteral("model"), { QStringLiteral("CMakeLists.txt") });
    for (const QString &file : cmakes) {
        QFile cmake(file);
        QVERIFY(cmake.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(cmake.readAll());
        for (const char *forbidden : { "Qt6::Gui", "Qt6::Widgets", "Qt6::Charts" })
            QVERIFY2(!text.contains(QLatin1String(forbidden)), qPrintable(cmake.fileName() + QLatin1String(forbidden)));
    }
    QVERIFY(cmakes.size() >= modelTable().size());
}

void TestModelArchitecture::stagesAreFolders()
{
    // Every stage is a folder with its own CMake file; no source file sits at the top of model/ or views/.
    for (const QString &stage : modelTable().keys())
        QVERIFY2(QFile::exists(Root + QStringLiteral("/model/") + stage + QStringLiteral("/CMakeLists.txt")),
            qPrintable(stage));
    for (const char *tree : { "model", "views" }) {
        const QStringList loose = QDir(Root + QLatin1Char('/') + QLatin1String(tree))
                                      .entryList({ QStringLiteral("*.cpp"), QStringLiteral("*.h") }, QDir::Files);
        QVERIFY2(loose.isEmpty(), qPrintable(QLatin1String(tree) + QLatin1String(": ") + loose.join(QLatin1Char(' '))));
    }
    // Every model folder is a stage of the table (a new one must be placed in it).
    const QStringList folders = QDir(Root + QStringLiteral("/model")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &f : folders)
        QVERIFY2(modelTable().contains(f), qPrintable(QStringLiteral("model/%1 is not in the include table").arg(f)));
}

void TestModelArchitecture::includeTable()
{
    const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*\"([^\"]+)\""));
    QStringList violations;
    int checked = 0;
    for (const QString &tree : { QStringLiteral("model"), QStringLiteral("views") }) {
        const QString base = Root + QLatin1Char('/') + tree + QLatin1Char('/');
        QDirIterator it(
            base, { QStringLiteral("*.h"), QStringLiteral("*.cpp") }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString relative = file.mid(base.size());
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            int n = 0;
            while (!f.atEnd()) {
                ++n;
                const auto m = include.match(QString::fromUtf8(f.readLine()));
                if (!m.hasMatch() || m.captured(1).endsWith(QLatin1String(".moc")))
                    continue;
                ++checked;
                Target to;
                QString why = resolve(tree, m.captured(1), to);
                if (why.isEmpty())
                    why = check(tree, firstFolder(relative), to);
                if (!why.isEmpty())
                    violations << QStringLiteral("%1/%2:%3: %4").arg(tree, relative).arg(n).arg(why);
            }
        }
    }
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    QVERIFY(checked > 200);
}

void TestModelArchitecture::tableRejects_data()
{
    // The check itself, on real headers: each row is an include the table must refuse or accept.
    QTest::addColumn<QString>("tree");
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("include");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("view drives a source") << "views"
                                          << "panels"
                                          << "sources/replay/replaysource.h" << false;
    QTest::newRow("view drives a poller") << "views"
                                          << "teaching"
                                          << "pipeline/poller.h" << false;
    QTest::newRow("view reads a value type") << "views"
                                             << "diagram"
                                             << "core/snapshot.h" << true;
    QTest::newRow("view uses common") << "views"
                                      << "chart"
                                      << "common/statepalette.h" << true;
    QTest::newRow("common uses a part") << "views"
                                        << "common"
                                        << "diagram/tokenitem.h" << false;
    QTest::newRow("core includes a parser") << "model"
                                            << "core"
                                            << "parse/sysctlparser.h" << false;
    QTest::newRow("parser reads files") << "model"
                                        << "parse"
                                        << "sources/local/filereader.h" << false;
    QTest::newRow("stream reads /proc") << "model"
                                        << "stream"
                                        << "sources/local/tunablesreader.h" << false;
    QTest::newRow("pipeline sees the interface") << "model"
                                                 << "pipeline"
                                                 << "sources/snapshotsource.h" << true;
    QTest::newRow("pipeline names a source") << "model"
                                             << "pipeline"
                                             << "sources/local/procsource.h" << false;
    QTest::newRow("report uses analysis") << "model"
                                          << "report"
                                          << "analysis/advisor.h" << true;
    QTest::newRow("tracker uses analysis") << "model"
                                           << "tracker"
                                           << "analysis/advisor.h" << false;
    QTest::newRow("model includes a view") << "model"
                                           << "models"
                                           << "table/connectiontableview.h" << false;
    QTest::newRow("no folder") << "model"
                               << "core"
                               << "snapshot.h" << false;
}

void TestModelArchitecture::tableRejects()
{
    QFETCH(QString, tree);
    QFETCH(QString, folder);
    QFETCH(QString, include);
    QFETCH(bool, allowed);
    Target to;
    QString why = resolve(tree, include, to);
    if (why.isEmpty())
        why = check(tree, folder, to);
    QCOMPARE(why.isEmpty(), allowed);
}

QTEST_GUILESS_MAIN(TestModelArchitecture)
#include "tst_modelarchitecture.moc"
