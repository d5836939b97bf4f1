#include "teaching/lessonwindow.h"

#include "teaching/labpanel.h"
#include "teaching/lessonloader.h"
#include "teaching/lessonstatepanel.h"
#include "teaching/packetladder.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QTabWidget>
#include <QToolButton>

namespace {
QToolButton *button(QWidget *parent, const QString &text, const QString &tip)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setAutoRaise(false);
    return b;
}
} // namespace

LessonWindow::LessonWindow(QWidget *parent)
    : QWidget(parent)
{
    setWindowTitle(tr("tcpscope: lessons"));
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Qt::white);
    setPalette(pal);

    createPanes();
    QHBoxLayout *controls = createControls();
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_chooser);
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_ladder, 1);
    middle->addWidget(m_side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addLayout(middle, 1);
    layout->addWidget(m_narration);
    layout->addLayout(controls);

    connect(m_chooser, &QComboBox::activated, this, [this](int i) { openLesson(m_chooser->itemData(i).toString()); });
    connect(&m_player, &LessonPlayer::stepChanged, this, &LessonWindow::showStep);
    connect(&m_player, &LessonPlayer::playingChanged, this,
        [this](bool playing) { m_play->setText(playing ? tr("❚❚ Pause") : tr("▶ Play")); });

    updateFonts();
    m_side->setFixedWidth(m_states->sizeHint().width() + 80);
    resize(1440, 900);
    if (m_chooser->count() > 0)
        openLesson(m_chooser->itemData(0).toString());
}

void LessonWindow::createPanes()
{
    m_chooser = new QComboBox(this);
    for (const Lesson &l : LessonLoader::builtinLessons())
        m_chooser->addItem(l.title, l.id);
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chooser->setMinimumContentsLength(28);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_ladder = new PacketLadder(this);
    m_states = new LessonStatePanel(this);
    m_lab = new LabPanel(this);
    m_side = new QTabWidget(this);
    m_side->addTab(m_states, tr("States"));
    m_side->addTab(m_lab, tr("Live lab"));
    m_side->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_narration = new QLabel(this);
    m_narration->setWordWrap(true);
    m_narration->setTextFormat(Qt::RichText);
    m_narration->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_narration->setMargin(12);
    m_narration->setStyleSheet(QStringLiteral("QLabel { background: #f6f8fa; border: 1px solid #d0d7de; "
                                              "border-radius: 6px; color: #1f2328; }"));
}

QHBoxLayout *LessonWindow::createControls()
{
    auto *restart = button(this, tr("↺ Restart"), tr("Back to the start (Home)"));
    auto *back = button(this, tr("◀ Back"), tr("Previous step (Left)"));
    m_play = button(this, tr("▶ Play"), tr("Play or pause (Space)"));
    auto *forward = button(this, tr("Next ▶"), tr("Next step (Right)"));
    m_speed = new QComboBox(this);
    for (double s : { 0.5, 1.0, 2.0, 4.0 })
        m_speed->addItem(tr("Speed %1×").arg(s), s);
    m_speed->setCurrentIndex(1);
    m_present = button(this, tr("Presentation"), tr("Large fonts for a projector (F5)"));
    m_present->setCheckable(true);
    m_position = new QLabel(this);

    auto *controls = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *> { restart, back, m_play, forward, m_speed })
        controls->addWidget(w);
    controls->addSpacing(16);
    controls->addWidget(m_position);
    controls->addStretch(1);
    controls->addWidget(m_present);

    connect(restart, &QToolButton::clicked, &m_player, &LessonPlayer::restart);
    connect(back, &QToolButton::clicked, &m_player, &LessonPlayer::stepBack);
    connect(forward, &QToolButton::clicked, &m_player, &LessonPlayer::stepForward);
    connect(m_play, &QToolButton::clicked, &m_player, &LessonPlayer::togglePlay);
    connect(m_present, &QToolButton::toggled, this, &LessonWindow::setPresentation);
    connect(m_speed, &QComboBox::currentIndexChanged, this,
        [this](int i) { m_player.setSpeed(m_speed->itemData(i).toDouble()); });
    return controls;
}

Status LessonWindow::openLesson(const QString &idOrPath)
{
    const Expected<Lesson> lesson = LessonLoader::load(idOrPath);
    if (!lesson.ok())
        return lesson.status();
    const int index = m_chooser->findData(lesson->id);
    if (index >= 0)
        m_chooser->setCurrentIndex(index);
    m_title->setText(lesson->title);
    if (const auto pattern = LabSession::parse(lesson->lab))
        m_lab->setPattern(*pattern, lesson->labCount);
    m_summary->setText(lesson->summary);
    m_ladder->setLesson(*lesson);
    m_player.setLesson(*lesson); // emits stepChanged(-1)
    return {};
}

void LessonWindow::showStep(int step)
{
    const Lesson &l = m_player.lesson();
    m_ladder->setStep(step);
    m_states->setStates(m_player.clientState(), m_player.serverState());
    const int total = m_player.stepCount();
    m_position->setText(tr("Step %1 of %2").arg(qMax(0, step + 1)).arg(total));
    if (step < 0) {
        QString refs = l.references.join(QStringLiteral(" · "));
        m_narration->setText(tr("<p><b>%1</b></p><p>%2</p><p style='color:#57606a'><i>Sources: %3</i></p>")
                                 .arg(l.title.toHtmlEscaped(), l.summary.toHtmlEscaped(), refs.toHtmlEscaped()));
    } else {
        const LessonStep &s = l.steps.at(step);
        m_narration->setText(
            tr("<p><b>%1. %2</b></p><p>%3</p><p style='color:#57606a'><i>%4</i></p>")
                .arg(step + 1)
                .arg(s.title.toHtmlEscaped(), s.narration.toHtmlEscaped(), s.reference.toHtmlEscaped()));
    }
    Q_EMIT statesChanged(m_player.clientState(), m_player.serverState());
}

void LessonWindow::setPresentation(bool on)
{
    m_presentation = on;
    m_present->setChecked(on);
    m_ladder->setPresentation(on);
    m_states->setPresentation(on);
    m_lab->setPresentation(on);
    m_side->setFixedWidth(m_states->sizeHint().width() + (on ? 60 : 80));
    updateFonts();
}

void LessonWindow::showLab(LabSession::Pattern pattern, int count)
{
    m_side->setCurrentWidget(m_lab);
    m_lab->setPattern(pattern, count);
    m_lab->run();
}

void LessonWindow::updateFonts()
{
    const double s = m_presentation ? 1.45 : 1.0;
    QFont title = font();
    title.setPixelSize(int(24 * s));
    title.setBold(true);
    m_title->setFont(title);
    QFont body = font();
    body.setPixelSize(int(16 * s));
    m_summary->setFont(body);
    QFont narration = font();
    narration.setPixelSize(int(18 * s));
    m_narration->setFont(narration);
    m_narration->setMinimumHeight(int(150 * s));
    QFont controls = font();
    controls.setPixelSize(int(15 * s));
    for (QWidget *w : findChildren<QToolButton *>())
        w->setFont(controls);
    m_speed->setFont(controls);
    m_chooser->setFont(controls);
    m_position->setFont(controls);
}

void LessonWindow::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Space:
        m_player.togglePlay();
        break;
    case Qt::Key_Right:
    case Qt::Key_PageDown:
        m_player.stepForward();
        break;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
        m_player.stepBack();
        break;
    case Qt::Key_Home:
        m_player.restart();
        break;
    case Qt::Key_F5:
        setPresentation(!m_presentation);
        break;
    case Qt::Key_Escape:
        setPresentation(false);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}
