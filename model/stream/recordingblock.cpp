#include "stream/recordingblock.h"

#include <QList>
#include <QtEndian>

namespace {
// ZSTD_MAGIC_SKIPPABLE_START (zstd.h); the low 4 bits are free, 0 is used here.
constexpr quint32 SkippableMagic = 0x184D2A50;
constexpr QByteArrayView FrameTag = "@frame ";

QByteArrayView kindName(bool key)
{
    return key ? QByteArrayView("key") : QByteArrayView("delta");
}

QByteArrayView ownersName(RecordingBlock::Owners o)
{
    switch (o) {
    case RecordingBlock::Owners::Full:
        return "full";
    case RecordingBlock::Owners::Unchanged:
        return "unchanged";
    case RecordingBlock::Owners::Delta:
        return "delta";
    case RecordingBlock::Owners::None:
        break;
    }
    return "none";
}

QByteArray skippable(const QByteArray &text)
{
    QByteArray out(RecordingBlock::SkippableHeaderBytes, '\0');
    qToLittleEndian<quint32>(SkippableMagic, out.data());
    qToLittleEndian<quint32>(quint32(text.size()), out.data() + 4);
    return out + text;
}

// A non-negative decimal, or -1.
qint64 number(QByteArrayView v)
{
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok && n >= 0 && !v.startsWith('+') ? n : -1;
}
} // namespace

QByteArray RecordingBlock::header() const
{
    QByteArray line = FrameTag.toByteArray() + kindName(key).toByteArray();
    line += " seq=" + QByteArray::number(seq) + " time=" + QByteArray::number(timeMs);
    line += " raw=" + QByteArray::number(rawBytes) + " packed=" + QByteArray::number(packedBytes);
    line += " owners=" + ownersName(owners).toByteArray() + '\n';
    return skippable(line);
}

QByteArray RecordingBlock::fileMagic()
{
    return skippable(Magic.toByteArray() + '\n');
}

RecordingBlock::Owners RecordingBlock::ownersOf(QByteArrayView word)
{
    for (qsizetype i = 0; i < word.size(); ++i) {
        if (word[i] == ' ' || word[i] == '\t' || word[i] == '\n' || word[i] == '\r') {
            word = word.first(i);
            break;
        }
    }
    return word == "full"     ? Owners::Full
        : word == "unchanged" ? Owners::Unchanged
        : word == "delta"     ? Owners::Delta
                              : Owners::None;
}

qint64 RecordingBlock::skippableSize(QByteArrayView bytes)
{
    if (bytes.size() < SkippableHeaderBytes || (qFromLittleEndian<quint32>(bytes.data()) & ~0xFu) != SkippableMagic)
        return -1;
    return qFromLittleEndian<quint32>(bytes.data() + 4);
}

std::optional<RecordingBlock> RecordingBlock::parse(QByteArrayView line)
{
    line = line.trimmed();
    if (!line.startsWith(FrameTag))
        return std::nullopt;
    const QList<QByteArray> fields = line.sliced(FrameTag.size()).toByteArray().split(' ');
    RecordingBlock b;
    if (fields.first() != "key" && fields.first() != "delta")
        return std::nullopt;
    b.key = fields.first() == "key";
    b.rawBytes = b.packedBytes = b.timeMs = b.seq = -1;
    for (const QByteArray &f : fields.sliced(1)) {
        const qsizetype eq = f.indexOf('=');
        const QByteArrayView name = QByteArrayView(f).first(qMax<qsizetype>(eq, 0));
        const QByteArrayView value = QByteArrayView(f).sliced(eq + 1);
        if (name == "seq")
            b.seq = number(value);
        else if (name == "time")
            b.timeMs = number(value);
        else if (name == "raw")
            b.rawBytes = number(value);
        else if (name == "packed")
            b.packedBytes = number(value);
        else if (name == "owners")
            b.owners = ownersOf(value);
        // Other fields: a newer writer's, skipped.
    }
    if (b.rawBytes < 0 || b.packedBytes < 0 || b.timeMs < 0 || b.seq < 0)
        return std::nullopt;
    return b;
}

RecordingBlock RecordingBlock::describe(QByteArrayView frameText)
{
    RecordingBlock b;
    b.rawBytes = frameText.size();
    qsizetype at = 0;
    while (at < frameText.size()) {
        qsizetype nl = frameText.indexOf('\n', at);
        if (nl < 0)
            nl = frameText.size();
        const QByteArrayView l = frameText.sliced(at, nl - at).trimmed();
        at = nl + 1;
        if (l.startsWith("@time "))
            b.timeMs = qMax<qint64>(0, number(l.sliced(6)));
        else if (l.startsWith("@seq "))
            b.seq = qMax<qint64>(0, number(l.sliced(5)));
        else if (l == "@delta")
            b.key = false;
        else if (l.startsWith('@') && !l.startsWith("@tcpscope") && !l.startsWith("@host ") && !l.startsWith("@os ")
            && !l.startsWith("@kernel "))
            break; // the first section: the header fields are over
    }
    // The owner section comes last (docs/stream-format.md); content lines never start with '@'.
    const qsizetype owners = frameText.lastIndexOf("\n@owners ");
    if (owners >= 0) {
        const QByteArrayView rest = frameText.sliced(owners + 9);
        b.owners = ownersOf(rest);
    }
    return b;
}
