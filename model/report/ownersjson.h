#pragma once

#include "core/snapshot.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

// The owner parts of `tcpscope --snapshot --json` (README.md, "JSON output"): a socket's "process",
// the per-process counts by state, and how many sockets have no known owner and why.
class OwnersJson
{
public:
    // {"pid", "name", "user", "unit", "remembered"}, or null when unknown.
    static QJsonValue process(const ProcessOwner *owner, bool remembered);
    // One object per process holding sockets: its identity and {"ESTABLISHED": n, ...}.
    static QJsonArray processes(const Snapshot &snapshot);
    // {"known", "unknown", "otherUsers", "notFound", "notScanned", "noProcess", "deniedProcesses",
    // "reason"}; null when the source cannot tell (a peer, a recording).
    static QJsonValue summary(const Snapshot &snapshot);
};
