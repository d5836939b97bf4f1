#include "sources/local/bsdfilesource.h"

#include "parse/bsdsnapshot.h"
#include "sources/local/filereader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("BsdFileSource", text);
}
} // namespace

BsdFileSource::BsdFileSource(QString netstatPath, QString sysctlPath)
    : m_netstatPath(std::move(netstatPath))
    , m_sysctlPath(std::move(sysctlPath))
{ }

QString BsdFileSource::description() const
{
    return tr("netstat file %1").arg(m_netstatPath);
}

Snapshot BsdFileSource::poll()
{
    QElapsedTimer clock;
    clock.start();
    QByteArray netstat, sysctl;
    const FileReader::Result n = FileReader::read(m_netstatPath, netstat);
    const FileReader::Result s = m_sysctlPath.isEmpty() ? FileReader::Result { true, false, false, {} }
                                                        : FileReader::read(m_sysctlPath, sysctl);
    BsdSnapshot::Input in;
    in.netstat = netstat;
    in.sysctl = sysctl;
    in.timeMs = QDateTime::currentMSecsSinceEpoch();
    in.source = description();
    SnapshotData d = BsdSnapshot::build(in);
    if (!n.ok)
        d.status = Status::failure(tr("cannot read %1: %2").arg(m_netstatPath, n.error));
    else if (!s.ok)
        d.problems.add({ m_sysctlPath, 0, tr("cannot read: ") + s.error });
    d.pollDurationUs = clock.nsecsElapsed() / 1000;
    return Snapshot(std::move(d));
}
