#include "snapshotcommand.h"

#include "appoptions.h"
#include "report/snapshotjson.h"
#include "report/snapshottext.h"
#include "sourcefactory.h"

#include <QJsonDocument>

#include <cstdio>

int SnapshotCommand::run(const AppOptions &options)
{
    const auto source = SourceFactory::create(options);
    const Snapshot snapshot = source->poll();
    if (!snapshot.isValid()) {
        std::fprintf(stderr, "tcpscope: %s\n", qPrintable(snapshot.status().error()));
        const bool local = options.ssh.isEmpty() && !options.stdinStream && options.connectHost.isEmpty()
            && options.replay.isEmpty(); // stream sources say what to do in their own message
        if (local)
            std::fprintf(stderr, "tcpscope: check that the file exists and is readable, or pass --proc-root DIR\n");
        return 1;
    }
    QByteArray out;
    if (options.json)
        out = QJsonDocument(SnapshotJson::toJson(snapshot, options.sockets)).toJson(QJsonDocument::Indented);
    else
        out = SnapshotText::format(snapshot, options.sockets).toUtf8();
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    return 0;
}
