#include "sourceactions.h"

#include "panels/connectdialog.h"
#include "pipeline/livesession.h"
#include "sources/replay/replaysource.h"
#include "sources/sourcefactory.h"
#include "stream/recorder.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QWidget>

SourceActions::SourceActions(LiveSession *session, SourceSpec spec, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
    , m_spec(std::move(spec))
{
    m_connect = new QAction(tr("&Connect to host over SSH..."), this);
    m_connect->setShortcut(QKeySequence::Open);
    connect(m_connect, &QAction::triggered, this, &SourceActions::connectToHost);
    m_openRecording = new QAction(tr("Open &recording..."), this);
    m_openRecording->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    connect(m_openRecording, &QAction::triggered, this, &SourceActions::openRecording);
    m_thisHost = new QAction(tr("Watch &this host"), this);
    connect(m_thisHost, &QAction::triggered, this, [this] { open(m_spec.thisHost()); });
    m_record = new QAction(tr("Record to &file..."), this);
    m_record->setShortcut(QKeySequence(tr("Ctrl+R")));
    connect(m_record, &QAction::triggered, this, &SourceActions::startRecording);
    m_stopRecording = new QAction(tr("&Stop recording"), this);
    m_stopRecording->setEnabled(false);
    connect(m_stopRecording, &QAction::triggered, this, &SourceActions::stopRecording);
}

void SourceActions::open(const SourceSpec &spec, bool sameHost)
{
    std::unique_ptr<SnapshotSource> source;
    if (!spec.replay.isEmpty()) {
        source = openReplay(spec.replay);
        if (!source)
            return; // cancelled: the current source stays
    }
    if (!sameHost)
        m_session->recorder()->stop(); // the old host's recording ends with it
    m_spec = spec;
    if (!source)
        source = SourceFactory::create(spec, m_session->recorder());
    watch(std::move(source), sameHost);
}

// Indexing reads a plain-text recording whole (seconds for 1 GB), a container's block headers only:
// a dialog after half a second shows how far it got and can cancel it.
std::unique_ptr<SnapshotSource> SourceActions::openReplay(const QString &path)
{
    auto replay = std::make_unique<ReplaySource>(path);
    QProgressDialog dialog(tr("Indexing the recording %1 ...").arg(path), tr("Cancel"), 0, 1000, m_window);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(500);
    replay->open([&dialog](qint64 done, qint64 total) {
        dialog.setValue(total > 0 ? int(done * 1000 / total) : 0);
        QCoreApplication::processEvents();
        return !dialog.wasCanceled();
    });
    if (dialog.wasCanceled())
        return nullptr;
    return replay; // a failure to open comes back from poll() as the snapshot's Status
}

void SourceActions::watch(std::unique_ptr<SnapshotSource> source, bool sameHost)
{
    m_replay = dynamic_cast<ReplaySource *>(source.get());
    m_record->setEnabled(!m_replay);
    m_session->setSource(std::move(source), sameHost);
}

void SourceActions::setRecording(bool recording)
{
    m_stopRecording->setEnabled(recording);
}

void SourceActions::connectToHost()
{
    ConnectDialog dialog(m_window);
    if (!m_spec.sshTarget.isEmpty())
        dialog.setHost(m_spec.sshTarget);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ConnectDialog::remember(dialog.host());
    open(m_spec.ssh(dialog.host(), dialog.sshConfig(), dialog.compress()));
}

void SourceActions::openRecording()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open recording"), QString(), tr("tcpscope recordings (*.tcps);;All files (*)"));
    if (path.isEmpty())
        return;
    open(m_spec.recording(path));
}

void SourceActions::startRecording()
{
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Record to file"), QStringLiteral("tcpscope.tcps"), tr("tcpscope recordings (*.tcps)"));
    if (path.isEmpty())
        return;
    const Status started = m_session->recorder()->start(path);
    if (!started.ok())
        QMessageBox::warning(m_window, tr("Record to file"), started.error());
    else
        m_spec.record = path;
    Q_EMIT recordingChanged();
}

void SourceActions::stopRecording()
{
    m_session->recorder()->stop();
    m_spec.record.clear();
    Q_EMIT recordingChanged();
}
