#pragma once

#include "analysis/advisory.h"
#include "core/snapshot.h"

#include <QJsonArray>
#include <QJsonObject>

// The `tcpscope --snapshot --json` document (schema in README.md, "JSON output").
class SnapshotJson
{
public:
    static constexpr int SchemaVersion = 1;
    static QJsonObject toJson(const Snapshot &snapshot, bool withSockets);
    static QJsonObject socketToJson(const SocketEntry &s);
    // One advisor finding; `id` is stable (docs/advisories.md). "processes": [{"pid", "name", "count",
    // "remembered"}], the holders of the sockets it is about (Advisory::processes).
    static QJsonObject advisoryToJson(const Advisory &a);
};
