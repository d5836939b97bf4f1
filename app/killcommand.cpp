#include "killcommand.h"

#include "appoptions.h"
#include "core/socketowners.h"
#include "endconnectionjob.h"
#include "snapshotcommand.h"
#include "sources/sourcefactory.h"
#include "table/connectiontableview.h"

#include <QCoreApplication>

#include <cstdio>

namespace {
// Listening sockets and minisockets have no connection to end, as in the window's context menu.
bool endable(const SocketEntry &e)
{
    return ConnectionTableView::whyNotEndable(e).isEmpty();
}

QString line(const Snapshot &s, size_t i)
{
    const SocketEntry &e = s.sockets()[i];
    QString owner;
    if (const SocketOwners *o = s.owners()) {
        if (const ProcessOwnerPtr *p = o->at(i); p && *p)
            owner = QStringLiteral("  %1 (pid %2)").arg((*p)->name).arg((*p)->pid);
    }
    return QStringLiteral("%1 -> %2  %3%4").arg(e.localText(), e.remoteText(), TcpStates::ssName(e.state), owner);
}
} // namespace

int KillCommand::run(const AppOptions &options)
{
    if (options.filterExpression.isEmpty()) {
        std::fprintf(stderr, "tcpscope: --kill needs a filter, e.g. --kill 'dport = :8080' (ss(8) syntax)\n");
        return 2;
    }
#ifndef Q_OS_LINUX
    std::fprintf(stderr, "tcpscope: --kill uses netlink SOCK_DESTROY, which only Linux has\n");
    return 1;
#else
    SourceSpec spec = options.source;
    spec.reader = SourceSpec::Reader::Netlink; // the cookie keeps a new socket on the same 4-tuple safe
    spec.oneShot = true;
    const auto source = SourceFactory::create(spec);
    const Snapshot snapshot = SnapshotCommand::pollOnce(*source, options.filterExpression);
    if (!snapshot.isValid()) {
        std::fprintf(stderr, "tcpscope: %s\n", qPrintable(snapshot.status().error()));
        return 1;
    }
    std::vector<size_t> chosen;
    for (size_t i = 0; i < snapshot.sockets().size(); ++i) {
        if (endable(snapshot.sockets()[i]))
            chosen.push_back(i);
    }
    std::printf(
        "%zu connection(s) match \"%s\"%s\n", chosen.size(), qPrintable(options.filter), chosen.empty() ? "" : ":");
    for (size_t i : chosen)
        std::printf("  %s\n", qPrintable(line(snapshot, i)));
    if (chosen.empty() || !options.yes) {
        if (!chosen.empty())
            std::printf("nothing ended: add --yes to end them\n");
        return chosen.empty() ? 0 : 1;
    }
    std::fflush(stdout); // the list before any error on stderr
    std::vector<SocketEntry> targets;
    targets.reserve(chosen.size());
    for (size_t i : chosen)
        targets.push_back(snapshot.sockets()[i]);
    const EndConnectionJob::Result result = EndConnectionJob::run(targets);
    const size_t ended = result.ended;
    for (const EndConnectionJob::Failure &f : result.failures)
        std::fprintf(stderr, "tcpscope: %s: %s\n", qPrintable(line(snapshot, chosen[f.index])), qPrintable(f.reason));
    std::printf("ended %zu of %zu\n", ended, chosen.size());
    return ended == chosen.size() ? 0 : 1;
#endif
}
