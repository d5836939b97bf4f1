#include "statusnotice.h"

#include "core/counters.h"
#include "pipeline/livesession.h"
#include "pollstatusbar.h"
#include "stream/recorder.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

StatusNotice::StatusNotice(const LiveSession *session, PollStatusBar *bar, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_bar(bar)
{
    connect(session, &LiveSession::pacingChanged, this, &StatusNotice::setPacing);
    connect(session, &LiveSession::countersReady, this, &StatusNotice::setCounters);
    connect(session, &LiveSession::stateEventsChanged, this, &StatusNotice::setStateEvents);
    connect(session, &LiveSession::tracked, this, [this](const TrackerResultPtr &r) {
        const StateEvents *kernel = r->snapshot.isNull() ? nullptr : r->snapshot.stateEvents();
        if (kernel && kernel->lostSincePrevious > 0) {
            m_eventsNote = tr("eBPF: %1 state changes lost (ring buffer full): paths of this poll inferred")
                               .arg(kernel->lostSincePrevious);
        } else if (kernel) {
            m_eventsNote.clear();
        }
        refresh();
    });
    connect(session, &LiveSession::sourceChanged, this, [this] {
        m_pacingNote.clear();
        m_countersNote.clear();
        m_eventsNote.clear();
        refresh();
    });
}

QString StatusNotice::text() const
{
    QStringList parts;
    if (!m_pacingNote.isEmpty())
        parts << m_pacingNote;
    if (!m_countersNote.isEmpty())
        parts << m_countersNote;
    if (!m_eventsNote.isEmpty())
        parts << m_eventsNote;
    const Recorder &recorder = *m_session->recorder();
    if (recorder.isRecording())
        parts << tr("\u25cf recording to %1 (%2 frames)").arg(recorder.path()).arg(recorder.framesWritten());
    else if (!recorder.error().isEmpty())
        parts << tr("recording stopped: %1").arg(recorder.error());
    return parts.join(QStringLiteral(" \u00b7 "));
}

void StatusNotice::setStateEvents(bool running, const QString &problem)
{
    m_eventsNote = running ? QString() : tr("eBPF state changes off: %1").arg(problem);
    refresh();
}

void StatusNotice::refresh()
{
    m_bar->setNotice(text());
    Q_EMIT refreshed(m_session->recorder()->isRecording());
}

void StatusNotice::setPacing(bool slowed, const QString &reason)
{
    m_pacingNote = slowed ? tr("Full snapshots slowed down: %1").arg(reason) : QString();
    if (!slowed)
        m_countersNote.clear();
    refresh();
}

void StatusNotice::setCounters(const Counters &c)
{
    // Between slowed full reads only kernel-wide totals are cheap (no per-state split but TIME_WAIT),
    // so they are shown here rather than drawn as chart samples that would not match the others.
    const QLocale l;
    m_countersNote = tr("between full reads, the kernel counts %1 TIME_WAIT and %2 other sockets (at %3)")
                         .arg(l.toString(c.timeWaitSockets()), l.toString(c.inUse()),
                             QDateTime::fromMSecsSinceEpoch(c.timeMs).toString(QStringLiteral("HH:mm:ss")));
    refresh();
}
