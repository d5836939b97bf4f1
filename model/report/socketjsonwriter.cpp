#include "report/socketjsonwriter.h"

#include <QJsonDocument>

#include <arpa/inet.h>
#include <cstdio>

namespace {
void appendEndpoint(QByteArray &out, AddressFamily family, const std::array<quint8, 16> &addr, quint16 port)
{
    char host[INET6_ADDRSTRLEN] = "?";
    inet_ntop(family == AddressFamily::IPv4 ? AF_INET : AF_INET6, addr.data(), host, sizeof host);
    char buf[INET6_ADDRSTRLEN + 16];
    const char *open = family == AddressFamily::IPv6 ? "[" : "";
    const char *close = family == AddressFamily::IPv6 ? "]" : "";
    const int n = port == 0 ? std::snprintf(buf, sizeof buf, "\"%s%s%s:*\"", open, host, close)
                            : std::snprintf(buf, sizeof buf, "\"%s%s%s:%u\"", open, host, close, unsigned(port));
    out.append(buf, n);
}

void appendMember(QByteArray &out, const char *name)
{
    out.append(",\"").append(name).append("\":");
}

void appendOwner(QByteArray &out, const ProcessOwner *owner, bool remembered)
{
    if (!owner) {
        out.append("null");
        return;
    }
    out.append("{\"pid\":").append(QByteArray::number(owner->pid));
    appendMember(out, "name");
    SocketJsonWriter::appendString(out, owner->name);
    appendMember(out, "user");
    SocketJsonWriter::appendString(out, owner->user);
    appendMember(out, "unit");
    if (owner->unit.isEmpty())
        out.append("null");
    else
        SocketJsonWriter::appendString(out, owner->unit);
    appendMember(out, "remembered");
    out.append(remembered ? "true}" : "false}");
}
} // namespace

void SocketJsonWriter::appendString(QByteArray &out, const QString &text)
{
    out.append('"');
    for (const char c : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (u < 0x20) {
            char esc[8];
            out.append(esc, std::snprintf(esc, sizeof esc, "\\u%04x", unsigned(u)));
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

void SocketJsonWriter::appendSocket(QByteArray &out, const SocketEntry &s, const ProcessOwner *owner, bool remembered)
{
    out.append(s.family == AddressFamily::IPv4 ? "{\"family\":\"ipv4\"" : "{\"family\":\"ipv6\"");
    appendMember(out, "local");
    appendEndpoint(out, s.family, s.localAddr, s.localPort);
    appendMember(out, "remote");
    appendEndpoint(out, s.family, s.remoteAddr, s.remotePort);
    appendMember(out, "state");
    appendString(out, TcpStates::kernelName(s.state));
    appendMember(out, "timer");
    appendString(out, TimerKinds::ssName(s.timer));
    char buf[160];
    // inode as a string: 64-bit values stay exact in every JSON reader.
    out.append(buf,
        std::snprintf(buf, sizeof buf,
            ",\"timerMs\":%lld,\"sendQ\":%lld,\"recvQ\":%lld,\"retransmits\":%lld,\"uid\":%lld,\"inode\":\"%llu\"",
            qlonglong(s.timerMs), qlonglong(s.txQueue), qlonglong(s.rxQueue), qlonglong(s.retransmits),
            qlonglong(s.uid), qulonglong(s.inode)));
    appendMember(out, "orphan");
    out.append(s.isOrphan() ? "true" : "false");
    appendMember(out, "process");
    appendOwner(out, owner, remembered);
    out.append('}');
}

void SocketJsonWriter::appendArray(QByteArray &out, const Snapshot &snapshot, int indent)
{
    const QByteArray pad(indent + 4, ' ');
    const SocketOwners *owners = snapshot.owners();
    const std::vector<SocketEntry> &sockets = snapshot.sockets();
    out.reserve(out.size() + qsizetype(sockets.size()) * 300);
    out.append('[');
    for (size_t i = 0; i < sockets.size(); ++i) {
        out.append(i == 0 ? "\n" : ",\n").append(pad);
        const ProcessOwnerPtr *owner = owners ? owners->at(i) : nullptr;
        appendSocket(out, sockets[i], owner ? owner->get() : nullptr, false);
    }
    if (!sockets.empty())
        out.append('\n').append(QByteArray(indent, ' '));
    out.append(']');
}

QByteArray SocketJsonWriter::document(const QJsonObject &withoutSockets, const Snapshot &snapshot)
{
    QByteArray out = QJsonDocument(withoutSockets).toJson(QJsonDocument::Indented);
    // Indented output ends with "\n}\n": the sockets go in as the last member.
    const qsizetype end = out.lastIndexOf('}');
    out.truncate(end);
    while (out.endsWith('\n'))
        out.chop(1);
    out.append(withoutSockets.isEmpty() ? "\n    \"sockets\": " : ",\n    \"sockets\": ");
    appendArray(out, snapshot, 4);
    out.append("\n}\n");
    return out;
}
