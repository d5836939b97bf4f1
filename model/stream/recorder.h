#pragma once

#include <QByteArrayView>
#include <QMutex>
#include <QString>

#include "core/status.h"

// Appends frames to a recording file exactly as received. Each frame is written with one
// write(2) straight to the kernel, so a crash loses at most the frame in flight.
// Thread-safe: the poller thread appends while the GUI starts or stops recording (menu action).
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
    // Stops any recording and appends to another file from now on.
    Status start(const QString &path);
    void stop();
    bool isRecording() const;
    // False when not recording or the write failed (see error()).
    bool append(QByteArrayView frame);
    QString path() const;
    QString error() const;
    qint64 framesWritten() const;

private:
    void closeLocked();

    mutable QMutex m_lock;
    QString m_path;
    QString m_error;
    int m_fd = -1;
    qint64 m_frames = 0;
};
