#pragma once

#include "core/snapshot.h"

#include <QStatusBar>

class LinkStatusLabel;
class QLabel;
class QToolButton;

// Host and kernel, time of the last poll and how long it took, socket count, a remote link's
// throughput, problems (click to list them).
class PollStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit PollStatusBar(QWidget *parent = nullptr);

    // An invalid snapshot (source lost, e.g. "reconnecting in 4 s") is shown in red while the counts of
    // the last good poll stay on screen.
    void setSnapshot(const Snapshot &snapshot);
    // How the sockets are read ("ssh web1", "/proc", "recording r.tcps"), shown after the host.
    void setSource(const QString &description);
    // A second line of state: full snapshots slowed down and why, recording, counters between polls.
    void setNotice(const QString &text);
    QString notice() const;
    void setPaused(bool paused);
    QString text() const; // everything shown, for tests
    void showProblems();
    bool cancelShown() const;

Q_SIGNALS:
    // Cancel, shown while a remote source has shown no frame yet (a slow ssh connect, a big first frame).
    void cancelRequested();

private:
    void setOwners(const Snapshot &snapshot);
    void setProblemCount(qint64 n);

    QLabel *m_host;
    QLabel *m_notice;
    QLabel *m_poll;
    QLabel *m_sockets;
    QLabel *m_owners; // sockets whose process is unknown, and why
    LinkStatusLabel *m_link; // a remote stream's throughput, and whether it keeps up

    QToolButton *m_problems;
    QToolButton *m_cancel;
    ProblemList m_problemList;
    QString m_fatal;
    QString m_source;
    bool m_paused = false;
};
