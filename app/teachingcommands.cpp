#include "teachingcommands.h"

#include "appoptions.h"
#include "common/screenshot.h"
#include "labfeed.h"
#include "snapshotcommand.h"
#include "teaching/labpanel.h"
#include "teaching/labsession.h"
#include "teaching/lessonloader.h"
#include "teaching/lessonwindow.h"

#include <QApplication>
#include <QTimer>

#include <cstdio>

int TeachingCommands::listLessons()
{
    for (const Lesson &l : LessonLoader::builtinLessons())
        std::printf("%-28s %s\n", qPrintable(l.id), qPrintable(l.title));
    return 0;
}

bool TeachingCommands::lessonExists(const QString &idOrPath)
{
    const Expected<Lesson> lesson = LessonLoader::load(idOrPath);
    if (lesson.ok())
        return true;
    std::fprintf(stderr, "tcpscope: %s\n", qPrintable(lesson.error()));
    return false;
}

int TeachingCommands::runLabHeadless(const AppOptions &options)
{
    const auto pattern = LabSession::parse(options.labPattern);
    if (!pattern) {
        std::fprintf(stderr, "tcpscope: unknown lab pattern '%s'; use one of: %s\n", qPrintable(options.labPattern),
            qPrintable(LabSession::names().join(QStringLiteral(", "))));
        return 2;
    }
    LabSession lab(*pattern, options.labCount);
    if (const Status ran = lab.run(); !ran.ok()) {
        std::fprintf(
            stderr, "tcpscope: lab %s failed: %s\n", qPrintable(LabSession::name(*pattern)), qPrintable(ran.error()));
        return 1;
    }
    const unsigned port = lab.serverPort();
    if (!options.snapshot) {
        lab.cleanUp();
        std::printf("lab %s: %d connection(s) on loopback port %u\n", qPrintable(LabSession::name(*pattern)),
            lab.count(), port);
        return 0;
    }
    lab.cleanUp(); // only the listener goes: what the pattern left (TIME_WAIT) stays in the kernel
    return SnapshotCommand::run(options);
}

int TeachingCommands::showLesson(const AppOptions &options)
{
    auto *window = new LessonWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    new LabFeed(window->labPanel());
    const Status opened = window->openLesson(options.lesson);
    if (!opened.ok()) {
        std::fprintf(stderr, "tcpscope: %s\n", qPrintable(opened.error()));
        delete window;
        return 2;
    }
    if (options.presentation)
        window->setPresentation(true);
    int step = options.lessonStep;
    if (step < 0 && !options.screenshot.isEmpty())
        step = (window->player()->stepCount() - 1) / 2; // a screenshot mid-way shows packets and states
    window->player()->seek(step);
    int delayMs = 100;
    if (!options.labPattern.isEmpty()) { // --lesson X --lab P: show the live lab beside the lesson and run it
        const auto pattern = LabSession::parse(options.labPattern);
        if (!pattern) {
            std::fprintf(stderr, "tcpscope: unknown lab pattern '%s'\n", qPrintable(options.labPattern));
            delete window;
            return 2;
        }
        window->showLab(*pattern, options.labCount);
        delayMs = 4500; // a screenshot then shows the lab's second stage (CLOSE_WAIT, CLOSING, ...)
    }
    if (options.screenshot.isEmpty()) {
        window->show();
        return qApp->exec();
    }
    window->show();
    int rc = 0;
    QTimer::singleShot(delayMs, window, [&rc, window, path = options.screenshot] {
        const Status saved = Screenshot::save(window, path);
        if (!saved.ok()) {
            std::fprintf(stderr, "tcpscope: %s\n", qPrintable(saved.error()));
            rc = 1;
        }
        window->close();
    });
    qApp->exec();
    return rc;
}
