#pragma once

#include "core/processowner.h"
#include "core/snapshot.h"

#include <QByteArray>
#include <QJsonObject>

// The "sockets" array of `tcpscope --snapshot --json --sockets`, written straight into bytes: at 100k
// sockets a QJsonObject per row costs seconds of allocation (docs/performance.md, "Owners"). The members
// and values are those of SnapshotJson::socketToJson plus "process" (OwnersJson::process); one row per line.
class SocketJsonWriter
{
public:
    // Appends `[` rows `]`, each row on its own line indented by `indent` + 4 spaces.
    static void appendArray(QByteArray &out, const Snapshot &snapshot, int indent);
    static void appendSocket(QByteArray &out, const SocketEntry &s, const ProcessOwner *owner, bool remembered);
    // A JSON string literal (RFC 8259 section 7): quotes, backslashes and control characters escaped.
    static void appendString(QByteArray &out, const QString &text);
    // The whole --snapshot --json document, as QJsonDocument::Indented writes it, with the sockets last.
    static QByteArray document(const QJsonObject &withoutSockets, const Snapshot &snapshot);
};
