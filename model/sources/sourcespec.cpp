#include "sources/sourcespec.h"

SourceSpec SourceSpec::thisHost() const
{
    SourceSpec s;
    s.procRoot = procRoot;
    s.procRootGiven = procRootGiven;
    s.reader = reader;
    s.stateEvents = stateEvents;
    s.bsdNetstat = bsdNetstat;
    s.bsdSysctl = bsdSysctl;
    s.intervalMs = intervalMs;
    s.oneShot = oneShot;
    return s;
}

SourceSpec SourceSpec::ssh(const QString &target, const QString &config, bool compress) const
{
    SourceSpec s = thisHost();
    s.sshTarget = target;
    s.sshConfig = config;
    s.sshCompress = compress;
    return s;
}

SourceSpec SourceSpec::recording(const QString &path) const
{
    SourceSpec s = thisHost();
    s.replay = path;
    return s;
}

SourceSpec SourceSpec::recordingTo(const QString &path) const
{
    SourceSpec s = *this;
    s.record = path;
    return s;
}
