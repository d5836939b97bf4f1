#pragma once

#include "core/snapshot.h"
#include "teaching/labsession.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

// The live lab beside a lesson: runs a LabSession on loopback in this process, one stage every few
// seconds, and lists the lab's real sockets as this host's snapshots report them, TIME_WAIT counting
// down. It reads no source itself: it asks for a poll (pollWanted) and app/ feeds it snapshots.
// The main window can highlight the same sockets in its live views with session()->owns().
class LabPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LabPanel(QWidget *parent = nullptr);
    ~LabPanel() override;

    void setPattern(LabSession::Pattern pattern, int count = 1);
    const LabSession *session() const { return m_session.get(); }
    void setPresentation(bool on);

public Q_SLOTS:
    void run();
    // A poll of this host: the lab's sockets in it are listed and sent on by labSockets().
    void onSnapshot(const Snapshot &snapshot);

Q_SIGNALS:
    // The lab's sockets in the latest poll.
    void labSockets(const std::vector<SocketEntry> &sockets);
    // A stage has run: its sockets should be looked at now (and every half second while it lasts).
    void pollWanted();

private:
    void nextStage();

    QComboBox *m_pattern = nullptr;
    QSpinBox *m_count = nullptr;
    QPushButton *m_run = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_stage = nullptr;
    QLabel *m_sockets = nullptr;
    std::unique_ptr<LabSession> m_session;
    quint16 m_port = 0;
    int m_stageIndex = 0;
    QTimer m_stageTimer;
};
