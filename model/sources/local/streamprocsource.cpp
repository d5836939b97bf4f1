#include "sources/local/streamprocsource.h"

#include "sources/local/filereader.h"
#include "sources/local/threadcputime.h"
#include "sources/local/tunablesreader.h"
#include "stream/recorder.h"
#include "stream/streamframedecoder.h"
#include "stream/streamframewriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

StreamProcSource::StreamProcSource(QString procRoot, std::shared_ptr<Recorder> recorder)
    : m_root(std::move(procRoot))
    , m_recorder(std::move(recorder))
    , m_frames(m_root)
{ }

StreamProcSource::~StreamProcSource() = default;

QString StreamProcSource::description() const
{
    return m_root == QLatin1String("/proc")
        ? QStringLiteral("/proc")
        : QCoreApplication::translate("StreamProcSource", "proc root %1").arg(m_root);
}

Snapshot StreamProcSource::poll()
{
    QElapsedTimer clock;
    clock.start();
    const qint64 cpuStart = threadCpuTimeUs();
    StreamFrame frame { ++m_number, m_frames.next(QDateTime::currentMSecsSinceEpoch()) };
    if (m_recorder)
        m_recorder->append(frame.text);
    SnapshotData d = StreamFrameDecoder::decode(frame);
    d.source = description();
    if (m_recorder && !m_recorder->error().isEmpty())
        d.problems.add({ QStringLiteral("record"), 0, m_recorder->error() });
    d.pollDurationUs = clock.nsecsElapsed() / 1000;
    d.pollCpuUs = threadCpuTimeUs() - cpuStart;
    const Snapshot s(std::move(d));
    return s.isValid() ? s.withOwners(m_frames.owners(s)) : s;
}

QByteArray StreamProcSource::captureFrame(const QString &procRoot, qint64 timeMs)
{
    StreamFrameWriter w;
    w.begin(TunablesReader::readHostName(procRoot), timeMs, QStringLiteral("Linux"),
        TunablesReader::readKernelRelease(procRoot));
    QByteArray buf;
    if (FileReader::read(procRoot + QLatin1String("/net/tcp"), buf, StreamFrame::DefaultMaxBytes / 2).ok)
        w.section("tcp", buf);
    if (FileReader::read(procRoot + QLatin1String("/net/tcp6"), buf, StreamFrame::DefaultMaxBytes / 2).ok)
        w.section("tcp6", buf);
    for (const QString &name : Tunables::linuxNames()) {
        if (FileReader::read(procRoot + QLatin1Char('/') + Tunables::linuxProcPath(name), buf, 4096).ok)
            w.section("sysctl", buf, name.toLatin1());
    }
    return w.end();
}
