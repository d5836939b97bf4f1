#pragma once

#include "appoptions.h"
#include "connectiontracker.h"
#include "snapshot.h"
#include "statehistory.h"

#include <QMainWindow>

class Poller;
class QLabel;

// The application window: wires the poller to the tracker, history and views.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const AppOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    void onSnapshot(const Snapshot &snapshot);
    void updateStatus(const Snapshot &snapshot);

    AppOptions m_options;
    Poller *m_poller = nullptr;
    ConnectionTracker m_tracker;
    StateHistory m_history;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    bool m_screenshotTaken = false;
};
