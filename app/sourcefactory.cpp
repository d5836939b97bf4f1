#include "sourcefactory.h"

#include "appoptions.h"
#include "procsource.h"

std::unique_ptr<SnapshotSource> SourceFactory::create(const AppOptions &options)
{
    return std::make_unique<ProcSource>(options.procRoot);
}
