#include "report/eventjson.h"

#include "report/ownersjson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

QJsonObject EventJson::toJson(const EventRecord &event)
{
    const SocketEntry &e = event.entry;
    QJsonObject o;
    o.insert(QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(event.timeMs, Qt::UTC).toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("id"), qint64(event.id));
    if (e.cookie != 0)
        o.insert(QStringLiteral("cookie"), QString::number(e.cookie)); // 64-bit: a string keeps it exact
    o.insert(
        QStringLiteral("family"), e.family == AddressFamily::IPv4 ? QStringLiteral("ipv4") : QStringLiteral("ipv6"));
    o.insert(QStringLiteral("local"), e.localText());
    o.insert(QStringLiteral("remote"), e.remoteText());
    o.insert(QStringLiteral("from"), TcpStates::kernelName(event.from));
    o.insert(QStringLiteral("to"), TcpStates::kernelName(event.to));
    if (!event.path.isEmpty()) {
        QJsonArray path;
        for (TcpState s : event.path)
            path.append(TcpStates::kernelName(s));
        o.insert(QStringLiteral("path"), path);
    }
    o.insert(QStringLiteral("seen"),
        event.seen == EventRecord::Seen::Polled ? QStringLiteral("polled") : QStringLiteral("observed"));
    o.insert(QStringLiteral("process"), OwnersJson::process(event.owner.get(), event.remembered));
    return o;
}

QByteArray EventJson::line(const EventRecord &event)
{
    return QJsonDocument(toJson(event)).toJson(QJsonDocument::Compact) + '\n';
}
