#pragma once

#include "labsession.h"
#include "snapshot.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class Poller;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

// The live lab beside a lesson: runs a LabSession on loopback in this process, one stage every few
// seconds, and lists the lab's real sockets as /proc/net/tcp reports them, TIME_WAIT counting down.
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

Q_SIGNALS:
    // The lab's sockets in the latest poll.
    void labSockets(const std::vector<SocketEntry> &sockets);

private:
    void nextStage();
    void onSnapshot(const Snapshot &snapshot);

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
    Poller *m_poller = nullptr;
};
