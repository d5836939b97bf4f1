#include "streamprocsource.h"

#include "recorder.h"
#include "streamframedecoder.h"
#include "streamframewriter.h"
#include "threadcputime.h"

#include <QDateTime>
#include <QElapsedTimer>

StreamProcSource::StreamProcSource(QString procRoot, std::shared_ptr<Recorder> recorder)
    : m_root(std::move(procRoot))
    , m_recorder(std::move(recorder))
{ }

StreamProcSource::~StreamProcSource() = default;

QString StreamProcSource::description() const
{
    return m_root == QLatin1String("/proc") ? QStringLiteral("/proc") : QStringLiteral("proc root ") + m_root;
}

Snapshot StreamProcSource::poll()
{
    QElapsedTimer clock;
    clock.start();
    const qint64 cpuStart = threadCpuTimeUs();
    StreamFrame frame { ++m_number, StreamFrameWriter::captureProc(m_root, QDateTime::currentMSecsSinceEpoch()) };
    if (m_recorder)
        m_recorder->append(frame.text);
    SnapshotData d = StreamFrameDecoder::decode(frame);
    d.source = description();
    if (m_recorder && !m_recorder->error().isEmpty())
        d.problems.add({ QStringLiteral("record"), 0, m_recorder->error() });
    d.pollDurationUs = clock.nsecsElapsed() / 1000;
    d.pollCpuUs = threadCpuTimeUs() - cpuStart;
    return Snapshot(std::move(d));
}
