#include "teaching/lessonloader.h"

#include "teaching/lessontext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("LessonLoader", text);
}

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

Status parsePacket(const QJsonObject &o, const QString &language, LessonPacket &p)
{
    const LessonText text(o, language);
    if (Status translated = text.check(); !translated.ok())
        return translated;
    const QString from = o.value(QLatin1String("from")).toString();
    if (from == QLatin1String("client"))
        p.from = LessonPacket::Endpoint::Client;
    else if (from == QLatin1String("server"))
        p.from = LessonPacket::Endpoint::Server;
    else
        return Status::failure(
            QCoreApplication::translate("LessonLoader", "packet \"from\" must be \"client\" or \"server\""));
    p.flags = o.value(QLatin1String("flags")).toString();
    bool bad = false;
    p.seq = number(o, QLatin1String("seq"), &bad);
    p.ack = number(o, QLatin1String("ack"), &bad);
    p.tsval = number(o, QLatin1String("tsval"), &bad);
    p.tsecr = number(o, QLatin1String("tsecr"), &bad);
    if (bad)
        return Status::failure(QCoreApplication::translate(
            "LessonLoader", "packet seq, ack, tsval and tsecr must be whole numbers 0 to 4294967295"));
    p.length = o.value(QLatin1String("len")).toInt();
    p.lost = o.value(QLatin1String("lost")).toBool();
    p.inFlight = o.value(QLatin1String("inFlight")).toBool();
    p.note = text.value(QLatin1String("note"));
    return {};
}

// Parses every object of an array into out; an error names the item: "packet 2: zh_TW.note must be a string".
template<typename T, typename Parse>
Status parseEach(const QJsonArray &array, const QString &item, const QString &language, Parse parse, QList<T> &out)
{
    for (int i = 0; i < array.size(); ++i) {
        T value;
        if (const Status parsed = parse(array.at(i).toObject(), language, value); !parsed.ok())
            return Status::failure(QStringLiteral("%1 %2: %3").arg(item).arg(i + 1).arg(parsed.error()));
        out.append(value);
    }
    return {};
}

// One step; an error ("zh_TW.narration must be a string") leaves the step number to parseEach.
Status parseStep(const QJsonObject &so, const QString &language, LessonStep &s)
{
    const LessonText text(so, language);
    if (Status translated = text.check(); !translated.ok())
        return translated;
    s.title = text.value(QLatin1String("title"));
    s.narration = text.value(QLatin1String("narration"));
    s.reference = so.value(QLatin1String("reference")).toString();
    s.time = text.value(QLatin1String("time"));
    s.clientLabel = text.value(QLatin1String("clientLabel"));
    s.serverLabel = text.value(QLatin1String("serverLabel"));
    const auto c = stateFrom(so.value(QLatin1String("client")));
    const auto sv = stateFrom(so.value(QLatin1String("server")));
    if (!c || !sv)
        return Status::failure(QCoreApplication::translate("LessonLoader", "unknown or missing client/server state"));
    s.client = *c;
    s.server = *sv;
    return parseEach(so.value(QLatin1String("packets")).toArray(),
        QCoreApplication::translate("LessonLoader", "packet"), language, parsePacket, s.packets);
}
} // namespace

Expected<Lesson> LessonLoader::parse(const QByteArray &json, const QString &id, const QString &language)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject()) {
        return Status::failure(tr("%1: not a JSON object (%2)").arg(id, pe.errorString()));
    }
    const QJsonObject root = doc.object();
    const LessonText text(root, language);
    if (const Status translated = text.check(); !translated.ok())
        return Status::failure(QStringLiteral("%1: %2").arg(id, translated.error()));
    Lesson l;
    l.id = id;
    l.title = text.value(QLatin1String("title"));
    l.summary = text.value(QLatin1String("summary"));
    l.order = root.value(QLatin1String("order")).toInt(100);
    l.clientLabel = text.value(QLatin1String("clientLabel"), LessonText::defaultClientLabel(language));
    l.serverLabel = text.value(QLatin1String("serverLabel"), LessonText::defaultServerLabel(language));
    l.lab = root.value(QLatin1String("lab")).toString();
    l.labCount = root.value(QLatin1String("labCount")).toInt(1);
    for (const auto &r : root.value(QLatin1String("references")).toArray())
        l.references.append(r.toString());
    const QJsonObject start = root.value(QLatin1String("start")).toObject();
    const auto cs = stateFrom(start.value(QLatin1String("client")));
    const auto ss = stateFrom(start.value(QLatin1String("server")));
    if (!cs || !ss) {
        return Status::failure(tr("%1: \"start\" needs a client and a server state").arg(id));
    }
    l.clientStart = *cs;
    l.serverStart = *ss;
    const Status steps
        = parseEach(root.value(QLatin1String("steps")).toArray(), tr("step"), language, parseStep, l.steps);
    if (!steps.ok())
        return Status::failure(QStringLiteral("%1: %2").arg(id, steps.error()));
    return l;
}

Expected<Lesson> LessonLoader::loadFile(const QString &path, const QString &language)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return Status::failure(tr("cannot read %1: %2").arg(path, f.errorString()));
    }
    const QByteArray json = f.read(MaxFileBytes + 1);
    if (json.size() > MaxFileBytes) {
        return Status::failure(tr("%1 is larger than %2 KiB; not a lesson file?").arg(path).arg(MaxFileBytes >> 10));
    }
    return parse(json, QFileInfo(path).completeBaseName(), language);
}

Expected<Lesson> LessonLoader::load(const QString &idOrPath, const QString &language)
{
    if (idOrPath.endsWith(QLatin1String(".json")))
        return loadFile(idOrPath, language);
    const QString path = builtinDirectory() + QLatin1Char('/') + idOrPath + QLatin1String(".json");
    if (!QFile::exists(path)) {
        return Status::failure(tr("no lesson named '%1' (try --list-lessons)").arg(idOrPath));
    }
    return loadFile(path, language);
}

QList<Lesson> LessonLoader::builtinLessons(const QString &language)
{
    QList<Lesson> out;
    const QStringList files = QDir(builtinDirectory()).entryList({ QStringLiteral("*.json") }, QDir::Files);
    for (const QString &f : files) {
        if (const Expected<Lesson> l = loadFile(builtinDirectory() + QLatin1Char('/') + f, language); l.ok())
            out.append(*l);
    }
    std::stable_sort(out.begin(), out.end(),
        [](const Lesson &a, const Lesson &b) { return a.order != b.order ? a.order < b.order : a.id < b.id; });
    return out;
}

QStringList LessonLoader::builtinIds()
{
    QStringList ids;
    for (const Lesson &l : builtinLessons(LessonText::english())) // the order does not depend on the language
        ids.append(l.id);
    return ids;
}
