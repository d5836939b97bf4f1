#include "sources/local/tunablesreader.h"

#include "parse/sysctlparser.h"
#include "sources/local/filereader.h"

Tunables TunablesReader::read(const QString &procRoot, ProblemList *problems)
{
    Tunables t;
    QByteArray buf;
    for (const QString &name : Tunables::linuxNames()) {
        const QString path = procRoot + QLatin1Char('/') + Tunables::linuxProcPath(name);
        const FileReader::Result r = FileReader::read(path, buf, 64 * 1024);
        if (r.ok) {
            t.set(name, SysctlParser::parseLinuxValue(buf));
        } else if (!r.missing && problems) {
            problems->add({ path, 0, r.error });
        }
    }
    return t;
}

QString TunablesReader::readKernelRelease(const QString &procRoot)
{
    QByteArray buf;
    return FileReader::read(procRoot + QLatin1String("/sys/kernel/osrelease"), buf, 4096).ok
        ? SysctlParser::parseLinuxValue(buf)
        : QString();
}

QString TunablesReader::readHostName(const QString &procRoot)
{
    QByteArray buf;
    return FileReader::read(procRoot + QLatin1String("/sys/kernel/hostname"), buf, 4096).ok
        ? SysctlParser::parseLinuxValue(buf)
        : QString();
}
