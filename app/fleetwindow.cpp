#include "fleetwindow.h"

#include "appoptions.h"
#include "mainwindow.h"
#include "models/fleetmodel.h"
#include "prometheusclient.h"
#include "screenshottrigger.h"
#include "table/sparklinedelegate.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QStatusBar>
#include <QTableView>
#include <QTime>

FleetWindow::FleetWindow(const QUrl &server, const QString &match, QWidget *parent)
    : QMainWindow(parent)
    , m_client(new PrometheusClient(server, match, this))
    , m_model(new FleetModel(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("tcpscope fleet: %1").arg(server.toString()));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new SparklineDelegate(FleetModel::TrendRole, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(36);
    m_view->horizontalHeader()->setSectionResizeMode(FleetModel::FindingsColumn, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Hosts, most trouble first"));
    setCentralWidget(m_view);
    statusBar()->addWidget(m_status, 1);
    m_status->setText(tr("asking %1 ...").arg(server.toString()));
    connect(m_client, &PrometheusClient::hostsReady, this, &FleetWindow::refreshed);
    connect(m_client, &PrometheusClient::failed, this, &FleetWindow::failed);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        bool ok = false;
        const QString host = QInputDialog::getText(this, tr("Watch a host"), tr("ssh destination:"), QLineEdit::Normal,
            m_model->hostAt(index.row()).sshHost(), &ok);
        if (ok && !host.trimmed().isEmpty())
            Q_EMIT watchHost(host.trimmed());
    });
    connect(&m_timer, &QTimer::timeout, m_client, [this] { m_client->refresh(); });
    m_timer.start(15'000);
    m_client->refresh();
    resize(900, 520);
}

FleetWindow *FleetWindow::open(const QUrl &server, const QString &match, const AppOptions &base)
{
    auto *fleet = new FleetWindow(server, match);
    fleet->setAttribute(Qt::WA_DeleteOnClose);
    connect(fleet, &FleetWindow::watchHost, fleet, [base](const QString &target) {
        AppOptions options = base;
        options.prometheus.clear();
        options.source = base.source.ssh(target, base.source.sshConfig);
        auto *window = new MainWindow(options);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
    });
    if (!base.screenshot.isEmpty()) {
        auto *shot = new ScreenshotTrigger(fleet, nullptr, base.screenshot, base.screenshotDelayMs);
        connect(fleet, &FleetWindow::hostsShown, shot, &ScreenshotTrigger::pollShown);
    }
    fleet->show();
    return fleet;
}

void FleetWindow::refreshed(const std::vector<FleetHost> &hosts)
{
    m_model->setHosts(hosts);
    m_view->resizeColumnsToContents();
    m_status->setText(hosts.empty()
            ? tr("%1 has no instance with node_tcp_connection_states: add tcpscope-agent --metrics (or node_exporter "
                 "--collector.tcpstat) to its scrape targets")
                  .arg(m_client->server().toString())
            : tr("%n host(s), updated %1; double-click one to watch it live", nullptr, int(hosts.size()))
                  .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    Q_EMIT hostsShown();
}

void FleetWindow::failed(const QString &message)
{
    m_status->setText(tr("%1; retrying in 15 s").arg(message));
}

QString FleetWindow::statusText() const
{
    return m_status->text();
}
