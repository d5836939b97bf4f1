#include "appoptions.h"
#include "mainwindow.h"
#include "snapshotcommand.h"
#include "sshscript.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <memory>

int main(int argc, char **argv)
{
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
    const bool headless = options.snapshot || options.remoteScript || parser.isSet(QStringLiteral("help"))
        || parser.isSet(QStringLiteral("version"));
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
    if (options.snapshot)
        return SnapshotCommand::run(options);
    if (options.remoteScript) {
        std::fputs(qPrintable(SshScript::loop(options.intervalMs)), stdout);
        return 0;
    }

    app = std::make_unique<QApplication>(argc, argv);
    MainWindow window(options);
    window.show();
    return app->exec();
}
