#include "mainwindow.h"

#include "poller.h"
#include "screenshot.h"
#include "snapshottext.h"
#include "sourcefactory.h"

#include <QApplication>
#include <QDateTime>
#include <QFontDatabase>
#include <QLabel>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

MainWindow::MainWindow(const AppOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
{
    setWindowTitle(QStringLiteral("tcpscope"));
    resize(1280, 800);
    m_summary = new QLabel(this);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_summary->setMargin(12);
    m_summary->setText(tr("Reading the kernel's TCP table..."));
    setCentralWidget(m_summary);
    m_status = new QLabel(this);
    statusBar()->addWidget(m_status, 1);

    m_poller = new Poller(SourceFactory::create(options), this);
    m_poller->setIntervalMs(options.intervalMs);
    connect(m_poller, &Poller::snapshotReady, this, &MainWindow::onSnapshot);
    m_poller->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::onSnapshot(const Snapshot &snapshot)
{
    m_tracker.update(snapshot);
    m_history.append(snapshot);
    updateStatus(snapshot);
    if (!snapshot.isValid())
        m_summary->setText(tr("Cannot read the TCP table:\n%1").arg(snapshot.fatalError()));
    else
        m_summary->setText(SnapshotText::format(snapshot, false));
    if (!m_options.screenshot.isEmpty() && !m_screenshotTaken) {
        m_screenshotTaken = true;
        QTimer::singleShot(300, this, [this] {
            const QString error = Screenshot::save(this, m_options.screenshot);
            if (!error.isEmpty())
                std::fprintf(stderr, "tcpscope: %s\n", qPrintable(error));
            QApplication::exit(error.isEmpty() ? 0 : 1);
        });
    }
}

void MainWindow::updateStatus(const Snapshot &s)
{
    m_status->setText(tr("%1 (%2 %3)  |  last poll %4, took %5 ms  |  %6 sockets  |  %7 problems")
                          .arg(s.host(), s.os(), s.kernel())
                          .arg(QDateTime::fromMSecsSinceEpoch(s.timeMs()).toString(QStringLiteral("HH:mm:ss")))
                          .arg(double(s.pollDurationUs()) / 1000.0, 0, 'f', 1)
                          .arg(s.sockets().size())
                          .arg(s.problems().total()));
}
