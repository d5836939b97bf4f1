#pragma once

#include <QByteArray>
#include <QString>

// Reads a whole file with plain read(2) into a reused buffer. /proc files report size 0 and are
// generated a page per read, so QFile::size() cannot be trusted; we read until EOF.
class FileReader
{
public:
    struct Result
    {
        bool ok = false;
        bool missing = false; // ENOENT: e.g. tcp6 on a kernel without IPv6
        bool truncated = false; // more than maxBytes: the rest was not read
        QString error; // strerror text, for messages
    };
    static Result read(const QString &path, QByteArray &buffer, qint64 maxBytes = qint64(1) << 30);
};
