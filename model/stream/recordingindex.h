#pragma once

#include "core/problem.h"
#include "core/status.h"
#include "stream/framecompressor.h"
#include "stream/recordingblock.h"

#include <QFile>
#include <QMutex>

#include <functional>

#include <vector>

// Where each frame of a recording is (docs/stream-format.md, "Recordings"): a container is indexed from
// its block headers alone, seeking past the packed bytes, so a 1 GB file opens in milliseconds; a plain
// text recording (version 1, or a saved version 2 stream) by its lines. A truncated last frame is left out
// with a notice. Frames are read on demand. text() is thread-safe; open() is not.
class RecordingIndex
{
public:
    struct Entry
    {
        qint64 number; // 1-based, as problems name it
        qint64 offset; // the frame's bytes in the file: packed (container) or its text
        qint64 size;
        RecordingBlock block; // kind, @seq, @time, owners, raw size
    };

    // Bytes indexed so far of the file's total, now and then; return false to cancel the open.
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    Status open(const QString &path, const Progress &progress = {});
    bool isContainer() const { return m_container; }
    const std::vector<Entry> &entries() const { return m_entries; }
    qsizetype size() const { return qsizetype(m_entries.size()); }
    // Notices from indexing: a truncated last frame, a damaged block.
    const ProblemList &problems() const { return m_problems; }
    // Where the last complete frame ends: a recorder appends from here.
    qint64 validEnd() const { return m_validEnd; }
    // The position of the last keyframe at or before `pos`; 0 when there is none.
    qsizetype keyAtOrBefore(qsizetype pos) const;
    // The text of a frame; empty with `error` set when it cannot be read.
    QByteArray text(qsizetype pos, QString *error);

private:
    void indexText(const Progress &progress);
    void indexContainer(qint64 start, const Progress &progress);
    bool cancelled(const Progress &progress, qint64 done);
    void note(const QString &message);

    QString m_path;
    QFile m_file;
    QMutex m_lock; // the file position and the codec's contexts
    FrameCompressor m_codec;
    bool m_container = false;
    std::vector<Entry> m_entries;
    std::vector<qsizetype> m_keys; // positions of the keyframes, ascending
    ProblemList m_problems;
    qint64 m_validEnd = 0;
    qint64 m_reported = 0; // bytes at the last progress call
    bool m_cancelled = false;
};
