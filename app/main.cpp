#include "appoptions.h"
#include "eventscommand.h"
#include "fleetcommand.h"
#include "fleetwindow.h"
#include "killcommand.h"
#include "mainwindow.h"
#include "sessionsettings.h"
#include "snapshotcommand.h"
#include "sources/remote/sshscript.h"
#include "stream/streamframe.h"
#include "teachingcommands.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <memory>

int main(int argc, char **argv)
{
    Q_INIT_RESOURCE(resources); // lessons and icons live in the static tcpscope_resources library

    QCoreApplication::setApplicationName(QStringLiteral("tcpscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("tcpscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TCPSCOPE_VERSION));

    // Parse before any application object: bad usage and headless commands never touch a display.
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    AppOptions::setup(parser);
    if (!parser.parse(args)) {
        std::fprintf(stderr, "tcpscope: %s\nTry 'tcpscope --help'.\n", qPrintable(parser.errorText()));
        return 2;
    }
    AppOptions options;
    const QString error = AppOptions::fromParser(parser, options);
    const bool headless = options.snapshot || options.kill || options.events || options.remoteScript
        || options.listLessons || (!options.labPattern.isEmpty() && options.lesson.isEmpty())
        || parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"));
    std::unique_ptr<QCoreApplication> app;
    if (headless)
        app = std::make_unique<QCoreApplication>(argc, argv);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!error.isEmpty()) {
        std::fprintf(stderr, "tcpscope: %s\nTry 'tcpscope --help'.\n", qPrintable(error));
        return 2;
    }
    if (options.listLessons)
        return TeachingCommands::listLessons();
    if (!options.labPattern.isEmpty() && options.lesson.isEmpty())
        return TeachingCommands::runLabHeadless(options);
    if (options.snapshot && !options.prometheus.isEmpty())
        return FleetCommand::run(options);
    if (options.snapshot)
        return SnapshotCommand::run(options);
    if (options.kill)
        return KillCommand::run(options);
    if (options.events)
        return EventsCommand::run(options);
    if (options.remoteScript) {
        std::fputs(qPrintable(SshScript::loop(options.intervalMs, StreamFrame::RecordingKeyEvery)), stdout);
        return 0;
    }

    if (!options.lesson.isEmpty() && !TeachingCommands::lessonExists(options.lesson))
        return 2; // said why; no display needed to find out
    app = std::make_unique<QApplication>(argc, argv);
    Translations::install(app.get()); // from the system locale (LANG, LC_ALL, LC_MESSAGES)
    if (!options.lesson.isEmpty())
        return TeachingCommands::showLesson(options);
    SessionSettings::applyTo(options);
    if (!options.prometheus.isEmpty()) {
        FleetWindow::open(options.prometheus, options.prometheusMatch, options);
        return QApplication::exec();
    }
    MainWindow window(options);
    SessionSettings::watch(&window, options);
    window.show();
    return app->exec();
}
