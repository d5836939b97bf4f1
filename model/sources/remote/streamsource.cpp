#include "sources/remote/streamsource.h"

#include "stream/recorder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("StreamSource", text);
}

constexpr qint64 MaxDrainMs = 200;
constexpr qint64 MaxSkewS = 30; // beyond ordinary NTP-less drift plus a slow link
} // namespace

StreamSource::StreamSource(std::unique_ptr<StreamChannel> channel, Options options)
    : m_channel(std::move(channel))
    , m_options(options)
    , m_reader(options.maxFrameBytes)
    , m_buffer(1 << 20)
{ }

StreamSource::~StreamSource() = default;

void StreamSource::setRecorder(std::shared_ptr<Recorder> recorder)
{
    m_recorder = std::move(recorder);
}

QString StreamSource::description() const
{
    return m_channel->description();
}

Snapshot StreamSource::failure(const QString &message, const ProblemList &more, bool connecting)
{
    SnapshotData d;
    d.connecting = connecting;
    d.timeMs = QDateTime::currentMSecsSinceEpoch();
    d.source = description();
    d.status = Status::failure(message);
    d.problems = more;
    d.problems.append(m_reader.takeProblems());
    return Snapshot(std::move(d));
}

// The first frame of a session: how long it has taken, and how much of the frame has come (a big
// host's keyframe over a slow link takes a while), so the window can say so and offer Cancel.
Snapshot StreamSource::connecting()
{
    const qint64 pending = m_reader.pendingBytes();
    const qint64 seconds = m_sinceData.elapsed() / 1000;
    return failure(pending > 0 ? tr("receiving the first frame from %1: %2 KB so far (%3 s)")
                                     .arg(description())
                                     .arg(pending / 1024)
                                     .arg(seconds)
                               : tr("connecting to %1 ... (%2 s)").arg(description()).arg(seconds),
        {}, true);
}

void StreamSource::lost(const QString &reason)
{
    m_channel->close();
    m_reader.finish();
    ++m_losses;
    m_lastLoss = reason;
    m_backoffMs = m_backoffMs == 0 ? 1000 : qMin(m_backoffMs * 2, m_options.maxBackoffMs);
    m_sinceLoss.start();
    if (!m_channel->canReconnect())
        m_ended = true;
}

bool StreamSource::ensureOpen(QString *message)
{
    if (m_channel->isOpen())
        return true;
    if (m_ended) {
        *message = tr("%1 ended after %2 frame(s): %3").arg(description()).arg(m_framesReceived).arg(m_lastLoss);
        return false;
    }
    if (m_sinceLoss.isValid() && m_sinceLoss.elapsed() < m_backoffMs) {
        const qint64 left = (m_backoffMs - m_sinceLoss.elapsed() + 999) / 1000;
        *message = tr("connection lost (%1); reconnecting in %2 s (attempt %3)")
                       .arg(m_lastLoss)
                       .arg(left)
                       .arg(m_attempt + 1);
        return false;
    }
    ++m_attempt;
    m_reader.reset();
    const Status opened = m_channel->open();
    if (!opened.ok()) {
        const QString &error = opened.error();
        lost(error);
        *message = m_everOpened ? tr("reconnecting: %1").arg(error) : error;
        return false;
    }
    m_everOpened = true;
    m_frameThisSession = false;
    m_owners.reset(); // a new session starts with a full owner table
    m_table.reset(); // and a keyframe
    m_link.reset();
    m_sinceData.start();
    return true;
}

// Reads until at least one frame is complete (or timeoutMs passes), then drains what is
// already buffered without waiting. Returns false when the channel ended.
bool StreamSource::readFrames(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (true) {
        const int wait = m_reader.hasFrame() ? 0 : int(qMax<qint64>(0, timeoutMs - t.elapsed()));
        if (!m_reader.hasFrame() && wait == 0 && t.elapsed() >= timeoutMs)
            return true;
        const qint64 n = m_channel->read(m_buffer.data(), qint64(m_buffer.size()), qMin(wait, 250));
        if (n < 0) {
            lost(m_channel->closeReason());
            return false;
        }
        if (n == 0) {
            if (m_reader.hasFrame())
                return true;
            continue;
        }
        m_reader.feed(QByteArrayView(m_buffer.data(), n));
        m_link.received(n, QDateTime::currentMSecsSinceEpoch());
        if (!m_options.latestOnly && m_reader.hasFrame())
            return true;
        // A producer faster than the drain (a recording piped to --stdin) must not hold the poll.
        if (m_reader.hasFrame() && t.elapsed() > MaxDrainMs)
            return true;
    }
}

std::optional<Snapshot> StreamSource::waitForFrame()
{
    QString message;
    if (!m_reader.hasFrame() && !ensureOpen(&message))
        return failure(message);
    if (m_reader.hasFrame())
        return std::nullopt;
    // Wait up to the silence limit, but at most maxPollWaitMs per poll so a window can close.
    const int limit = m_frameThisSession ? m_options.frameTimeoutMs : m_options.firstFrameTimeoutMs;
    int wait = int(qMax<qint64>(0, limit - m_sinceData.elapsed()));
    if (m_options.maxPollWaitMs > 0)
        wait = qMin(wait, m_options.maxPollWaitMs);
    const bool open = readFrames(wait);
    if (m_reader.hasFrame())
        return std::nullopt;
    if (!open)
        return failure(m_ended ? tr("%1 ended: %2").arg(description(), m_lastLoss)
                               : tr("connection lost (%1); reconnecting").arg(m_lastLoss));
    if (m_sinceData.elapsed() < limit)
        return m_frameThisSession ? failure(tr("waiting for data from %1").arg(description())) : connecting();
    lost(tr("no data for %1 s").arg(limit / 1000.0));
    return failure(tr("connection lost (%1); reconnecting").arg(m_lastLoss));
}

Snapshot StreamSource::poll()
{
    QElapsedTimer clock;
    clock.start();
    const qint64 lossesAtStart = m_losses;
    if (std::optional<Snapshot> none = waitForFrame())
        return *none;
    m_frameThisSession = true;
    m_sinceData.start();
    qint64 skipped = -1;
    qint64 frameBytes = 0;
    ProblemList frameProblems;
    do {
        // Every frame is applied, also those skipped to show the newest: a delta needs the one before.
        const StreamFrame frame = m_reader.takeFrame();
        ++skipped;
        ++m_framesReceived;
        if (!m_table.feed(frame, frameProblems) && m_table.lastWasDelta())
            m_link.deltaLost(QDateTime::currentMSecsSinceEpoch());
        frameBytes = frame.text.size();
        m_owners.feed(frame, frameProblems); // a skipped frame may hold the full table
        if (m_recorder)
            record(frame);
    } while (m_options.latestOnly && m_reader.hasFrame());
    if (m_table.lastWasDelta() && !m_table.synced())
        return failure(tr("waiting for the next keyframe from %1: a frame was lost").arg(description()), frameProblems);

    SnapshotData d = m_table.data();
    d.problems.append(frameProblems);
    d.source = description();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_link.shown(frameBytes, d.timeMs, skipped, now);
    d.link = m_link.stats(now);
    if (m_options.useArrivalTime) {
        const qint64 skewS = (d.timeMs - now) / 1000;
        if (qAbs(skewS) >= MaxSkewS)
            d.problems.add({ QStringLiteral("stream"), 0,
                tr("the clock of %1 is %2 s %3 this machine's; times shown are this machine's")
                    .arg(d.host)
                    .arg(qAbs(skewS))
                    .arg(skewS > 0 ? tr("ahead of") : tr("behind")) });
        d.timeMs = now;
    }
    d.problems.append(m_reader.takeProblems());
    if (m_recorder && !m_recorder->error().isEmpty())
        d.problems.add({ QStringLiteral("record"), 0, m_recorder->error() });
    // Only losses before this poll began lie before this frame; a loss right after it counts next.
    d.gapBefore = lossesAtStart > m_lossesShown;
    m_lossesShown = lossesAtStart;
    if (skipped > 0)
        d.problems.add(
            { QStringLiteral("stream"), 0, tr("%1 older frame(s) skipped to show the newest").arg(skipped) });
    if (m_channel->isOpen()) { // the stream may have ended right after this frame
        m_attempt = 0;
        m_backoffMs = 0;
    }
    d.pollDurationUs = clock.nsecsElapsed() / 1000;
    Snapshot s = m_owners.attached(Snapshot(std::move(d)));
    if (std::shared_ptr<const StateEvents> events = m_table.takeEvents())
        s = s.withStateEvents(std::move(events));
    return s;
}

// The frames as received, but a delta that would leave the recording without a keyframe for
// StreamFrame::RecordingKeyEvery frames is written as the keyframe it makes, so replay can seek there.
void StreamSource::record(const StreamFrame &frame)
{
    if (!m_recorder->isRecording()) {
        m_recordedSinceKey = -1;
        return;
    }
    if (m_recorder->framesWritten() == 0)
        m_recordedSinceKey = -1; // a new file
    const bool keyDue = m_recordedSinceKey < 0 || m_recordedSinceKey + 1 >= StreamFrame::RecordingKeyEvery;
    if (!m_table.lastWasDelta()) {
        m_recorder->append(frame.text);
        m_recordedSinceKey = 0;
    } else if (!m_table.synced()) {
        return; // nothing a reader could apply
    } else if (keyDue) {
        m_recorder->append(m_table.keyframe(m_owners.fullSection()));
        m_recordedSinceKey = 0;
    } else {
        m_recorder->append(frame.text);
        ++m_recordedSinceKey;
    }
}
