#include "stream/streamframedecoder.h"

#include "parse/bsdsnapshot.h"
#include "parse/sysctlparser.h"

#include <QCoreApplication>
#include <QDateTime>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("StreamFrameDecoder", text);
}

QString text(const QByteArray &v, qsizetype max = 256)
{
    return QString::fromUtf8(v.first(qMin(v.size(), max)));
}
} // namespace

StreamFrameDecoder::Sections StreamFrameDecoder::split(const StreamFrame &frame)
{
    Sections s;
    QByteArray *target = nullptr;
    QByteArray sysctlName;
    QByteArray sysctlValue;
    auto flushSysctl = [&] {
        if (!sysctlName.isEmpty())
            s.sysctls.insert(QString::fromLatin1(sysctlName), sysctlValue);
        sysctlName.clear();
        sysctlValue.clear();
    };
    QByteArrayView rest(frame.text);
    while (!rest.isEmpty()) {
        qsizetype nl = rest.indexOf('\n');
        if (nl < 0)
            nl = rest.size();
        QByteArrayView l = rest.first(nl);
        rest = rest.sliced(qMin(nl + 1, rest.size()));
        if (l.startsWith("@@")) {
            l = l.sliced(1); // an escaped content line
        } else if (l.startsWith('@')) {
            flushSysctl();
            target = nullptr;
            const qsizetype sp = l.indexOf(' ');
            const QByteArrayView tag = sp < 0 ? l.sliced(1) : l.sliced(1, sp - 1);
            const QByteArrayView arg = sp < 0 ? QByteArrayView() : l.sliced(sp + 1).trimmed();
            if (tag == "tcp") {
                s.hasTcp = true;
                target = &s.tcp;
            } else if (tag == "tcp6") {
                s.hasTcp6 = true;
                target = &s.tcp6;
            } else if (tag == "netstat") {
                s.hasNetstat = true;
                target = &s.netstat;
            } else if (tag == "bsd-sysctl") {
                target = &s.bsdSysctl;
            } else if (tag == "delta") {
                s.delta = true;
            } else if (tag == "gone") {
                target = &s.gone;
            } else if (tag == "cookies") {
                target = &s.cookies;
            } else if (tag == "events") {
                s.hasEvents = true;
                s.eventsArg = arg.toByteArray();
                target = &s.events;
            } else if (tag == "owners") {
                // Read across frames by StreamOwners (an "unchanged" frame needs the last table).
            } else if (tag == "sysctl") {
                sysctlName = arg.toByteArray();
                target = &sysctlValue;
            } else if (tag == "host" || tag == "time" || tag == "os" || tag == "kernel" || tag == "tcpscope"
                || tag == "seq" || tag == "end") {
                s.header.insert(tag.toByteArray(), arg.toByteArray());
            } else {
                ++s.unknownSections; // a newer producer: ignore what we do not know
            }
            continue;
        }
        if (target) {
            target->append(l);
            target->append('\n');
        }
    }
    flushSysctl();
    return s;
}

SnapshotData StreamFrameDecoder::decode(const StreamFrame &frame, const ProcNetTcpParser::Options &options)
{
    return decode(split(frame), frame.number, options);
}

void StreamFrameDecoder::header(const Sections &s, qint64 number, SnapshotData &d)
{
    d.host = text(s.header.value("host"));
    d.kernel = text(s.header.value("kernel"));
    const QByteArray os = s.header.value("os");
    d.os = os.isEmpty() ? QStringLiteral("Linux") : text(os, 32);
    bool ok = false;
    d.timeMs = s.header.value("time").toLongLong(&ok);
    if (!ok || d.timeMs <= 0) {
        d.problems.add({ QStringLiteral("stream"), 0,
            tr("frame %1").arg(number) + QLatin1String(": ") + tr("no valid @time; using the time it arrived") });
        d.timeMs = QDateTime::currentMSecsSinceEpoch();
    }
}

void StreamFrameDecoder::sysctls(const Sections &s, SnapshotData &d)
{
    for (auto it = s.sysctls.cbegin(); it != s.sysctls.cend(); ++it) {
        if (it.key().size() > 128)
            continue;
        d.tunables.set(it.key(), SysctlParser::parseLinuxValue(it.value()));
    }
}

SnapshotData StreamFrameDecoder::decode(const Sections &s, qint64 number, const ProcNetTcpParser::Options &options)
{
    SnapshotData d;
    const QString where = tr("frame %1").arg(number);
    auto problem = [&](const QString &m) {
        d.problems.add({ QStringLiteral("stream"), 0, where + QLatin1String(": ") + m });
    };
    header(s, number, d);
    const QByteArray os = s.header.value("os");
    if (s.unknownSections > 0)
        problem(tr("%1 unknown section(s) ignored (written by a newer producer?)").arg(s.unknownSections));

    if (d.os != QLatin1String("Linux")) {
        // FreeBSD and macOS frames carry netstat and sysctl text (docs/stream-format.md).
        if (!s.hasNetstat) {
            d.status = Status::failure(where + tr(": no @netstat section in a %1 frame").arg(d.os));
            return d;
        }
        BsdSnapshot::Input in;
        in.netstat = s.netstat;
        in.sysctl = s.bsdSysctl;
        const QByteArray uname = os + ' ' + s.header.value("host") + ' ' + s.header.value("kernel");
        in.uname = uname;
        in.timeMs = d.timeMs;
        SnapshotData bsd = BsdSnapshot::build(in);
        d.sockets = std::move(bsd.sockets);
        d.tunables = std::move(bsd.tunables);
        for (const Problem &p : bsd.problems.items())
            d.problems.add({ p.source, p.line, where + QLatin1String(": ") + p.message });
        return d;
    }
    if (!s.hasTcp) {
        d.status = Status::failure(where + tr(": no /proc/net/tcp section"));
        return d;
    }
    ProcParseResult parsed;
    ProcNetTcpParser::parseInto(parsed, s.tcp, AddressFamily::IPv4, where + QStringLiteral(" /proc/net/tcp"), options);
    if (s.hasTcp6)
        ProcNetTcpParser::parseInto(
            parsed, s.tcp6, AddressFamily::IPv6, where + QStringLiteral(" /proc/net/tcp6"), options);
    d.sockets = std::move(parsed.sockets);
    d.problems.append(parsed.problems);
    sysctls(s, d);
    return d;
}
