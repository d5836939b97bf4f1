#include "sourcefactory.h"

#include "appoptions.h"
#include "bsdfilesource.h"
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
    return std::make_unique<ProcSource>(options.procRoot);
}
