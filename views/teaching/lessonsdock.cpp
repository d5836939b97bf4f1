#include "teaching/lessonsdock.h"

#include "teaching/lessonloader.h"
#include "teaching/lessonwindow.h"

#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>

LessonsDock::LessonsDock(QMainWindow *window)
    : QDockWidget(tr("Lessons"), window)
    , m_window(window)
    , m_lessons(new LessonWindow(this))
{
    setObjectName(QStringLiteral("lessonsDock"));
    m_lessons->setAccessibleName(tr("Lesson player"));
    setWidget(m_lessons);
    connect(m_lessons, &LessonWindow::statesChanged, this, [this](TcpState client, TcpState server) {
        if (isVisible())
            Q_EMIT lessonStatesChanged(client, server);
    });
    connect(this, &QDockWidget::visibilityChanged, this, &LessonsDock::onVisibilityChanged);
}

void LessonsDock::onVisibilityChanged(bool visible)
{
    if (visible) {
        Q_EMIT lessonStatesChanged(m_lessons->player()->clientState(), m_lessons->player()->serverState());
        if (m_hidden.isEmpty() && !isFloating()) {
            for (QDockWidget *d : std::as_const(m_makeRoom)) {
                if (d->isVisible() && m_window->dockWidgetArea(d) == Qt::RightDockWidgetArea) {
                    m_hidden << d;
                    d->hide();
                }
            }
            // Wide enough for a legible ladder; the diagram keeps the rest.
            m_window->resizeDocks({ this }, { qMax(660, m_window->width() * 11 / 20) }, Qt::Horizontal);
        }
    } else if (isHidden()) { // not merely tabbed away
        Q_EMIT lessonStatesChanged(std::nullopt, std::nullopt);
        for (QDockWidget *d : std::as_const(m_hidden))
            d->show();
        m_hidden.clear();
    }
}

void LessonsDock::addMenus(QMenuBar *bar)
{
    QMenu *teach = bar->addMenu(tr("&Teach"));
    QAction *show = toggleViewAction();
    show->setText(tr("Show &lessons"));
    show->setShortcut(QKeySequence(tr("Ctrl+L")));
    teach->addAction(show);
    QAction *present = teach->addAction(tr("&Presentation mode"));
    present->setCheckable(true);
    connect(present, &QAction::toggled, m_lessons, &LessonWindow::setPresentation);
    teach->addSeparator();
    for (const Lesson &l : LessonLoader::builtinLessons())
        teach->addAction(l.title, this, [this, id = l.id] {
            const Status opened = openLesson(id);
            if (!opened.ok())
                QMessageBox::warning(this, tr("Lessons"), opened.error());
        });

    QMenu *lab = bar->addMenu(tr("&Lab"));
    for (const QString &name : LabSession::names()) {
        const auto p = LabSession::parse(name);
        if (!p)
            continue;
        // A burst shows a visible TIME_WAIT rise on the chart; the others are one connection.
        const int count = *p == LabSession::Pattern::Burst ? 200 : 1;
        QAction *a = lab->addAction(name, this, [this, p = *p, count] { runLab(p, count); });
        a->setToolTip(LabSession::description(*p));
        a->setStatusTip(LabSession::description(*p));
    }
    lab->setToolTipsVisible(true);
}

Status LessonsDock::openLesson(const QString &id)
{
    show();
    raise();
    return m_lessons->openLesson(id);
}

void LessonsDock::runLab(LabSession::Pattern pattern, int count)
{
    show();
    raise();
    m_lessons->showLab(pattern, count);
    Q_EMIT labStarted();
}
