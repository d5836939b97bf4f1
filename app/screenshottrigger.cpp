#include "screenshottrigger.h"

#include "common/screenshot.h"
#include "diagram/statediagramscene.h"
#include "models/connectiontablemodel.h"

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <cstdio>

ScreenshotTrigger::ScreenshotTrigger(QWidget *window, const StateDiagramScene *scene, QString path, int delayMs)
    : QObject(window)
    , m_window(window)
    , m_scene(scene)
    , m_path(std::move(path))
    , m_delayMs(delayMs)
{ }

void ScreenshotTrigger::pollShown()
{
    if (std::exchange(m_scheduled, true))
        return;
    // Let layouts settle and any flash fade, then wait for tokens to arrive (at most ~3 s more).
    QTimer::singleShot(m_delayMs + ConnectionTableModel::FlashMs + 100, this, [this] { take(60); });
}

void ScreenshotTrigger::pollFailed()
{
    if (m_scheduled || std::exchange(m_failedOnce, true))
        return;
    QTimer::singleShot(m_delayMs + FailedWaitMs, this, [this] {
        if (!std::exchange(m_scheduled, true))
            take(0);
    });
}

void ScreenshotTrigger::take(int attemptsLeft)
{
    if (m_scene && m_scene->isAnimating() && attemptsLeft > 0) {
        QTimer::singleShot(50, this, [this, attemptsLeft] { take(attemptsLeft - 1); });
        return;
    }
    const Status saved = Screenshot::save(m_window, m_path);
    if (!saved.ok())
        std::fprintf(stderr, "tcpscope: %s\n", qPrintable(saved.error()));
    QApplication::exit(saved.ok() ? 0 : 1);
}
