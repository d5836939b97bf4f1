#pragma once

#include <QByteArrayView>
#include <QString>

// Appends frames to a recording file exactly as received. Each frame is written with one
// write(2) straight to the kernel, so a crash loses at most the frame in flight.
class Recorder
{
public:
    explicit Recorder(QString path);
    ~Recorder();
    Recorder(const Recorder &) = delete;
    Recorder &operator=(const Recorder &) = delete;

    // Empty on success.
    QString open();
    bool append(QByteArrayView frame);
    const QString &path() const { return m_path; }
    QString error() const { return m_error; }
    qint64 framesWritten() const { return m_frames; }

private:
    QString m_path;
    QString m_error;
    int m_fd = -1;
    qint64 m_frames = 0;
};
