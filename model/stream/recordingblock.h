#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// One block of a recording container (docs/stream-format.md, "Recordings"): a zstd skippable frame
// holding a one-line text header, then the frame text as one zstd frame. The header says what a reader
// needs to index the file without decompressing: the frame's kind, @seq, @time, owner table and sizes.
struct RecordingBlock
{
    enum class Owners { None, Full, Unchanged, Delta };
    // A zstd skippable frame (RFC 8878 §3.1.2): 4-byte magic, 4-byte little-endian size, user data.
    static constexpr int SkippableHeaderBytes = 8;
    static constexpr int MaxHeaderBytes = 256;
    static constexpr QByteArrayView Magic = "@tcpscope-recording 2 zstd";

    bool key = true; // false: a version 2 delta (an "@delta" line before the first section)
    qint64 seq = 0; // the frame's @seq; 0 when it has none (version 1)
    qint64 timeMs = 0;
    Owners owners = Owners::None;
    qint64 rawBytes = 0;
    qint64 packedBytes = 0;

    // The header as written to the file: skippable frame bytes and the "@frame ..." line.
    QByteArray header() const;
    // The first bytes of every container: the magic line in a skippable frame.
    static QByteArray fileMagic();
    // The size of the skippable frame starting at `bytes`, or -1 when it is not one.
    static qint64 skippableSize(QByteArrayView bytes);
    // The kind named by the first word of `word`: "full", "unchanged", "delta" (what follows
    // "@owners ", or a header's owners= value); None for anything else.
    static Owners ownersOf(QByteArrayView word);
    // Parses the text inside a block's skippable frame; nullopt when malformed.
    static std::optional<RecordingBlock> parse(QByteArrayView line);
    // Reads kind, @seq, @time and the owner table from the frame's header lines (before its first
    // section), without looking at the rest: a 16 MB frame costs a few hundred bytes here.
    static RecordingBlock describe(QByteArrayView frameText);
};
