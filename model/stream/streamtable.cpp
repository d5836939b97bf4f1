#include "stream/streamtable.h"

#include "parse/textlines.h"
#include "stream/streamdeltawriter.h"
#include "stream/streamevents.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StreamTable", text);
}

qint64 seqOf(const StreamFrameDecoder::Sections &s)
{
    bool ok = false;
    const qint64 seq = s.header.value("seq").toLongLong(&ok);
    return ok && seq > 0 ? seq : -1;
}
} // namespace

StreamTable::StreamTable(ProcNetTcpParser::Options options)
    : m_options(options)
{ }

void StreamTable::reset()
{
    m_rows.clear();
    m_header = SnapshotData();
    m_events.reset();
    m_frameEvents.reset();
    m_seq = 0;
    m_synced = false;
    m_lastWasDelta = false;
    m_waitingReported = false;
}

bool StreamTable::feed(const StreamFrame &frame, ProblemList &problems)
{
    const StreamFrameDecoder::Sections s = StreamFrameDecoder::split(frame);
    m_lastWasDelta = s.delta;
    m_frameEvents.reset();
    if (!s.delta) {
        key(s, frame, problems);
        return true;
    }
    return delta(s, frame, problems);
}

void StreamTable::key(const StreamFrameDecoder::Sections &s, const StreamFrame &frame, ProblemList &problems)
{
    SnapshotData d = StreamFrameDecoder::decode(s, frame.number, m_options);
    problems.append(d.problems);
    d.problems = ProblemList();
    m_rows.clear();
    const bool linux = d.os == QLatin1String("Linux");
    if (linux) {
        m_rows.reserve(qsizetype(d.sockets.size()));
        for (const SocketEntry &e : d.sockets)
            m_rows.insert(StreamRowKey::of(e), { e, d.timeMs });
        d.sockets.clear();
    }
    m_header = std::move(d);
    m_seq = seqOf(s);
    m_synced = m_header.status.ok();
    m_waitingReported = false;
    ++m_keyframes;
    const QString where = tr("frame %1").arg(frame.number);
    cookies(s.cookies, where, problems);
    events(s, where, problems);
}

bool StreamTable::delta(const StreamFrameDecoder::Sections &s, const StreamFrame &frame, ProblemList &problems)
{
    const QString where = tr("frame %1").arg(frame.number);
    const qint64 seq = seqOf(s);
    if (!m_synced || seq < 0 || seq != m_seq + 1) {
        if (!m_waitingReported)
            problems.add({ QStringLiteral("stream"), 0,
                tr("%1: a frame before this delta was lost; waiting for the next keyframe").arg(where) });
        m_waitingReported = true;
        m_synced = false;
        m_rows.clear();
        return false;
    }
    m_seq = seq;
    ++m_deltas;
    SnapshotData d;
    StreamFrameDecoder::header(s, frame.number, d);
    problems.append(d.problems);
    m_header.timeMs = d.timeMs;
    m_header.host = d.host;
    m_header.os = d.os;
    m_header.kernel = d.kernel;
    StreamFrameDecoder::sysctls(s, m_header);
    ProcParseResult parsed;
    if (s.hasTcp)
        ProcNetTcpParser::parseInto(
            parsed, s.tcp, AddressFamily::IPv4, where + QStringLiteral(" /proc/net/tcp"), m_options);
    if (s.hasTcp6)
        ProcNetTcpParser::parseInto(
            parsed, s.tcp6, AddressFamily::IPv6, where + QStringLiteral(" /proc/net/tcp6"), m_options);
    problems.append(parsed.problems);
    for (const SocketEntry &e : parsed.sockets)
        m_rows.insert(StreamRowKey::of(e), { e, d.timeMs });
    qint64 bad = 0;
    for (const TextLines::Line &l : TextLines(s.gone)) {
        StreamRowKey k;
        if (StreamRowKey::parse(l.text, k))
            m_rows.remove(k);
        else if (!l.text.trimmed().isEmpty())
            ++bad;
    }
    if (bad > 0)
        problems.add({ QStringLiteral("stream"), 0, tr("%1: %2 malformed @gone line(s) ignored").arg(where).arg(bad) });
    cookies(s.cookies, where, problems);
    events(s, where, problems);
    return true;
}

void StreamTable::cookies(QByteArrayView content, const QString &where, ProblemList &problems)
{
    qint64 bad = 0;
    for (const TextLines::Line &l : TextLines(content)) {
        StreamRowKey k;
        QByteArrayView rest;
        bool ok = StreamRowKey::parse(l.text, k, &rest);
        const quint64 cookie = ok ? rest.toULongLong(&ok) : 0;
        auto it = ok ? m_rows.find(k) : m_rows.end();
        if (it != m_rows.end())
            it->entry.cookie = cookie;
        else if (!ok && !l.text.trimmed().isEmpty())
            ++bad;
    }
    if (bad > 0)
        problems.add(
            { QStringLiteral("stream"), 0, tr("%1: %2 malformed @cookies line(s) ignored").arg(where).arg(bad) });
}

void StreamTable::events(const StreamFrameDecoder::Sections &s, const QString &where, ProblemList &problems)
{
    if (!s.hasEvents)
        return;
    auto frameEvents = std::make_shared<StateEvents>();
    StreamEvents::parse(s.eventsArg, s.events, where, *frameEvents, problems);
    if (!m_events)
        m_events = std::make_shared<StateEvents>();
    m_events->changes.insert(m_events->changes.end(), frameEvents->changes.begin(), frameEvents->changes.end());
    m_events->lostSincePrevious += frameEvents->lostSincePrevious;
    m_events->lostTotal = frameEvents->lostTotal;
    m_frameEvents = std::move(frameEvents);
}

std::shared_ptr<const StateEvents> StreamTable::takeEvents()
{
    return std::exchange(m_events, nullptr);
}

SnapshotData StreamTable::data() const
{
    SnapshotData d = m_header;
    if (d.os != QLatin1String("Linux"))
        return d; // BSD frames are keyframes: their sockets are kept whole
    d.sockets.reserve(size_t(m_rows.size()));
    for (const Row &r : m_rows) {
        SocketEntry e = r.entry;
        const qint64 elapsed = qMax<qint64>(0, d.timeMs - r.sentMs);
        e.timerMs = elapsed >= e.timerMs ? 0 : quint32(e.timerMs - elapsed);
        d.sockets.push_back(e);
    }
    return d;
}

QByteArray StreamTable::keyframe(QByteArrayView owners) const
{
    const Snapshot s = Snapshot(data()).withStateEvents(m_frameEvents);
    return StreamDeltaWriter::keyframe(s, m_seq, owners);
}
