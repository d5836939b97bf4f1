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
    const bool full = words.startsWith("full");
    if (!full && !words.startsWith("delta"))
        return Kind::Malformed;
    if (arg)
        *arg = words.sliced(full ? 4 : 5).trimmed();
    return full ? Kind::Full : Kind::Delta;
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

namespace {
// Inodes by holder, in the section's line format; a null holder makes the "?" lines.
using Groups = std::vector<std::pair<const ProcessOwner *, std::vector<quint64>>>;

QByteArray clean(const QString &s)
{
    return s.toUtf8().replace('\t', ' ').replace('\n', ' ');
}

void writeLines(QByteArray &out, const Groups &groups)
{
    for (const auto &[o, held] : groups) {
        for (size_t i = 0; i < held.size(); ++i) {
            if (i % OwnerSection::InodesPerLine == 0)
                out += o ? QByteArray::number(o->pid) + '\t' + QByteArray::number(o->uid) + '\t'
                        + (o->user.isEmpty() ? QByteArray("-") : clean(o->user)) + '\t'
                         : QByteArray("?\t");
            else
                out += ',';
            out += QByteArray::number(held[i]);
            if ((i + 1) % OwnerSection::InodesPerLine == 0 || i + 1 == held.size()) {
                if (o)
                    out += '\t' + (o->unit.isEmpty() ? QByteArray("-") : clean(o->unit)) + '\t' + clean(o->name);
                out += '\n';
            }
        }
    }
}

QByteArray section(
    const char *kind, const Snapshot &snapshot, quint32 scannerUid, const std::unordered_set<quint64> *only)
{
    QByteArray out = QByteArray("@owners ") + kind + ' ' + QByteArray::number(scannerUid) + '\n';
    const SocketOwners *owners = snapshot.owners();
    const std::vector<SocketEntry> &sockets = snapshot.sockets();
    const size_t processes = owners ? owners->processes.size() : 0;
    Groups groups(processes + 1); // [0]: nobody we could read
    for (size_t p = 0; p < processes; ++p)
        groups[p + 1].first = owners->processes[p].get();
    for (size_t i = 0; i < sockets.size(); ++i) {
        const SocketEntry &e = sockets[i];
        const quint32 slot = owners && i < owners->slots.size() ? owners->slots[i] : 0;
        if (only && !only->count(e.inode))
            continue;
        if (SocketOwners::holdable(e) && (slot != 0 || scannerUid == 0 || e.uid == scannerUid))
            groups[slot].second.push_back(e.inode);
    }
    writeLines(out, groups);
    return out;
}
} // namespace

QByteArray OwnerSection::full(const Snapshot &snapshot, quint32 scannerUid)
{
    return section("full", snapshot, scannerUid, nullptr);
}

QByteArray OwnerSection::delta(const Snapshot &snapshot, quint32 scannerUid, const std::unordered_set<quint64> &only)
{
    return section("delta", snapshot, scannerUid, &only);
}

QByteArray OwnerSection::write(const Table &table)
{
    QByteArray out = "@owners full " + QByteArray::number(table.scannerUid) + '\n';
    std::map<const ProcessOwner *, std::vector<quint64>> byOwner;
    for (const auto &[inode, owner] : table.byInode)
        byOwner[owner.get()].push_back(inode);
    Groups groups { { nullptr, std::vector<quint64>(table.unfound.begin(), table.unfound.end()) } };
    groups.insert(groups.end(), byOwner.begin(), byOwner.end());
    writeLines(out, groups);
    return out;
}

void OwnerSection::merge(Table &into, const Table &delta)
{
    for (const auto &[inode, owner] : delta.byInode) {
        into.byInode.insert_or_assign(inode, owner);
        into.unfound.erase(inode);
    }
    for (quint64 inode : delta.unfound) {
        into.unfound.insert(inode);
        into.byInode.erase(inode);
    }
}

SocketOwners OwnerSection::attach(const Table &table, const std::vector<SocketEntry> &sockets)
{
    return SocketOwners::fromInodes(sockets, table.byInode, [&table](const SocketEntry &e) {
        if (table.scannerUid != 0 && e.uid != table.scannerUid)
            return SocketOwners::Missing::OtherUsers;
        return table.unfound.count(e.inode) ? SocketOwners::Missing::NotFound : SocketOwners::Missing::NotScanned;
    });
}
