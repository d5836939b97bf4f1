#include "sources/local/procsource.h"

#include "sources/local/filereader.h"
#include "sources/local/localpoll.h"
#include "sources/local/tunablesreader.h"

#include <QCoreApplication>
#include <unistd.h>

#if defined(Q_OS_LINUX)
#include "sources/local/ownerscanner.h"
#endif

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("ProcSource", text);
}
} // namespace

ProcSource::ProcSource(QString procRoot)
    : m_root(std::move(procRoot))
    , m_counters(m_root)
{
    const long hz = sysconf(_SC_CLK_TCK); // USER_HZ: the unit of /proc's tm->when
    if (hz > 0)
        m_options.ticksPerSecond = int(hz);
}

QString ProcSource::description() const
{
    return m_root == QLatin1String("/proc") ? QStringLiteral("/proc") : tr("proc root %1").arg(m_root);
}

std::shared_ptr<OwnerLookup> ProcSource::ownerLookup()
{
#if defined(Q_OS_LINUX)
    if (!m_owners && m_root == QLatin1String("/proc"))
        m_owners = std::make_shared<OwnerScanner>(m_root);
#endif
    return m_owners;
}

bool ProcSource::readCounters(Counters &out)
{
    out = m_counters.read();
    return !out.values.empty();
}

Snapshot ProcSource::poll()
{
    LocalPoll poll(m_root, description());
    SnapshotData &d = poll.data();

    ProcParseResult parsed;
    parsed.sockets.reserve(1024);
    const struct
    {
        const char *file;
        AddressFamily family;
    } tables[] = { { "/net/tcp", AddressFamily::IPv4 }, { "/net/tcp6", AddressFamily::IPv6 } };
    for (const auto &t : tables) {
        const QString path = m_root + QLatin1String(t.file);
        const FileReader::Result r = FileReader::read(path, m_buffer, MaxTableBytes);
        if (!r.ok) {
            if (t.family == AddressFamily::IPv6 && r.missing) {
                d.problems.add({ path, 0, tr("not present: IPv6 is disabled on this host") });
                continue;
            }
            d.status = Status::failure(tr("cannot read %1: %2").arg(path, r.error));
            break;
        }
        if (r.truncated)
            d.problems.add({ path, 0, tr("larger than %1 MiB: the rest was not read").arg(MaxTableBytes >> 20) });
        ProcNetTcpParser::parseInto(parsed, m_buffer, t.family, path, m_options);
    }
    d.sockets = std::move(parsed.sockets);
    d.problems.append(parsed.problems);
    return poll.finish();
}
