#include "snapshotcommand.h"

#include "appoptions.h"
#include "report/snapshotjson.h"
#include "report/snapshottext.h"
#include "report/socketjsonwriter.h"
#include "sources/snapshotsource.h"
#include "sources/sourcefactory.h"
#include "sources/sourcespec.h"
#include "stream/recorder.h"
#include "stream/snapshotrecorder.h"

#include <QJsonDocument>

#include <cstdio>
#include <thread>

Snapshot SnapshotCommand::pollOnce(SnapshotSource &source, const SsFilter &filter)
{
    const std::shared_ptr<OwnerLookup> owners = source.ownerLookup();
    // Every process's fd table is read while the socket table is dumped: they are independent, and
    // together most of a one-shot's time at 100k sockets (docs/performance.md, "Owners").
    std::thread prefetch;
    if (owners)
        prefetch = std::thread([&owners] { owners->prefetch(); });
    Snapshot snapshot = source.poll();
    if (prefetch.joinable())
        prefetch.join();
    if (filter.hasOwnerTerms() && owners && snapshot.isValid()) {
        // process/pid/unit terms need every socket's owner before the filter can choose.
        owners->scan(snapshot);
        snapshot = snapshot.withOwners(owners->attach(snapshot));
    }
    snapshot = filter.filtered(snapshot);
    if (!snapshot.isValid())
        return snapshot;
    if (owners) {
        if (!filter.hasOwnerTerms())
            owners->scan(snapshot);
        snapshot = snapshot.withOwners(owners->attach(snapshot)); // exact missing-owner counts
    }
    return snapshot;
}

int SnapshotCommand::run(const AppOptions &options)
{
    const auto source = SourceFactory::create(options.source);
    const Snapshot snapshot = pollOnce(*source, options.filterExpression);
    if (!options.source.record.isEmpty() && !source->recordsItself()) {
        // This host: the snapshot as shown, owners included (a stream recorded its frame itself).
        auto recorder = std::make_shared<Recorder>(options.source.record);
        const Status opened = recorder->open();
        if (!opened.ok()) {
            std::fprintf(stderr, "tcpscope: %s\n", qPrintable(opened.error()));
            return 1;
        }
        const std::shared_ptr<OwnerLookup> owners = source->ownerLookup();
        SnapshotRecorder(recorder).record(snapshot, owners ? std::optional(owners->scannerUid()) : std::nullopt);
        if (!recorder->error().isEmpty())
            std::fprintf(stderr, "tcpscope: %s\n", qPrintable(recorder->error()));
    }
    if (!snapshot.isValid()) {
        std::fprintf(stderr, "tcpscope: %s\n", qPrintable(snapshot.status().error()));
        if (options.source.isThisHost()) // stream sources and recordings say what to do in their own message
            std::fprintf(stderr, "tcpscope: check that the file exists and is readable, or pass --proc-root DIR\n");
        return 1;
    }
    QByteArray out;
    if (options.json && options.sockets)
        out = SocketJsonWriter::document(SnapshotJson::toJson(snapshot, false), snapshot);
    else if (options.json)
        out = QJsonDocument(SnapshotJson::toJson(snapshot, false)).toJson(QJsonDocument::Indented);
    else
        out = SnapshotText::format(snapshot, options.sockets).toUtf8();
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    return 0;
}
