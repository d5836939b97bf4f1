#pragma once

#include <QFile>
#include <QTemporaryDir>

// busybox applets on a PATH of their own (optionally without awk): the tools the ssh script uses,
// as a small server (an embedded box, a container) would have them.
inline QString busyboxPath(const QTemporaryDir &dir, bool withAwk)
{
    for (const char *tool : { "sh", "awk", "ls", "cat", "date", "sleep", "uname", "kill", "printf" }) {
        if (withAwk || qstrcmp(tool, "awk") != 0)
            QFile::link(QStringLiteral("/usr/bin/busybox"), dir.filePath(QLatin1String(tool)));
    }
    return dir.path();
}
