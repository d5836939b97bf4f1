#include "stream/recordingindex.h"

#include "stream/streamframe.h"

#include <QCoreApplication>
#include <QMutexLocker>

#include <algorithm>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("RecordingIndex", text);
}

constexpr QByteArrayView MagicPrefix = "@tcpscope-recording ";
} // namespace

void RecordingIndex::note(const QString &message)
{
    m_problems.add({ m_path, 0, message });
}

bool RecordingIndex::cancelled(const Progress &progress, qint64 done)
{
    if (!progress || done - m_reported < (qint64(4) << 20))
        return m_cancelled; // every 4 MiB: often enough for a bar, rarely enough to cost nothing
    m_reported = done;
    m_cancelled = !progress(done, m_file.size());
    return m_cancelled;
}

Status RecordingIndex::open(const QString &path, const Progress &progress)
{
    m_reported = 0;
    m_cancelled = false;
    m_path = path;
    m_entries.clear();
    m_keys.clear();
    m_problems = {};
    m_validEnd = 0;
    m_file.close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Status::failure(tr("cannot open recording %1: %2").arg(path, m_file.errorString()));
    const QByteArray head = m_file.read(RecordingBlock::SkippableHeaderBytes + RecordingBlock::MaxHeaderBytes);
    const qint64 magic = RecordingBlock::skippableSize(head);
    const QByteArrayView line = QByteArrayView(head)
                                    .sliced(qMin<qsizetype>(head.size(), 8))
                                    .first(qBound<qsizetype>(0, magic, qMax<qsizetype>(0, head.size() - 8)));
    m_container = magic >= 0 && line.startsWith(MagicPrefix);
    if (m_container && line.trimmed() != RecordingBlock::Magic) {
        return Status::failure(
            tr("%1 is a recording in a format this tcpscope does not read ('%2'; it reads '%3')")
                .arg(path, QString::fromUtf8(line.trimmed()), QString::fromLatin1(RecordingBlock::Magic)));
    }
    if (m_container) {
        indexContainer(RecordingBlock::SkippableHeaderBytes + magic, progress);
    } else {
        m_file.close(); // lines are read buffered
        if (!m_file.open(QIODevice::ReadOnly))
            return Status::failure(tr("cannot open recording %1: %2").arg(path, m_file.errorString()));
        indexText(progress);
    }
    if (m_cancelled) {
        m_entries.clear();
        return Status::failure(tr("opening %1 was cancelled").arg(path));
    }
    for (qsizetype i = 0; i < size(); ++i) {
        if (m_entries[size_t(i)].block.key)
            m_keys.push_back(i);
    }
    return m_entries.empty() ? Status::failure(tr("%1 holds no complete tcpscope frame").arg(path)) : Status();
}

void RecordingIndex::indexContainer(qint64 at, const Progress &progress)
{
    const qint64 end = m_file.size();
    m_validEnd = at;
    qint64 number = 0;
    while (at < end && !cancelled(progress, at)) {
        ++number;
        if (!m_file.seek(at))
            break;
        const QByteArray head = m_file.read(RecordingBlock::SkippableHeaderBytes + RecordingBlock::MaxHeaderBytes);
        const qint64 n = RecordingBlock::skippableSize(head);
        const bool whole = n >= 0 && head.size() >= RecordingBlock::SkippableHeaderBytes + n;
        const auto b = whole && n <= RecordingBlock::MaxHeaderBytes
            ? RecordingBlock::parse(QByteArrayView(head).sliced(RecordingBlock::SkippableHeaderBytes, n))
            : std::nullopt;
        const qint64 packedAt = at + RecordingBlock::SkippableHeaderBytes + n;
        if (!b && (whole || head.size() == RecordingBlock::SkippableHeaderBytes + RecordingBlock::MaxHeaderBytes)) {
            note(tr("frame %1: damaged block header at byte %2; the rest of the recording (%3 bytes) is ignored")
                     .arg(number)
                     .arg(at)
                     .arg(end - at));
            return;
        }
        if (!b || packedAt + b->packedBytes > end) {
            note(tr("frame %1: the last frame is truncated (recording cut off); ignored").arg(number));
            return;
        }
        m_entries.push_back({ number, packedAt, b->packedBytes, *b });
        at = m_validEnd = packedAt + b->packedBytes;
    }
}

void RecordingIndex::indexText(const Progress &progress)
{
    // By lines: a header opens a frame, "@end" closes it. Content checks wait for the decoder.
    qint64 number = 0;
    qint64 start = -1;
    qint64 offset = 0;
    bool inHeader = false;
    RecordingBlock b;
    while (!m_file.atEnd() && !cancelled(progress, offset)) {
        const QByteArray line = m_file.readLine(StreamFrame::MaxLineBytes);
        const qint64 lineStart = offset;
        offset += line.size();
        const QByteArrayView l = QByteArrayView(line).trimmed();
        if (l.startsWith("@tcpscope")) {
            if (start >= 0)
                note(tr("frame %1: truncated (a new frame began before @end); skipped").arg(number));
            ++number;
            start = lineStart;
            b = {};
            inHeader = true;
        } else if (start < 0 || !l.startsWith('@')) {
            continue;
        } else if (l == "@end") {
            b.rawBytes = offset - start;
            m_entries.push_back({ number, start, offset - start, b });
            m_validEnd = offset;
            start = -1;
        } else if (l.startsWith("@owners ")) {
            b.owners = RecordingBlock::ownersOf(l.sliced(8));
        } else if (inHeader) {
            const RecordingBlock field = RecordingBlock::describe(line);
            b.timeMs = b.timeMs ? b.timeMs : field.timeMs;
            b.seq = b.seq ? b.seq : field.seq;
            b.key = b.key && field.key;
            inHeader = l.startsWith("@host") || l.startsWith("@time") || l.startsWith("@os") || l.startsWith("@kernel")
                || l.startsWith("@seq") || l == "@delta";
        }
    }
    if (start >= 0)
        note(tr("frame %1: the last frame is truncated (recording cut off); ignored").arg(number));
}

qsizetype RecordingIndex::keyAtOrBefore(qsizetype pos) const
{
    const auto it = std::upper_bound(m_keys.begin(), m_keys.end(), pos);
    return it == m_keys.begin() ? 0 : *(it - 1);
}

QByteArray RecordingIndex::text(qsizetype pos, QString *error)
{
    const Entry &e = m_entries[size_t(pos)];
    if (qMax(e.block.rawBytes, e.size) > StreamFrame::DefaultMaxBytes) {
        *error = tr("larger than the %1 MiB limit").arg(StreamFrame::DefaultMaxBytes >> 20);
        return {};
    }
    QMutexLocker lock(&m_lock);
    const QByteArray bytes = m_file.seek(e.offset) ? m_file.read(e.size) : QByteArray();
    if (bytes.size() != e.size) {
        *error = m_file.errorString().isEmpty() ? tr("the file is shorter than its index") : m_file.errorString();
        return {};
    }
    return m_container ? m_codec.decompress(bytes, e.block.rawBytes, error) : bytes;
}
