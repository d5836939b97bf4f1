#include "endconnectionaction.h"

#include "endconnectiondialog.h"
#include "models/connectiontablemodel.h"
#include "pipeline/livesession.h"
#include "sourceactions.h"
#include "table/connectiontableview.h"

#include <QStatusBar>
#include <QThread>

#include <cerrno>
#include <memory>

EndConnectionAction::EndConnectionAction(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_confirm([table = parts.table](const QStringList &c) { return EndConnectionDialog::confirm(table, c); })
    , m_end(&EndConnectionJob::run)
{
    connect(parts.table, &ConnectionTableView::endConnectionsRequested, this, &EndConnectionAction::end);
    connect(parts.session, &LiveSession::sourceChanged, this, &EndConnectionAction::updateAvailability);
    updateAvailability();
}

QString EndConnectionAction::describe(const TrackedSocket &t)
{
    const SocketEntry &e = t.entry;
    return QStringLiteral("%1 -> %2  %3  %4")
        .arg(e.localText(), e.remoteText(), TcpStates::ssName(e.state),
            t.owner ? t.owner->label() : tr("unknown owner"));
}

// Only this host's kernel can end its connections; a peer's or a recording's rows are not here.
void EndConnectionAction::updateAvailability() const
{
    const SourceActions &s = *m_parts.sources;
    if (s.replay())
        m_parts.table->setEndingAvailable(
            false, tr("a recording shows past polls: its connections cannot be ended from here"));
    else if (!s.spec().isThisHost())
        m_parts.table->setEndingAvailable(false,
            tr("these connections are on another host: end them there (tcpscope --kill), or through its agent "
               "once it can"));
    else
        m_parts.table->setEndingAvailable(!m_busy, m_busy ? tr("still ending the last ones") : QString());
}

void EndConnectionAction::end(const QList<quint64> &ids)
{
    if (m_busy)
        return;
    std::vector<SocketEntry> sockets;
    QStringList lines;
    for (quint64 id : ids) {
        const int row = m_parts.model->rowOf(id);
        if (row < 0)
            continue; // gone since the click
        const TrackedSocket &t = m_parts.model->socketAt(row);
        sockets.push_back(t.entry);
        lines << describe(t);
    }
    if (sockets.empty() || !m_confirm(lines))
        return;
    m_busy = true;
    updateAvailability();
    auto result = std::make_shared<EndConnectionJob::Result>();
    QThread *worker = QThread::create([ender = m_end, sockets, result] { *result = ender(sockets); });
    worker->setObjectName(QStringLiteral("tcpscope-end"));
    connect(worker, &QThread::finished, this, [this, worker, sockets, result] {
        worker->deleteLater();
        m_busy = false;
        updateAvailability();
        m_parts.session->pollNow(); // the table shows them gone (or not) now, not a poll interval later
        report(sockets, *result);
    });
    connect(this, &QObject::destroyed, worker, [worker] {
        worker->wait(); // a window closed mid-way: the thread must not outlive its QThread
        delete worker;
    });
    worker->start();
}

void EndConnectionAction::report(const std::vector<SocketEntry> &sockets, const EndConnectionJob::Result &result)
{
    const size_t ended = result.ended + result.gone; // gone: its other end's RST closed it first
    const EndConnectionJob::Failure *failed = nullptr;
    for (const EndConnectionJob::Failure &f : result.failures) {
        if (f.error != ENOENT) {
            failed = &f;
            break;
        }
    }
    QString message;
    if (!failed) {
        message = ended == 1 ? tr("ended 1 connection") : tr("ended %1 connections").arg(ended);
    } else {
        const SocketEntry &e = sockets[failed->index];
        QString why = failed->reason;
        if (failed->error == EPERM || failed->error == EACCES)
            why = tr("needs CAP_NET_ADMIN (run tcpscope as root, or use the agent once it can)");
        else if (failed->error == EOPNOTSUPP)
            why = tr("kernel lacks CONFIG_INET_DIAG_DESTROY");
        message = tr("could not end %1 -> %2: %3").arg(e.localText(), e.remoteText(), why);
        if (ended > 0)
            message = tr("ended %1 of %2 connections; %3").arg(ended).arg(sockets.size()).arg(message);
    }
    m_parts.statusBar->showMessage(message, 20'000);
    Q_EMIT finished(message);
}
