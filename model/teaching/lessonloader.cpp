#include "teaching/lessonloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace {
// States are written as the kernel spells them ("TIME_WAIT"), or as RFC 9293 does ("TIME-WAIT", "CLOSED").
std::optional<TcpState> stateFrom(const QJsonValue &v)
{
    QString name = v.toString().trimmed().toUpper();
    if (name == QLatin1String("CLOSED"))
        return TcpState::Close;
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (name == QLatin1String("SYN_RECEIVED"))
        return TcpState::SynRecv;
    if (name == QLatin1String("FIN_WAIT_1"))
        return TcpState::FinWait1;
    if (name == QLatin1String("FIN_WAIT_2"))
        return TcpState::FinWait2;
    return TcpStates::fromKernelName(name);
}

// A sequence number or timestamp: a whole number in 0..2^32-1 (RFC 9293 §3.4, RFC 7323 §3). Anything
// else sets *bad: converting an out-of-range double to quint32 is undefined behaviour.
std::optional<quint32> number(const QJsonObject &o, QLatin1String key, bool *bad)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!(d >= 0 && d <= 4294967295.0) || d != std::floor(d)) {
        *bad = true;
        return std::nullopt;
    }
    return quint32(d);
}

Status parsePacket(const QJsonObject &o, LessonPacket &p)
{
    const QString from = o.value(QLatin1String("from")).toString();
    if (from == QLatin1String("client"))
        p.from = LessonPacket::Endpoint::Client;
    else if (from == QLatin1String("server"))
        p.from = LessonPacket::Endpoint::Server;
    else
        return Status::failure(QStringLiteral("packet \"from\" must be \"client\" or \"server\""));
    p.flags = o.value(QLatin1String("flags")).toString();
    bool bad = false;
    p.seq = number(o, QLatin1String("seq"), &bad);
    p.ack = number(o, QLatin1String("ack"), &bad);
    p.tsval = number(o, QLatin1String("tsval"), &bad);
    p.tsecr = number(o, QLatin1String("tsecr"), &bad);
    if (bad)
        return Status::failure(
            QStringLiteral("packet seq, ack, tsval and tsecr must be whole numbers 0 to 4294967295"));
    p.length = o.value(QLatin1String("len")).toInt();
    p.lost = o.value(QLatin1String("lost")).toBool();
    p.inFlight = o.value(QLatin1String("inFlight")).toBool();
    p.note = o.value(QLatin1String("note")).toString();
    return {};
}
} // namespace

Expected<Lesson> LessonLoader::parse(const QByteArray &json, const QString &id)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject()) {
        return Status::failure(QStringLiteral("%1: not a JSON object (%2)").arg(id, pe.errorString()));
    }
    const QJsonObject root = doc.object();
    Lesson l;
    l.id = id;
    l.title = root.value(QLatin1String("title")).toString();
    l.summary = root.value(QLatin1String("summary")).toString();
    l.order = root.value(QLatin1String("order")).toInt(100);
    l.clientLabel = root.value(QLatin1String("clientLabel")).toString(l.clientLabel);
    l.serverLabel = root.value(QLatin1String("serverLabel")).toString(l.serverLabel);
    l.lab = root.value(QLatin1String("lab")).toString();
    l.labCount = root.value(QLatin1String("labCount")).toInt(1);
    for (const auto &r : root.value(QLatin1String("references")).toArray())
        l.references.append(r.toString());
    const QJsonObject start = root.value(QLatin1String("start")).toObject();
    const auto cs = stateFrom(start.value(QLatin1String("client")));
    const auto ss = stateFrom(start.value(QLatin1String("server")));
    if (!cs || !ss) {
        return Status::failure(QStringLiteral("%1: \"start\" needs a client and a server state").arg(id));
    }
    l.clientStart = *cs;
    l.serverStart = *ss;
    const QJsonArray steps = root.value(QLatin1String("steps")).toArray();
    for (int i = 0; i < steps.size(); ++i) {
        const QJsonObject so = steps.at(i).toObject();
        LessonStep s;
        s.title = so.value(QLatin1String("title")).toString();
        s.narration = so.value(QLatin1String("narration")).toString();
        s.reference = so.value(QLatin1String("reference")).toString();
        s.time = so.value(QLatin1String("time")).toString();
        s.clientLabel = so.value(QLatin1String("clientLabel")).toString();
        s.serverLabel = so.value(QLatin1String("serverLabel")).toString();
        const auto c = stateFrom(so.value(QLatin1String("client")));
        const auto sv = stateFrom(so.value(QLatin1String("server")));
        if (!c || !sv) {
            return Status::failure(
                QStringLiteral("%1: step %2: unknown or missing client/server state").arg(id).arg(i + 1));
        }
        s.client = *c;
        s.server = *sv;
        for (const auto &pv : so.value(QLatin1String("packets")).toArray()) {
            LessonPacket p;
            if (const Status packet = parsePacket(pv.toObject(), p); !packet.ok())
                return Status::failure(QStringLiteral("%1: step %2: %3").arg(id).arg(i + 1).arg(packet.error()));
            s.packets.append(p);
        }
        l.steps.append(s);
    }
    return l;
}

Expected<Lesson> LessonLoader::loadFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return Status::failure(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    }
    const QByteArray json = f.read(MaxFileBytes + 1);
    if (json.size() > MaxFileBytes) {
        return Status::failure(
            QStringLiteral("%1 is larger than %2 KiB; not a lesson file?").arg(path).arg(MaxFileBytes >> 10));
    }
    return parse(json, QFileInfo(path).completeBaseName());
}

Expected<Lesson> LessonLoader::load(const QString &idOrPath)
{
    if (idOrPath.endsWith(QLatin1String(".json")))
        return loadFile(idOrPath);
    const QString path = builtinDirectory() + QLatin1Char('/') + idOrPath + QLatin1String(".json");
    if (!QFile::exists(path)) {
        return Status::failure(QStringLiteral("no lesson named '%1' (try --list-lessons)").arg(idOrPath));
    }
    return loadFile(path);
}

QList<Lesson> LessonLoader::builtinLessons()
{
    QList<Lesson> out;
    const QStringList files = QDir(builtinDirectory()).entryList({ QStringLiteral("*.json") }, QDir::Files);
    for (const QString &f : files) {
        if (const Expected<Lesson> l = loadFile(builtinDirectory() + QLatin1Char('/') + f); l.ok())
            out.append(*l);
    }
    std::stable_sort(out.begin(), out.end(),
        [](const Lesson &a, const Lesson &b) { return a.order != b.order ? a.order < b.order : a.id < b.id; });
    return out;
}

QStringList LessonLoader::builtinIds()
{
    QStringList ids;
    for (const Lesson &l : builtinLessons())
        ids.append(l.id);
    return ids;
}
