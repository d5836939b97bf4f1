#include "tunablesreader.h"

#include "filereader.h"

const QStringList &TunablesReader::linuxNames()
{
    static const QStringList names = {
        QStringLiteral("net.ipv4.tcp_fin_timeout"),
        QStringLiteral("net.ipv4.tcp_tw_reuse"),
        QStringLiteral("net.ipv4.tcp_tw_reuse_delay"),
        QStringLiteral("net.ipv4.tcp_tw_recycle"),
        QStringLiteral("net.ipv4.tcp_max_tw_buckets"),
        QStringLiteral("net.ipv4.tcp_timestamps"),
        QStringLiteral("net.ipv4.ip_local_port_range"),
        QStringLiteral("net.ipv4.ip_local_reserved_ports"),
        QStringLiteral("net.ipv4.tcp_max_orphans"),
        QStringLiteral("net.ipv4.tcp_orphan_retries"),
        QStringLiteral("net.ipv4.tcp_syncookies"),
        QStringLiteral("net.core.somaxconn"),
        QStringLiteral("net.ipv4.tcp_max_syn_backlog"),
        QStringLiteral("net.ipv4.tcp_rfc1337"),
    };
    return names;
}

QString TunablesReader::procPath(const QString &sysctlName)
{
    return QLatin1String("sys/") + QString(sysctlName).replace(QLatin1Char('.'), QLatin1Char('/'));
}

QString TunablesReader::parseValue(QByteArrayView fileContents)
{
    // Cut to the bound first, then trim, so a cut value never ends in a newline either.
    QByteArrayView v = fileContents.first(qMin<qsizetype>(fileContents.size(), MaxValueBytes));
    while (!v.isEmpty() && (v.back() == '\n' || v.back() == '\r' || v.back() == ' '))
        v.chop(1);
    return QString::fromUtf8(v);
}

Tunables TunablesReader::read(const QString &procRoot, ProblemList *problems)
{
    Tunables t;
    QByteArray buf;
    for (const QString &name : linuxNames()) {
        const QString path = procRoot + QLatin1Char('/') + procPath(name);
        const FileReader::Result r = FileReader::read(path, buf, 64 * 1024);
        if (r.ok) {
            t.set(name, parseValue(buf));
        } else if (!r.missing && problems) {
            problems->add({ path, 0, r.error });
        }
    }
    return t;
}

QString TunablesReader::readKernelRelease(const QString &procRoot)
{
    QByteArray buf;
    return FileReader::read(procRoot + QLatin1String("/sys/kernel/osrelease"), buf, 4096).ok ? parseValue(buf)
                                                                                             : QString();
}

QString TunablesReader::readHostName(const QString &procRoot)
{
    QByteArray buf;
    return FileReader::read(procRoot + QLatin1String("/sys/kernel/hostname"), buf, 4096).ok ? parseValue(buf)
                                                                                            : QString();
}
