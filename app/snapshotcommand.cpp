#include "snapshotcommand.h"

#include "appoptions.h"
#include "report/snapshotjson.h"
#include "report/snapshottext.h"
#include "sources/sourcefactory.h"
#include "sources/sourcespec.h"

#include <QJsonDocument>

#include <cstdio>

int SnapshotCommand::run(const AppOptions &options)
{
    const auto source = SourceFactory::create(options.source);
    const Snapshot polled = source->poll();
    if (!polled.isValid()) {
        std::fprintf(stderr, "tcpscope: %s\n", qPrintable(polled.status().error()));
        if (options.source.isThisHost()) // stream sources and recordings say what to do in their own message
            std::fprintf(stderr, "tcpscope: check that the file exists and is readable, or pass --proc-root DIR\n");
        return 1;
    }
    // Filter first, so the owner scan (once, synchronously: one poll) looks only for the sockets shown.
    Snapshot snapshot = options.filterExpression.filtered(polled);
    if (const std::shared_ptr<OwnerLookup> owners = source->ownerLookup()) {
        owners->scan(snapshot);
        snapshot = snapshot.withOwners(owners->attach(snapshot));
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
