#include "teaching/labsession.h"

#include <QCoreApplication>

#include <sys/socket.h>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("LabSession", text);
}

struct PatternInfo
{
    LabSession::Pattern pattern;
    const char *name;
    const char *description;
};

constexpr PatternInfo patterns[] = {
    { LabSession::Pattern::ClientFirst, "client-first",
        QT_TRANSLATE_NOOP("LabSession",
            "The client closes first: CLOSE_WAIT on the server until it closes, then TIME_WAIT on the client.") },
    { LabSession::Pattern::ServerFirst, "server-first",
        QT_TRANSLATE_NOOP("LabSession",
            "The server closes first: CLOSE_WAIT on the client until it closes, then TIME_WAIT on the server port.") },
    { LabSession::Pattern::Simultaneous, "simultaneous",
        QT_TRANSLATE_NOOP("LabSession",
            "Both ends send FIN before either is acknowledged. Only the client passes CLOSING; the server goes "
            "FIN_WAIT1 -> FIN_WAIT2 -> TIME_WAIT, because the client ACKs its FIN. Both end in TIME_WAIT.") },
    { LabSession::Pattern::HalfClose, "half-close",
        QT_TRANSLATE_NOOP("LabSession",
            "The client shuts down writing but keeps reading: FIN_WAIT2 / CLOSE_WAIT while the server still "
            "sends, then TIME_WAIT on the client.") },
    { LabSession::Pattern::Reset, "rst",
        QT_TRANSLATE_NOOP("LabSession", "The client aborts with SO_LINGER 0: an RST, no TIME_WAIT on either end.") },
    { LabSession::Pattern::Burst, "burst",
        QT_TRANSLATE_NOOP("LabSession",
            "N short connections, each closed by the client first: N TIME_WAIT sockets counting down from 60 s.") },
};

const PatternInfo &info(LabSession::Pattern p)
{
    for (const PatternInfo &i : patterns) {
        if (i.pattern == p)
            return i;
    }
    return patterns[0];
}
} // namespace

std::optional<LabSession::Pattern> LabSession::parse(QStringView name)
{
    for (const PatternInfo &i : patterns) {
        if (name.compare(QLatin1String(i.name), Qt::CaseInsensitive) == 0)
            return i.pattern;
    }
    if (name.compare(QLatin1String("reset"), Qt::CaseInsensitive) == 0)
        return Pattern::Reset;
    return std::nullopt;
}

QString LabSession::name(Pattern p)
{
    return QLatin1String(info(p).name);
}

QStringList LabSession::names()
{
    QStringList out;
    for (const PatternInfo &i : patterns)
        out.append(QLatin1String(i.name));
    return out;
}

QString LabSession::description(Pattern p)
{
    return QCoreApplication::translate("LabSession", info(p).description);
}

LabSession::LabSession(Pattern pattern, int count, AddressFamily family)
    : m_pattern(pattern)
    , m_count(qMax(1, count))
    , m_lab(family)
{ }

Status LabSession::open()
{
    if (m_pattern == Pattern::Simultaneous || m_pattern == Pattern::Burst)
        return {}; // both open their connections in closeFirst (simultaneous needs its own listener)
    const Expected<quint16> port = m_lab.listen();
    if (!port.ok())
        return port.status();
    m_port = *port;
    for (int i = 0; i < m_count; ++i) {
        LoopbackLab::Endpoints p;
        if (Status opened = m_lab.openPair(p); !opened.ok())
            return opened;
        m_pairs.push_back(p);
    }
    return {};
}

Status LabSession::closeFirst()
{
    switch (m_pattern) {
    case Pattern::ClientFirst:
        for (const auto &p : m_pairs)
            m_lab.closeFd(p.client); // FIN: client FIN_WAIT1 -> FIN_WAIT2, server CLOSE_WAIT
        return {};
    case Pattern::ServerFirst:
        for (const auto &p : m_pairs)
            m_lab.closeFd(p.server);
        return {};
    case Pattern::HalfClose:
        for (const auto &p : m_pairs) {
            if (Status shut = m_lab.shutdownWrite(p.client); !shut.ok())
                return shut;
            // The server's direction stays open: it can still send after reading the client's FIN.
            static const char reply[] = "still sending after your FIN\n";
            ::send(p.server, reply, sizeof reply - 1, MSG_NOSIGNAL);
        }
        return {};
    case Pattern::Reset:
        for (const auto &p : m_pairs)
            m_lab.abort(p.client);
        return {};
    case Pattern::Simultaneous: {
        Status closed = m_lab.simultaneousClose(m_count, false, &m_pairs);
        m_port = m_lab.lastListenPort();
        return closed;
    }
    case Pattern::Burst: {
        const Expected<quint16> port = m_lab.listen();
        Status closed = port.ok() ? m_lab.clientClosesFirst(m_count) : port.status();
        m_port = m_lab.lastListenPort();
        return closed;
    }
    }
    return Status::failure(tr("unknown lab pattern"));
}

Status LabSession::closeSecond()
{
    bool ok = true;
    for (const auto &p : m_pairs) {
        switch (m_pattern) {
        case Pattern::ClientFirst:
            ok = LoopbackLab::readToEof(p.server) && ok;
            m_lab.closeFd(p.server); // CLOSE_WAIT -> LAST_ACK -> CLOSED; the client goes TIME_WAIT
            break;
        case Pattern::ServerFirst:
            ok = LoopbackLab::readToEof(p.client) && ok;
            m_lab.closeFd(p.client);
            break;
        case Pattern::HalfClose:
            m_lab.closeFd(p.server); // LAST_ACK; the client, in FIN_WAIT2, goes TIME_WAIT
            ok = LoopbackLab::readToEof(p.client) && ok;
            m_lab.closeFd(p.client);
            break;
        case Pattern::Reset:
            m_lab.closeFd(p.server); // already CLOSED by the RST
            break;
        case Pattern::Simultaneous:
            ok = LoopbackLab::readToEof(p.server) && ok; // opens the window: the client's FIN goes out
            m_lab.closeFd(p.server);
            m_lab.closeFd(p.client);
            break;
        case Pattern::Burst:
            break;
        }
    }
    m_pairs.clear();
    if (!ok)
        return Status::failure(tr("the other side's FIN did not arrive within 5 s"));
    return {};
}

Status LabSession::run()
{
    Status s = open();
    if (s.ok())
        s = closeFirst();
    if (s.ok())
        s = closeSecond();
    return s;
}

bool LabSession::owns(const SocketEntry &s) const
{
    return m_port != 0 && (s.localPort == m_port || s.remotePort == m_port);
}
