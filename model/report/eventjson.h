#pragma once

#include "report/eventrecord.h"

#include <QByteArray>
#include <QJsonObject>

// `tcpscope --events --json`: one JSON object per transition, one per line (NDJSON), as README.md
// ("Events") documents.
class EventJson
{
public:
    // {"time", "id", "cookie", "family", "local", "remote", "from", "to", "path", "seen", "process"};
    // "cookie" (a decimal string: 64 bits do not fit a JSON number exactly) only when the source
    // has one (netlink), "path" only when it has inferred hops.
    static QJsonObject toJson(const EventRecord &event);
    // The compact object and a newline.
    static QByteArray line(const EventRecord &event);
};
