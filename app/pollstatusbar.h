#pragma once

#include "snapshot.h"

#include <QStatusBar>

class QLabel;
class QToolButton;

// Host and kernel, time of the last poll and how long it took, socket count, problems (click to
// list them).
class PollStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit PollStatusBar(QWidget *parent = nullptr);

    void setSnapshot(const Snapshot &snapshot);
    void setPaused(bool paused);
    QString text() const; // everything shown, for tests
    void showProblems();

private:
    QLabel *m_host;
    QLabel *m_poll;
    QLabel *m_sockets;
    QToolButton *m_problems;
    ProblemList m_problemList;
    QString m_fatal;
    bool m_paused = false;
};
