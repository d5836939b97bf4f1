#include "report/ownersjson.h"

#include <map>

QJsonValue OwnersJson::process(const ProcessOwner *owner, bool remembered)
{
    if (!owner)
        return QJsonValue::Null;
    return QJsonObject { { QStringLiteral("pid"), owner->pid }, { QStringLiteral("name"), owner->name },
        { QStringLiteral("user"), owner->user },
        { QStringLiteral("unit"), owner->unit.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(owner->unit) },
        { QStringLiteral("remembered"), remembered } };
}

QJsonArray OwnersJson::processes(const Snapshot &snapshot)
{
    QJsonArray out;
    const SocketOwners *owners = snapshot.owners();
    if (!owners)
        return out;
    std::vector<std::map<QString, int>> byState(owners->processes.size());
    for (size_t i = 0; i < snapshot.sockets().size(); ++i) {
        if (const quint32 slot = owners->slots[i])
            ++byState[slot - 1][TcpStates::kernelName(snapshot.sockets()[i].state)];
    }
    for (size_t p = 0; p < owners->processes.size(); ++p) {
        QJsonObject o = process(owners->processes[p].get(), false).toObject();
        o.remove(QStringLiteral("remembered"));
        QJsonObject states;
        for (const auto &[state, n] : byState[p])
            states.insert(state, n);
        o.insert(QStringLiteral("sockets"), states);
        out.append(o);
    }
    return out;
}

QJsonValue OwnersJson::summary(const Snapshot &snapshot)
{
    const SocketOwners *o = snapshot.owners();
    if (!o)
        return QJsonValue::Null;
    using M = SocketOwners::Missing;
    const qint64 held = qint64(snapshot.sockets().size()) - o->count(M::NoProcess);
    return QJsonObject { { QStringLiteral("known"), held - o->unknown() }, { QStringLiteral("unknown"), o->unknown() },
        { QStringLiteral("otherUsers"), o->count(M::OtherUsers) },
        { QStringLiteral("notFound"), o->count(M::NotFound) },
        { QStringLiteral("notScanned"), o->count(M::NotScanned) },
        { QStringLiteral("noProcess"), o->count(M::NoProcess) },
        { QStringLiteral("deniedProcesses"), o->deniedProcesses }, { QStringLiteral("reason"), o->reason() } };
}
