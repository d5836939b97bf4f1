#pragma once

#include <QByteArray>
#include <QString>

// Writes frames of the stream format (docs/stream-format.md). Used by the agent, the recorder of
// local polls and tests; the SSH loop writes the same format from sh.
class StreamFrameWriter
{
public:
    void begin(const QString &host, qint64 timeMs, const QString &os, const QString &kernel);
    // A section with raw content; content lines starting with '@' are escaped as "@@".
    void section(QByteArrayView tag, QByteArrayView content, QByteArrayView arg = {});
    QByteArray end();

private:
    QByteArray m_out;
};
