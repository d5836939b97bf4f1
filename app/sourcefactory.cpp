#include "sourcefactory.h"

#include "appoptions.h"
#include "bsdfilesource.h"
#include "netlinksource.h"
#include "procsource.h"

#if defined(Q_OS_FREEBSD) || defined(Q_OS_MACOS)
#include "bsdsource.h"
#endif

std::unique_ptr<SnapshotSource> SourceFactory::create(const AppOptions &options)
{
    if (!options.bsdNetstat.isEmpty())
        return std::make_unique<BsdFileSource>(options.bsdNetstat, options.bsdSysctl);
#if defined(Q_OS_FREEBSD) || defined(Q_OS_MACOS)
    // No /proc/net/tcp here: netstat and sysctl (model/bsdsource.h).
    if (options.procRoot == QLatin1String("/proc"))
        return std::make_unique<BsdSource>();
#endif
    // A --proc-root tree is text on disk: only the /proc parser can read it.
    if (options.procRootGiven || options.source == QLatin1String("proc"))
        return std::make_unique<ProcSource>(options.procRoot);
    auto netlink = std::make_unique<NetlinkSource>();
    // netlink by default (as ss): cheaper at 100k sockets (docs/performance.md). Kernels without
    // sock_diag (or a seccomp filter) fall back to /proc; an explicit --source netlink reports the error.
    if (options.source == QLatin1String("netlink") || netlink->probe())
        return netlink;
    return std::make_unique<ProcSource>(options.procRoot);
}
