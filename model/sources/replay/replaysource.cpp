#include "sources/replay/replaysource.h"

#include "stream/streamframedecoder.h"
#include "stream/streamframereader.h"

#include <QCoreApplication>
#include <QMutexLocker>

#include <algorithm>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("ReplaySource", text);
}
} // namespace

ReplaySource::ReplaySource(QString path)
    : m_path(std::move(path))
{ }

QString ReplaySource::description() const
{
    return tr("recording %1").arg(m_path);
}

Status ReplaySource::open()
{
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::ReadOnly))
        return m_opened = Status::failure(tr("cannot open recording %1: %2").arg(m_path, m_file.errorString()));
    // Index by lines: a header opens a frame, "@end" closes it. Content checks wait for poll().
    qint64 number = 0;
    qint64 start = -1;
    qint64 time = 0;
    qint64 offset = 0;
    bool ownersFull = false;
    auto note = [&](const QString &m) { m_indexProblems.add({ m_path, 0, m }); };
    while (!m_file.atEnd()) {
        const QByteArray line = m_file.readLine(StreamFrame::MaxLineBytes);
        const qint64 lineStart = offset;
        offset += line.size();
        const QByteArrayView l = QByteArrayView(line).trimmed();
        if (l.startsWith("@tcpscope")) {
            if (start >= 0)
                note(tr("frame %1: truncated (a new frame began before @end); skipped").arg(number));
            ++number;
            start = lineStart;
            time = 0;
            ownersFull = false;
        } else if (start >= 0 && time == 0 && l.startsWith("@time ")) {
            time = l.sliced(6).toLongLong();
        } else if (start >= 0 && l.startsWith("@owners full")) {
            ownersFull = true;
        } else if (start >= 0 && l == "@end") {
            m_index.push_back({ number, start, offset - start, time, ownersFull });
            start = -1;
        }
    }
    if (start >= 0)
        note(tr("frame %1: the last frame is truncated (recording cut off); ignored").arg(number));
    m_opened = m_index.empty() ? Status::failure(tr("%1 holds no complete tcpscope frame").arg(m_path)) : Status();
    return m_opened;
}

void ReplaySource::seek(int frame)
{
    m_position = std::clamp(frame, 0, qMax(0, frameCount() - 1));
}

qint64 ReplaySource::frameTimeMs(int frame) const
{
    return frame >= 0 && frame < frameCount() ? m_index[size_t(frame)].timeMs : 0;
}

int ReplaySource::recordedIntervalMs() const
{
    std::vector<qint64> d;
    for (size_t i = 1; i < m_index.size(); ++i)
        d.push_back(m_index[i].timeMs - m_index[i - 1].timeMs);
    if (d.empty())
        return 1000;
    std::nth_element(d.begin(), d.begin() + qsizetype(d.size() / 2), d.end());
    return int(std::clamp<qint64>(d[d.size() / 2], 100, 3'600'000));
}

Snapshot ReplaySource::poll()
{
    if (m_index.empty()) {
        SnapshotData d;
        d.status = m_opened.error().isEmpty() ? Status::failure(tr("%1 is not open").arg(m_path)) : m_opened;
        d.problems = m_indexProblems;
        return Snapshot(std::move(d));
    }
    const int pos = m_position;
    const Entry &e = m_index[size_t(pos)];
    StreamFrameReader reader;
    reader.feed(readFrame(e));
    reader.finish();
    SnapshotData d;
    ProblemList readProblems = reader.takeProblems();
    if (reader.hasFrame()) {
        StreamFrame f = reader.takeFrame();
        f.number = e.number; // the reader counted from this frame only
        d = StreamFrameDecoder::decode(f);
        seekOwners(pos, d.problems);
        m_owners.feed(f, d.problems);
    } else {
        d.timeMs = e.timeMs;
        d.status = Status::failure(tr("frame %1 of %2 cannot be read").arg(e.number).arg(m_path));
    }
    for (const Problem &p : readProblems.items()) {
        QString m = p.message;
        // The reader counted from 1; its messages name frames as "frame %1" (in its own context).
        const char *frame = QT_TRANSLATE_NOOP("StreamFrameReader", "frame %1");
        m.replace(QCoreApplication::translate("StreamFrameReader", frame).arg(1),
            QCoreApplication::translate("StreamFrameReader", frame).arg(e.number));
        d.problems.add({ m_path, 0, m });
    }
    if (!m_reportedIndexProblems) {
        d.problems.append(m_indexProblems);
        m_reportedIndexProblems = true;
    }
    d.source = description();
    m_shown = pos;
    int expected = pos; // a seek from the GUI thread in the meantime wins
    if (m_playing && pos + 1 < frameCount())
        m_position.compare_exchange_strong(expected, qMin(pos + m_stride, frameCount() - 1));
    return m_owners.attached(Snapshot(std::move(d)));
}

QByteArray ReplaySource::readFrame(const Entry &e)
{
    QMutexLocker lock(&m_fileLock);
    return m_file.seek(e.offset) ? m_file.read(qMin<qint64>(e.size, StreamFrame::DefaultMaxBytes + 1)) : QByteArray();
}

void ReplaySource::seekOwners(int pos, ProblemList &problems)
{
    // An "unchanged" frame is named by the last full table before it, wherever a seek landed.
    int full = pos;
    while (full >= 0 && !m_index[size_t(full)].ownersFull)
        --full;
    if (full < 0 || full == pos) {
        m_owners.reset();
        m_ownersFrom = full;
        return;
    }
    if (full == m_ownersFrom)
        return;
    m_ownersFrom = full;
    StreamFrameReader reader;
    reader.feed(readFrame(m_index[size_t(full)]));
    reader.finish();
    m_owners.reset();
    if (reader.hasFrame()) {
        StreamFrame f = reader.takeFrame();
        f.number = m_index[size_t(full)].number;
        m_owners.feed(f, problems);
    }
}
