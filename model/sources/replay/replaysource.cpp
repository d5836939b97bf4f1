#include "sources/replay/replaysource.h"

#include "stream/streamframereader.h"

#include <QCoreApplication>

#include <algorithm>
#include <vector>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("ReplaySource", text);
}
} // namespace

ReplaySource::ReplaySource(QString path)
    : m_path(std::move(path))
{ }

QString ReplaySource::description() const
{
    return tr("recording %1").arg(m_path);
}

Status ReplaySource::open(const RecordingIndex::Progress &progress)
{
    m_opened = m_index.open(m_path, progress);
    m_applied = -1;
    return m_opened;
}

void ReplaySource::seek(int frame)
{
    m_position = std::clamp(frame, 0, qMax(0, frameCount() - 1));
}

qint64 ReplaySource::frameTimeMs(int frame) const
{
    return frame >= 0 && frame < frameCount() ? m_index.entries()[size_t(frame)].block.timeMs : 0;
}

int ReplaySource::recordedIntervalMs() const
{
    std::vector<qint64> d;
    for (int i = 1; i < frameCount(); ++i)
        d.push_back(frameTimeMs(i) - frameTimeMs(i - 1));
    if (d.empty())
        return 1000;
    std::nth_element(d.begin(), d.begin() + qsizetype(d.size() / 2), d.end());
    return int(std::clamp<qint64>(d[d.size() / 2], 100, 3'600'000));
}

Snapshot ReplaySource::poll()
{
    if (frameCount() == 0) {
        SnapshotData d;
        d.status = m_opened.error().isEmpty() ? Status::failure(tr("%1 is not open").arg(m_path)) : m_opened;
        d.problems = m_index.problems();
        return Snapshot(std::move(d));
    }
    const int pos = m_position;
    std::shared_ptr<const StateEvents> events;
    SnapshotData d = dataAt(pos, events);
    if (!m_reportedIndexProblems) {
        d.problems.append(m_index.problems());
        m_reportedIndexProblems = true;
    }
    d.source = description();
    m_shown = pos;
    int expected = pos; // a seek from the GUI thread in the meantime wins
    if (m_playing && pos + 1 < frameCount())
        m_position.compare_exchange_strong(expected, qMin(pos + m_stride, frameCount() - 1));
    const Snapshot s = m_owners.attached(Snapshot(std::move(d)));
    return events ? s.withStateEvents(std::move(events)) : s;
}

SnapshotData ReplaySource::dataAt(int pos, std::shared_ptr<const StateEvents> &events)
{
    if (pos == m_applied)
        return m_last; // paused: the same frame, its problems again (its state changes were shown)
    // Playing on applies the frames in between, so the state changes between the two frames shown
    // are all there; a seek (back, or far ahead) starts at the keyframe and shows the frame's own.
    const int key = keyframeBefore(pos);
    const bool playingOn
        = m_applied >= 0 && pos > m_applied && (key <= m_applied || pos - m_applied <= StreamFrame::RecordingKeyEvery);
    const int from = playingOn ? m_applied + 1 : key;
    ProblemList lookBack;
    if (!playingOn) {
        m_table.reset();
        ownersBefore(key, lookBack);
    }
    ProblemList problems;
    std::optional<StreamFrame> frame;
    bool ok = false;
    for (int f = from; f <= pos; ++f) {
        problems = {}; // only the shown frame's are reported
        if (f == pos && !playingOn)
            m_table.takeEvents();
        frame = readFrame(f, problems);
        ok = frame && m_table.feed(*frame, problems);
        if (frame)
            m_owners.feed(*frame, problems); // every frame: a delta of owners needs the ones before
    }
    m_applied = ok ? pos : -1; // after a failure the next poll starts over from the keyframe
    events = m_table.takeEvents();
    SnapshotData d;
    if (ok) {
        d = m_table.data();
        d.problems.append(lookBack);
        d.problems.append(problems);
        m_last = d;
    } else {
        d.timeMs = frameTimeMs(pos);
        d.status = Status::failure(
            tr("frame %1 of %2 cannot be read").arg(m_index.entries()[size_t(pos)].number).arg(m_path));
        d.problems = problems;
    }
    return d;
}

std::optional<StreamFrame> ReplaySource::readFrame(int pos, ProblemList &problems)
{
    const qint64 number = m_index.entries()[size_t(pos)].number;
    QString error;
    const QByteArray text = m_index.text(pos, &error);
    if (!error.isEmpty()) {
        problems.add({ m_path, 0, tr("frame %1: %2").arg(number).arg(error) });
        return std::nullopt;
    }
    StreamFrameReader reader;
    reader.feed(text);
    reader.finish();
    std::optional<StreamFrame> frame;
    if (reader.hasFrame()) {
        frame = reader.takeFrame();
        frame->number = number; // the reader counted from this frame only
    }
    const ProblemList read = reader.takeProblems();
    for (const Problem &p : read.items()) {
        QString m = p.message;
        // The reader counted from 1; its messages name frames as "frame %1" (in its own context).
        const char *f = QT_TRANSLATE_NOOP("StreamFrameReader", "frame %1");
        m.replace(QCoreApplication::translate("StreamFrameReader", f).arg(1),
            QCoreApplication::translate("StreamFrameReader", f).arg(number));
        problems.add({ m_path, 0, m });
    }
    return frame;
}

void ReplaySource::ownersBefore(int key, ProblemList &problems)
{
    // The table as it stood before the keyframe: the last full one before it and the owner deltas
    // since (an older recording has "unchanged" frames there, which change nothing).
    m_owners.reset();
    int full = key - 1;
    while (full >= 0 && m_index.entries()[size_t(full)].block.owners != RecordingBlock::Owners::Full)
        --full;
    for (int f = full; f >= 0 && f < key; ++f) {
        if (f > full && m_index.entries()[size_t(f)].block.owners != RecordingBlock::Owners::Delta)
            continue;
        ProblemList ignored; // the frame's own problems are reported when it is shown
        if (const std::optional<StreamFrame> frame = readFrame(f, ignored))
            m_owners.feed(*frame, problems);
    }
}
