#pragma once

#include <QObject>
#include <QString>

struct Counters;
class LiveSession;
class PollStatusBar;

// The status bar's second line for a live session: full snapshots slowed down and why, the kernel's
// counters between slowed reads, and the recording (its file and frame count, or why it stopped).
class StatusNotice : public QObject
{
    Q_OBJECT
public:
    StatusNotice(const LiveSession *session, PollStatusBar *bar, QObject *parent = nullptr);

    QString text() const;
    // Shows text() again (after a poll, or when a recording starts or stops).
    void refresh();

Q_SIGNALS:
    void refreshed(bool recording);

private:
    void setPacing(bool slowed, const QString &reason);
    void setCounters(const Counters &counters);
    void setStateEvents(bool running, const QString &problem);

    const LiveSession *m_session;
    PollStatusBar *m_bar;
    QString m_pacingNote;
    QString m_countersNote;
    QString m_eventsNote; // why the kernel's state changes do not flow, or how many were lost
};
