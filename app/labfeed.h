#pragma once

#include <QObject>

class LabPanel;
class Poller;

// Feeds a lab panel this host's sockets: from the first stage on, /proc (where the lab's loopback
// sockets are) every half second and at once after each stage. A child of the panel.
class LabFeed : public QObject
{
    Q_OBJECT
public:
    explicit LabFeed(LabPanel *panel);

    static constexpr int IntervalMs = 500; // a stage lasts 3 s: several looks at each state

private:
    void pollNow();

    LabPanel *m_panel;
    Poller *m_poller = nullptr;
};
