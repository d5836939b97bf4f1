#include "parse/procpidparser.h"

#include <QList>

namespace {
bool isHexId(QByteArrayView s)
{
    if (s.size() < 32)
        return false;
    for (char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

// A container runtime's cgroup: "docker-<id>.scope" (systemd driver), "<id>" under "docker" (cgroupfs
// driver), "libpod-<id>.scope" (podman), "cri-containerd-<id>.scope" (Kubernetes).
QString container(QByteArrayView dir, QByteArrayView parent)
{
    static const struct
    {
        const char *prefix;
        const char *name;
    } runtimes[] = { { "docker-", "docker" }, { "libpod-", "podman" }, { "cri-containerd-", "containerd" },
        { "crio-", "crio" } };
    QByteArrayView id = dir;
    if (id.endsWith(".scope"))
        id.chop(6);
    for (const auto &r : runtimes) {
        if (id.startsWith(r.prefix) && isHexId(id.sliced(qstrlen(r.prefix))))
            return QLatin1String(r.name) + QLatin1Char('-') + QString::fromLatin1(id.sliced(qstrlen(r.prefix), 12));
    }
    if (isHexId(dir) && (parent == "docker" || parent.startsWith("kubepods") || parent.startsWith("pod")))
        return QStringLiteral("docker-") + QString::fromLatin1(dir.first(12));
    return {};
}

// The line of the unified hierarchy ("0::/..."), else systemd's named v1 hierarchy, else the first.
QByteArrayView chooseLine(QByteArrayView cgroup)
{
    QByteArrayView first;
    QByteArrayView named;
    while (!cgroup.isEmpty()) {
        const qsizetype nl = cgroup.indexOf('\n');
        const QByteArrayView line = nl < 0 ? cgroup : cgroup.first(nl);
        cgroup = nl < 0 ? QByteArrayView() : cgroup.sliced(nl + 1);
        if (line.startsWith("0::"))
            return line.sliced(3);
        const qsizetype colon = line.indexOf(':');
        const qsizetype colon2 = colon < 0 ? -1 : line.indexOf(':', colon + 1);
        if (colon2 < 0)
            continue;
        if (first.isEmpty())
            first = line.sliced(colon2 + 1);
        if (line.sliced(colon + 1, colon2 - colon - 1) == "name=systemd")
            named = line.sliced(colon2 + 1);
    }
    return named.isEmpty() ? first : named;
}
} // namespace

std::optional<ProcPidParser::Stat> ProcPidParser::stat(QByteArrayView text)
{
    // comm may contain ')' itself: the last one closes it (fs/proc/array.c do_task_stat).
    const qsizetype open = text.indexOf('(');
    const qsizetype close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return std::nullopt;
    Stat s;
    s.comm = QString::fromUtf8(text.sliced(open + 1, close - open - 1));
    // Fields 3.. follow "comm) ": starttime is field 22, the 20th after comm.
    QByteArrayView rest = text.sliced(close + 1).trimmed();
    for (int field = 3; field < 22; ++field) {
        const qsizetype sp = rest.indexOf(' ');
        if (sp < 0)
            return std::nullopt;
        rest = rest.sliced(sp + 1);
    }
    const qsizetype end = rest.indexOf(' ');
    bool ok = false;
    s.startTicks = (end < 0 ? rest : rest.first(end)).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return s;
}

quint64 ProcPidParser::socketInode(QByteArrayView link)
{
    if (!link.startsWith("socket:[") || !link.endsWith(']'))
        return 0;
    bool ok = false;
    const quint64 inode = link.sliced(8, link.size() - 9).toULongLong(&ok);
    return ok ? inode : 0;
}

QString ProcPidParser::unit(QByteArrayView cgroup)
{
    const QList<QByteArrayView> dirs = [&] {
        QList<QByteArrayView> out;
        for (QByteArrayView path = chooseLine(cgroup).trimmed(); !path.isEmpty();) {
            const qsizetype slash = path.indexOf('/');
            if (slash != 0)
                out.append(slash < 0 ? path : path.first(slash));
            path = slash < 0 ? QByteArrayView() : path.sliced(slash + 1);
        }
        return out;
    }();
    for (qsizetype i = dirs.size(); i-- > 0;) {
        QString c = container(dirs[i], i > 0 ? dirs[i - 1] : QByteArrayView());
        if (!c.isEmpty())
            return c;
    }
    // The innermost service or scope: "app.service" inside "user@1000.service" names the app.
    for (qsizetype i = dirs.size(); i-- > 0;) {
        if (dirs[i].endsWith(".service") || dirs[i].endsWith(".scope"))
            return QString::fromUtf8(dirs[i]);
    }
    return {};
}
