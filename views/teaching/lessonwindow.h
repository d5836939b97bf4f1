#pragma once

#include "core/status.h"

#include "teaching/labsession.h"
#include "teaching/lessonplayer.h"

#include <QWidget>

class LabPanel;
class LessonStatePanel;
class PacketLadder;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QTabWidget;
class QToolButton;

// The lesson player as one widget: lesson chooser, packet ladder, both endpoints' lit states, narration
// and the controls (restart, back, play/pause, forward, speed, presentation mode). Works as a top-level
// window (tcpscope --lesson NAME) or docked in the main window; statesChanged() lets the main window
// light the same states in its live diagram.
class LessonWindow : public QWidget
{
    Q_OBJECT
public:
    explicit LessonWindow(QWidget *parent = nullptr);

    LessonPlayer *player() { return &m_player; }
    // A built-in id ("active-close") or a .json path; a failure says why it could not be opened.
    Status openLesson(const QString &idOrPath);
    bool isPresentation() const { return m_presentation; }
    LabPanel *labPanel() { return m_lab; }

public Q_SLOTS:
    void setPresentation(bool on);
    // Switches to the "Live lab" tab and runs the pattern on loopback.
    void showLab(LabSession::Pattern pattern, int count);

Q_SIGNALS:
    // After every step change: the lesson's two endpoints' states, for the live state diagram.
    void statesChanged(TcpState client, TcpState server);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    // Chooser, title, summary, ladder, the States / Live lab tabs and the narration.
    void createPanes();
    // Restart, back, play, forward, speed, position and presentation, wired to the player.
    QHBoxLayout *createControls();
    void showStep(int step);
    void updateFonts();

    LessonPlayer m_player;
    QComboBox *m_chooser = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    PacketLadder *m_ladder = nullptr;
    LessonStatePanel *m_states = nullptr;
    LabPanel *m_lab = nullptr;
    QTabWidget *m_side = nullptr;
    QLabel *m_narration = nullptr;
    QLabel *m_position = nullptr;
    QToolButton *m_play = nullptr;
    QComboBox *m_speed = nullptr;
    QToolButton *m_present = nullptr;
    bool m_presentation = false;
};
