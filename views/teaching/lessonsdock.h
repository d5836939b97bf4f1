#pragma once

#include "core/status.h"
#include "core/tcpstate.h"
#include "teaching/labsession.h"

#include <QDockWidget>
#include <QList>

#include <optional>

class LessonWindow;
class QMainWindow;
class QMenuBar;

// The lesson player docked on the left of the main window, with its Teach and Lab menus. While it is
// shown the panels on the right make room (teaching layout: lesson | diagram) and come back after.
class LessonsDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit LessonsDock(QMainWindow *window);

    LessonWindow *lessonWindow() const { return m_lessons; }
    // Docks hidden while the lessons are shown, if they sit in the right-hand area.
    void setMakeRoom(const QList<QDockWidget *> &docks) { m_makeRoom = docks; }
    void addMenus(QMenuBar *bar);
    // Shows the dock with a lesson (built-in id or .json path), or says why it cannot.
    Status openLesson(const QString &id);
    // Shows the dock's live lab running a pattern on loopback.
    void runLab(LabSession::Pattern pattern, int count);

Q_SIGNALS:
    // The lesson's two endpoints' states while the dock is shown, nullopt when it closes.
    void lessonStatesChanged(std::optional<TcpState> client, std::optional<TcpState> server);
    void labStarted();

private:
    void onVisibilityChanged(bool visible);

    QMainWindow *m_window;
    LessonWindow *m_lessons;
    QList<QDockWidget *> m_makeRoom;
    QList<QDockWidget *> m_hidden; // shown again when the lessons close
};
