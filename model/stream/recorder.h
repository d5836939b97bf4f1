#pragma once

#include "core/status.h"
#include "stream/framecompressor.h"

#include <QByteArrayView>
#include <QMutex>
#include <QString>

// Writes a recording container (docs/stream-format.md, "Recordings"): each frame as one block, a
// header line and the zstd-compressed text, written with one write(2) straight to the kernel, so a
// crash loses at most the block in flight and the reader ignores that torn block. An existing recording
// is continued after its last complete block. Thread-safe: the poller thread appends while the GUI
// starts or stops recording (menu action) and reads the counters.
class Recorder
{
public:
    Recorder() = default;
    explicit Recorder(QString path);
    ~Recorder();
    Recorder(const Recorder &) = delete;
    Recorder &operator=(const Recorder &) = delete;

    // Opens the path given to the constructor.
    Status open();
    // Stops any recording and records to another file from now on. Refuses up front a file it cannot
    // write (read-only, a directory) and one that holds something other than a recording.
    Status start(const QString &path);
    void stop();
    bool isRecording() const;
    // Appends one frame as received (version 1, a version 2 keyframe or delta). False when not
    // recording or the write failed (see error(); a full disk stops the recording, the file stays whole).
    bool append(QByteArrayView frame);
    // True when the next frame should be a keyframe: none yet in this recording, or the last one
    // StreamFrame::RecordingKeyEvery or more frames ago. A source then appends a keyframe of its table
    // instead of the delta it received, so that replay can seek.
    bool keyDue() const;
    QString path() const;
    QString error() const;
    qint64 framesWritten() const;
    // Bytes this recording added to the file (compressed), and the frames' text they hold.
    qint64 bytesWritten() const;
    qint64 rawBytesWritten() const;

private:
    void closeLocked();
    Status prepareLocked();
    bool writeLocked(QByteArrayView bytes);

    mutable QMutex m_lock;
    QMutex m_codecLock; // compression runs outside m_lock: the GUI's calls never wait for it
    FrameCompressor m_codec;
    QString m_path;
    QString m_error;
    int m_fd = -1;
    qint64 m_end = 0; // the file's size after the last complete block
    qint64 m_frames = 0;
    qint64 m_bytes = 0;
    qint64 m_rawBytes = 0;
    int m_sinceKey = -1; // frames since and including the last keyframe; -1: none yet
};
