#include "report/eventtext.h"

#include <QDateTime>

namespace {
constexpr int EndpointWidth = 21; // "255.255.255.255:65535"; IPv6 endpoints overflow rather than pad every line
constexpr int StateWidth = 11; // "ESTABLISHED"

QString columns(const QString &time, const QString &local, const QString &remote, const QString &from,
    const QString &to, const QString &process)
{
    return QStringLiteral("%1 %2 %3 %4 -> %5 %6")
        .arg(time, -12)
        .arg(local, -EndpointWidth)
        .arg(remote, -EndpointWidth)
        .arg(from, -StateWidth)
        .arg(to, -StateWidth)
        .arg(process);
}
} // namespace

QString EventText::header()
{
    return QStringLiteral("# * remembered: the process held the socket before it lost its inode (TIME_WAIT, "
                          "orphan)\n"
                          "# via: the states between two polls, observed (eBPF) or inferred (the state machine)\n")
        + columns(QStringLiteral("TIME"), QStringLiteral("LOCAL"), QStringLiteral("REMOTE"), QStringLiteral("FROM"),
            QStringLiteral("TO"), QStringLiteral("PROCESS"))
        + QLatin1Char('\n');
}

QString EventText::line(const EventRecord &event)
{
    QString process = event.owner ? event.owner->label() : QStringLiteral("-");
    if (event.owner && event.remembered)
        process += QLatin1Char('*');
    if (event.path.size() > 2) {
        process += QStringLiteral("  via");
        for (qsizetype i = 1; i + 1 < event.path.size(); ++i)
            process += QLatin1Char(' ') + TcpStates::kernelName(event.path[i]);
        process += event.seen == EventRecord::Seen::Observed ? QStringLiteral(" (observed)")
                                                             : QStringLiteral(" (inferred)");
    }
    const QString time = QDateTime::fromMSecsSinceEpoch(event.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    return columns(time, event.entry.localText(), event.entry.remoteText(), TcpStates::kernelName(event.from),
               TcpStates::kernelName(event.to), process)
        + QLatin1Char('\n');
}
