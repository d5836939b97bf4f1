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
    // A header field ("@seq 42") or a bare tag ("@delta"); before the first section.
    void field(QByteArrayView tag, QByteArrayView value = {});
    // Text already in the format (an "@owners" section from OwnerEncoder), as it is.
    void raw(QByteArrayView text) { m_out += text; }
    QByteArray end();

private:
    QByteArray m_out;
};
