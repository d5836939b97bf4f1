#pragma once

#include <QString>

struct AppOptions;
class LessonWindow;

// Command-line entry points of teaching mode: --list-lessons, --lab PATTERN [--snapshot] and --lesson.
class TeachingCommands
{
public:
    // Prints "id  title" per built-in lesson. Exit 0.
    static int listLessons();
    // Runs the lab pattern to completion on loopback; with --snapshot prints the snapshot taken after it.
    // Exit 0 ok, 1 the lab or the source failed, 2 unknown pattern.
    static int runLabHeadless(const AppOptions &options);
    // Loads the lesson once before any display is opened; prints the error and returns false if it fails.
    static bool lessonExists(const QString &idOrPath);
    // Opens the lesson window (a top-level window); with --screenshot renders it and exits.
    static int showLesson(const AppOptions &options);
};
