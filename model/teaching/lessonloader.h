#pragma once

#include "core/expected.h"
#include "teaching/lesson.h"
#include "teaching/lessontext.h"

#include <QStringList>

// Reads lessons from JSON. The built-in ones live in the Qt resource :/tcpscope/lessons (the
// tcpscope_resources library); a trainer's own lesson can be loaded from any file. Texts come in
// `language` ("en", "zh_TW"; LessonText::languageFor), by default the UI language.
class LessonLoader
{
public:
    // A lesson file larger than this is refused unread: the built-in ones are under 20 KB.
    static constexpr qint64 MaxFileBytes = 1 << 20;

    static QString builtinDirectory() { return QStringLiteral(":/tcpscope/lessons"); }

    // Parses one lesson, or says why the JSON is not one.
    static Expected<Lesson> parse(
        const QByteArray &json, const QString &id, const QString &language = LessonText::uiLanguage());
    // Refuses files over MaxFileBytes.
    static Expected<Lesson> loadFile(const QString &path, const QString &language = LessonText::uiLanguage());
    // A built-in lesson by id ("active-close"), or a path to a .json file.
    static Expected<Lesson> load(const QString &idOrPath, const QString &language = LessonText::uiLanguage());
    // Built-in lesson ids in teaching order (the "order" field, then id).
    static QStringList builtinIds();
    static QList<Lesson> builtinLessons(const QString &language = LessonText::uiLanguage());
};
