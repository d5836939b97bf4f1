#pragma once

#include "core/expected.h"

#include <QString>
#include <QStringList>

// A validated "[user@]host[:port]" (or "[user@][v6addr]:port"). Nothing the user types can
// become an ssh option: the host may not start with '-', only a strict character set is
// accepted, and the argument list puts "--" before the host.
struct SshTarget
{
    QString user; // empty: ssh's default (config or local user)
    QString host;
    quint16 port = 0; // 0: ssh's default (config or 22)

    // The target, or why the string was refused.
    static Expected<SshTarget> parse(const QString &text);
    QString toString() const;
    // Arguments for ssh(1) that run `remoteCommand` non-interactively.
    QStringList sshArguments(const QString &configFile, const QString &remoteCommand, int connectTimeoutS = 10) const;
};
