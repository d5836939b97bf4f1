#include "stream/streamdeltawriter.h"

#include "stream/proclineformatter.h"
#include "stream/streamevents.h"
#include "stream/streamframewriter.h"

namespace {
struct Tables
{
    QByteArray v4 { ProcLineFormatter::header(AddressFamily::IPv4).toByteArray() };
    QByteArray v6 { ProcLineFormatter::header(AddressFamily::IPv6).toByteArray() };
    QByteArray cookies;
    int rows4 = 0, rows6 = 0;

    void add(const SocketEntry &e)
    {
        const bool v4Row = e.family == AddressFamily::IPv4;
        ProcLineFormatter::append(v4Row ? v4 : v6, e, v4Row ? rows4++ : rows6++);
        if (e.cookie != 0)
            cookies += ProcLineFormatter::key(e) + ' ' + QByteArray::number(e.cookie) + '\n';
    }
    void write(StreamFrameWriter &w, bool key) const
    {
        if (key || rows4 > 0)
            w.section("tcp", v4);
        if (key || rows6 > 0)
            w.section("tcp6", v6);
    }
};

void header(StreamFrameWriter &w, const Snapshot &s, qint64 seq, bool delta)
{
    w.begin(s.host(), s.timeMs(), s.os().isEmpty() ? QStringLiteral("Linux") : s.os(), s.kernel());
    w.field("seq", QByteArray::number(seq));
    if (delta)
        w.field("delta");
}

void sysctl(StreamFrameWriter &w, const QString &name, const QString &value)
{
    w.section("sysctl", QByteArray(value.toUtf8() + '\n'), name.toLatin1());
}

void tail(StreamFrameWriter &w, const Snapshot &s, const QByteArray &cookies, QByteArrayView owners)
{
    if (!cookies.isEmpty())
        w.section("cookies", cookies);
    if (const StateEvents *events = s.stateEvents()) {
        QByteArray e;
        StreamEvents::append(e, *events);
        w.raw(e);
    }
    w.raw(owners);
}
} // namespace

StreamDeltaWriter::StreamDeltaWriter(int keyEvery)
    : m_keyEvery(qMax(1, keyEvery))
{ }

StreamDeltaWriter::Sent StreamDeltaWriter::sent(const SocketEntry &e, quint64 generation)
{
    return { e.txQueue, e.rxQueue, e.timerMs, e.retransmits, e.uid, e.probes, e.cookie, generation, e.state, e.timer };
}

bool StreamDeltaWriter::changed(const Sent &was, const SocketEntry &e)
{
    // A timer armed later than the one sent (re-armed) is sent again; one counting down is not.
    return was.state != e.state || was.txQueue != e.txQueue || was.rxQueue != e.rxQueue || was.timer != e.timer
        || was.retransmits != e.retransmits || was.uid != e.uid || was.probes != e.probes || was.cookie != e.cookie
        || e.timerMs > was.timerMs;
}

void StreamDeltaWriter::sysctls(StreamFrameWriter &w, const Snapshot &snapshot, bool key)
{
    const QMap<QString, QString> &now = snapshot.tunables().values();
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (!key && m_sysctls.value(it.key()) == it.value() && m_sysctls.contains(it.key()))
            continue;
        sysctl(w, it.key(), it.value());
    }
    m_sysctls = now;
}

QByteArray StreamDeltaWriter::frame(const Snapshot &snapshot, QByteArrayView owners)
{
    const bool key = nextIsKey();
    m_sinceKey = key ? 0 : m_sinceKey + 1;
    ++m_generation;
    StreamFrameWriter w;
    header(w, snapshot, ++m_seq, !key);
    Tables t;
    for (const SocketEntry &e : snapshot.sockets()) {
        auto it = m_sent.find(StreamRowKey::of(e));
        if (it == m_sent.end()) {
            m_sent.insert(StreamRowKey::of(e), sent(e, m_generation));
            t.add(e);
            continue;
        }
        if (key || changed(*it, e)) {
            *it = sent(e, m_generation);
            t.add(e);
        }
        it->generation = m_generation;
    }
    t.write(w, key);
    QByteArray gone;
    for (auto it = m_sent.begin(); it != m_sent.end();) {
        if (it->generation == m_generation) {
            ++it;
            continue;
        }
        if (!key) {
            SocketEntry e;
            e.family = it.key().family;
            e.localAddr = it.key().local;
            e.remoteAddr = it.key().remote;
            e.localPort = it.key().localPort;
            e.remotePort = it.key().remotePort;
            e.inode = it.key().inode;
            gone += ProcLineFormatter::key(e) + '\n';
        }
        it = m_sent.erase(it);
    }
    if (!gone.isEmpty())
        w.section("gone", gone);
    sysctls(w, snapshot, key);
    tail(w, snapshot, t.cookies, owners);
    return w.end();
}

QByteArray StreamDeltaWriter::keyframe(const Snapshot &snapshot, qint64 seq, QByteArrayView owners)
{
    StreamFrameWriter w;
    header(w, snapshot, seq, false);
    Tables t;
    for (const SocketEntry &e : snapshot.sockets())
        t.add(e);
    t.write(w, true);
    const QMap<QString, QString> &now = snapshot.tunables().values();
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        sysctl(w, it.key(), it.value());
    tail(w, snapshot, t.cookies, owners);
    return w.end();
}
