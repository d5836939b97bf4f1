#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

// zstd for recordings (docs/performance.md, "Recordings", has the figures against zlib): one zstd frame
// per stream frame, with its content checksum so that damage is found, not decoded. Keeps its zstd
// contexts between calls; not thread-safe: one per thread.
class FrameCompressor
{
public:
    static constexpr int DefaultLevel = 1; // on /proc text, smaller and faster than 3 (docs/performance.md)

    explicit FrameCompressor(int level = DefaultLevel);
    ~FrameCompressor();
    FrameCompressor(const FrameCompressor &) = delete;
    FrameCompressor &operator=(const FrameCompressor &) = delete;

    // Empty with `error` set on failure (never for valid input and memory).
    QByteArray compress(QByteArrayView text, QString *error);
    // The text of one zstd frame that decompresses to exactly rawBytes bytes; else empty and `error`.
    QByteArray decompress(QByteArrayView packed, qint64 rawBytes, QString *error);

private:
    struct Contexts;
    std::unique_ptr<Contexts> m_z;
    int m_level;
};
