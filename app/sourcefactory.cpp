#include "sourcefactory.h"

#include "appoptions.h"
#include "netlinksource.h"
#include "procsource.h"

std::unique_ptr<SnapshotSource> SourceFactory::create(const AppOptions &options)
{
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
