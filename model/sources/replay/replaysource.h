#pragma once

#include "core/problem.h"
#include "sources/snapshotsource.h"
#include "stream/streamframe.h"
#include "stream/streamowners.h"

#include <QFile>
#include <QMutex>

#include <atomic>
#include <vector>

// Plays a recording back one frame per poll. The file is indexed once (frame offsets and times)
// and frames are read on demand, so hours of recording need no memory. A damaged frame gives a
// problem naming its frame number; a truncated last frame is ignored with a notice.
class ReplaySource : public SnapshotSource
{
public:
    explicit ReplaySource(QString path);

    // Indexes the whole file.
    Status open();
    Snapshot poll() override;
    QString description() const override;
    bool recordsItself() const override { return true; } // never re-recorded

    int frameCount() const { return int(m_index.size()); }
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
    struct Entry
    {
        qint64 number;
        qint64 offset;
        qint64 size;
        qint64 timeMs;
        bool ownersFull; // holds an "@owners full" table
    };
    QByteArray readFrame(const Entry &e);
    // The owner table for frame pos: the last full one at or before it (StreamOwners).
    void seekOwners(int pos, ProblemList &problems);
    QString m_path;
    Status m_opened = Status::failure(QString()); // replaced by open()
    QFile m_file;
    QMutex m_fileLock;
    std::vector<Entry> m_index;
    ProblemList m_indexProblems;
    bool m_reportedIndexProblems = false;
    StreamOwners m_owners; // the poll thread's
    int m_ownersFrom = -1; // the frame m_owners holds the table of
    std::atomic<int> m_position { 0 };
    std::atomic<int> m_shown { 0 };
    std::atomic<int> m_stride { 1 };
    std::atomic<bool> m_playing { true };
};
