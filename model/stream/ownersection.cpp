#include "stream/ownersection.h"

#include "core/snapshot.h"
#include "parse/procpidparser.h"

#include <QCoreApplication>

#include <map>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("OwnerSection", text);
}

constexpr QByteArrayView Tag("\n@owners");
constexpr qint64 PidMax = 4'194'304; // PID_MAX_LIMIT, include/linux/threads.h
constexpr qsizetype MaxComm = 64; // comm is at most 15 bytes (TASK_COMM_LEN, include/linux/sched.h)
constexpr qsizetype MaxUser = 64;
constexpr qsizetype MaxCgroup = 4096;
constexpr qsizetype MaxInodesPerLine = 4 * OwnerSection::InodesPerLine;

QString shown(QByteArrayView v)
{
    return QString::fromUtf8(v.first(qMin<qsizetype>(v.size(), 24)));
}

// "12,34,56": false on an empty list, a zero, a non-number or too many.
bool inodes(QByteArrayView list, std::vector<quint64> &out)
{
    out.clear();
    for (qsizetype start = 0; start <= list.size();) {
        qsizetype comma = list.indexOf(',', start);
        if (comma < 0)
            comma = list.size();
        bool ok = false;
        const quint64 i = list.sliced(start, comma - start).toULongLong(&ok);
        if (!ok || i == 0 || qsizetype(out.size()) >= MaxInodesPerLine)
            return false;
        out.push_back(i);
        start = comma + 1;
    }
    return true;
}

// One process line; an empty string when it is well formed, else why not.
QString processLine(QByteArrayView line, std::map<qint32, ProcessOwnerPtr> &byPid, std::vector<quint64> &ids)
{
    QByteArrayView f[6];
    for (int i = 0; i < 5; ++i) {
        const qsizetype tab = line.indexOf('\t');
        if (tab < 0)
            return QCoreApplication::translate("OwnerSection", "expected 6 tab-separated fields");
        f[i] = line.first(tab);
        line = line.sliced(tab + 1);
    }
    f[5] = line;
    bool ok = false;
    const qint64 pid = f[0].toLongLong(&ok);
    if (!ok || pid <= 0 || pid > PidMax)
        return QCoreApplication::translate("OwnerSection", "bad pid '%1'").arg(shown(f[0]));
    const qint64 uid = f[1].toLongLong(&ok);
    if (!ok || uid < 0 || uid >= 0xFFFFFFFFLL)
        return QCoreApplication::translate("OwnerSection", "bad uid '%1'").arg(shown(f[1]));
    if (f[2].isEmpty() || f[2].size() > MaxUser || f[4].size() > MaxCgroup || f[5].size() > MaxComm)
        return QCoreApplication::translate("OwnerSection", "a user, cgroup or command name is empty or too long");
    if (!inodes(f[3], ids))
        return QCoreApplication::translate("OwnerSection", "bad inode list '%1'").arg(shown(f[3]));
    ProcessOwnerPtr &p = byPid[qint32(pid)];
    if (!p) {
        ProcessOwner o;
        o.pid = qint32(pid);
        o.uid = quint32(uid);
        o.name = QString::fromUtf8(f[5]);
        o.user = f[2] == "-" ? QString::number(uid) : QString::fromUtf8(f[2]);
        // A cgroup path from the ssh script, else the unit the agent's scanner found ("-": none).
        o.unit = f[4].startsWith('/') ? ProcPidParser::unit(QByteArray("0::").append(f[4]))
            : f[4] == "-"             ? QString()
                                      : QString::fromUtf8(f[4]);
        p = std::make_shared<const ProcessOwner>(std::move(o));
    }
    return {};
}
} // namespace

OwnerSection::Kind OwnerSection::find(QByteArrayView frame, QByteArrayView *content, QByteArrayView *arg)
{
    qsizetype at = frame.indexOf(Tag);
    while (at >= 0 && at + Tag.size() < frame.size() && frame[at + Tag.size()] != ' ' && frame[at + Tag.size()] != '\n')
        at = frame.indexOf(Tag, at + 1); // "@ownersX": another section
    if (at < 0)
        return Kind::None;
    const qsizetype lineEnd = frame.indexOf('\n', at + 1);
    const QByteArrayView header
        = frame.sliced(at + Tag.size(), (lineEnd < 0 ? frame.size() : lineEnd) - at - Tag.size());
    const QByteArrayView words = header.trimmed();
    const QByteArrayView rest = lineEnd < 0 ? QByteArrayView() : frame.sliced(lineEnd + 1);
    qsizetype end = rest.startsWith('@') ? 0 : rest.indexOf("\n@");
    end = end < 0 ? rest.size() : end + (rest.startsWith('@') ? 0 : 1);
    if (content)
        *content = rest.first(end);
    if (words == "unchanged")
        return Kind::Unchanged;
    if (!words.startsWith("full"))
        return Kind::Malformed;
    if (arg)
        *arg = words.sliced(4).trimmed();
    return Kind::Full;
}

std::shared_ptr<const OwnerSection::Table> OwnerSection::parse(
    QByteArrayView arg, QByteArrayView content, const QString &where, ProblemList &problems)
{
    auto table = std::make_shared<Table>();
    auto reject = [&](int line, const QString &why) {
        problems.add({ QStringLiteral("stream"), 0,
            tr("%1: @owners line %2: %3; owner table ignored").arg(where).arg(line).arg(why) });
        return nullptr;
    };
    bool ok = false;
    const qint64 uid = arg.toLongLong(&ok);
    if (!ok || uid < 0 || uid >= 0xFFFFFFFFLL)
        return reject(0, tr("bad scanner uid '%1'").arg(shown(arg)));
    table->scannerUid = quint32(uid);
    std::map<qint32, ProcessOwnerPtr> byPid;
    std::vector<quint64> ids;
    int number = 0;
    for (qsizetype start = 0; start < content.size();) {
        qsizetype nl = content.indexOf('\n', start);
        if (nl < 0)
            nl = content.size();
        const QByteArrayView line = content.sliced(start, nl - start);
        start = nl + 1;
        ++number;
        if (line.startsWith("?\t")) {
            if (!inodes(line.sliced(2), ids))
                return reject(number, tr("bad inode list '%1'").arg(shown(line.sliced(2))));
            table->unfound.insert(ids.begin(), ids.end());
            continue;
        }
        const QString why = processLine(line, byPid, ids);
        if (!why.isEmpty())
            return reject(number, why);
        const ProcessOwnerPtr &owner = byPid[qint32(line.first(line.indexOf('\t')).toInt())];
        for (quint64 i : ids)
            table->byInode.try_emplace(i, owner); // shared after fork(2): the first holder keeps it
    }
    return table;
}

QByteArray OwnerSection::full(const Snapshot &snapshot, quint32 scannerUid)
{
    QByteArray out = "@owners full " + QByteArray::number(scannerUid) + '\n';
    const SocketOwners *owners = snapshot.owners();
    const std::vector<SocketEntry> &sockets = snapshot.sockets();
    const size_t processes = owners ? owners->processes.size() : 0;
    std::vector<std::vector<quint64>> held(processes + 1); // [0]: nobody we could read
    for (size_t i = 0; i < sockets.size(); ++i) {
        const SocketEntry &e = sockets[i];
        const quint32 slot = owners && i < owners->slots.size() ? owners->slots[i] : 0;
        if (SocketOwners::holdable(e) && (slot != 0 || scannerUid == 0 || e.uid == scannerUid))
            held[slot].push_back(e.inode);
    }
    auto clean = [](const QString &s) { return s.toUtf8().replace('\t', ' ').replace('\n', ' '); };
    for (size_t p = 0; p < held.size(); ++p) {
        for (size_t i = 0; i < held[p].size(); ++i) {
            if (i % InodesPerLine == 0) {
                if (p == 0) {
                    out += "?\t";
                } else {
                    const ProcessOwner &o = *owners->processes[p - 1];
                    out += QByteArray::number(o.pid) + '\t' + QByteArray::number(o.uid) + '\t'
                        + (o.user.isEmpty() ? QByteArray("-") : clean(o.user)) + '\t';
                }
            } else {
                out += ',';
            }
            out += QByteArray::number(held[p][i]);
            if ((i + 1) % InodesPerLine == 0 || i + 1 == held[p].size()) {
                if (p > 0) {
                    const ProcessOwner &o = *owners->processes[p - 1];
                    out += '\t' + (o.unit.isEmpty() ? QByteArray("-") : clean(o.unit)) + '\t' + clean(o.name);
                }
                out += '\n';
            }
        }
    }
    return out;
}

SocketOwners OwnerSection::attach(const Table &table, const std::vector<SocketEntry> &sockets)
{
    return SocketOwners::fromInodes(sockets, table.byInode, [&table](const SocketEntry &e) {
        if (table.scannerUid != 0 && e.uid != table.scannerUid)
            return SocketOwners::Missing::OtherUsers;
        return table.unfound.count(e.inode) ? SocketOwners::Missing::NotFound : SocketOwners::Missing::NotScanned;
    });
}
