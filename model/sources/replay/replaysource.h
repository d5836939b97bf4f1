#pragma once

#include "core/problem.h"
#include "sources/snapshotsource.h"
#include "stream/recordingindex.h"
#include "stream/streamframe.h"
#include "stream/streamowners.h"
#include "stream/streamtable.h"

#include <atomic>
#include <optional>

// Plays a recording back one frame per poll: a container (docs/stream-format.md, "Recordings"), or a
// plain text stream of version 1 or 2. The file is indexed once (RecordingIndex) and frames are read
// on demand, so hours of recording need no memory. Version 2 deltas are applied to the table of the
// frames before them: a seek goes to the last keyframe at or before the frame and applies the frames
// from there; playing on applies the frames in between. A damaged frame gives a problem naming its
// frame number; a truncated last frame is ignored with a notice.
class ReplaySource : public SnapshotSource
{
public:
    explicit ReplaySource(QString path);

    // Indexes the whole file.
    // progress: see RecordingIndex::open (a 1 GB text recording takes seconds to index).
    Status open(const RecordingIndex::Progress &progress = {});
    Snapshot poll() override;
    QString description() const override;
    bool recordsItself() const override { return true; } // never re-recorded

    int frameCount() const { return int(m_index.size()); }
    // The frames a seek to `frame` applies: from the last keyframe at or before it.
    int keyframeBefore(int frame) const { return int(m_index.keyAtOrBefore(frame)); }
    // The frame the next poll returns (0-based). Safe to call from the GUI thread.
    int position() const { return m_position; }
    void seek(int frame);
    // Moves relative to the frame shown last (what the user sees), not the next one.
    void step(int delta) { seek(m_shown + delta); }
    // The frame the last poll returned.
    int shownFrame() const { return m_shown; }
    // Frames to advance per poll while playing: speeds above 1000 / MinIntervalMs x.
    void setStride(int frames) { m_stride = qMax(1, frames); }
    // Hold the position (poll returns the same frame) or advance one frame per poll.
    void setPlaying(bool playing) { m_playing = playing; }
    bool isPlaying() const { return m_playing; }
    qint64 frameTimeMs(int frame) const;
    // Typical time between recorded frames: the poll interval that plays at 1x.
    int recordedIntervalMs() const;

private:
    // The frame as the stream reader cuts it, its problems renumbered to the frame; nullopt if unreadable.
    std::optional<StreamFrame> readFrame(int pos, ProblemList &problems);
    // The snapshot data of frame pos, after applying what it needs since the frame applied last;
    // `events`: the kernel's state changes since the frame shown before, if the frames carry them.
    SnapshotData dataAt(int pos, std::shared_ptr<const StateEvents> &events);
    // Sets the owner table to what it was before frame `key`: the last full one before it and the
    // owner deltas since (StreamOwners); the frames from `key` on are fed as they are applied.
    void ownersBefore(int key, ProblemList &problems);
    QString m_path;
    Status m_opened = Status::failure(QString()); // replaced by open()
    RecordingIndex m_index;
    bool m_reportedIndexProblems = false;
    // The poll thread's:
    StreamTable m_table; // what the frames applied so far show
    int m_applied = -1; // the frame m_table shows; -1: none
    SnapshotData m_last; // what poll() returned for it
    StreamOwners m_owners;
    std::atomic<int> m_position { 0 };
    std::atomic<int> m_shown { 0 };
    std::atomic<int> m_stride { 1 };
    std::atomic<bool> m_playing { true };
};
