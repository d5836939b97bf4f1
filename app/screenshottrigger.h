#pragma once

#include <QObject>
#include <QString>

class QWidget;
class StateDiagramScene;

// --screenshot: once the first poll is on screen, waits delayMs (--screenshot-delay: polls go on, so
// the chart fills), then for the layout to settle and the diagram's tokens to arrive, saves `window` to `path` and
// quits the application (exit code 1 if it could not be saved). A child of the window. Without a scene
// (the fleet window) it waits for nothing but the delay.
class ScreenshotTrigger : public QObject
{
    Q_OBJECT
public:
    ScreenshotTrigger(QWidget *window, const StateDiagramScene *scene, QString path, int delayMs = 0);

    // Call after each applied poll; only the first one counts.
    void pollShown();
    // Call after each failed poll: a source that never delivers (an unreachable host) is shot, with
    // its status bar, FailedWaitMs after the delay, so a script's --screenshot always ends.
    void pollFailed();
    static constexpr int FailedWaitMs = 15000;

private:
    void take(int attemptsLeft);

    QWidget *m_window;
    const StateDiagramScene *m_scene;
    QString m_path;
    int m_delayMs = 0;
    bool m_scheduled = false;
    bool m_failedOnce = false;
};
