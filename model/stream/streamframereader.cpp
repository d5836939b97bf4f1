#include "stream/streamframereader.h"

#include <cstring>
#include <QCoreApplication>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("StreamFrameReader", text);
}

constexpr QByteArrayView HeaderTag("@tcpscope");
constexpr QByteArrayView EndTag("@end");
constexpr size_t MaxQueuedFrames = 64; // a consumer that never takes frames cannot grow memory

bool isHeader(QByteArrayView l)
{
    return l.startsWith(HeaderTag) && (l.size() == HeaderTag.size() || l[HeaderTag.size()] == ' ');
}
} // namespace

StreamFrameReader::StreamFrameReader(qsizetype maxFrameBytes)
    : m_max(qMax<qsizetype>(maxFrameBytes, 1024))
{ }

void StreamFrameReader::problem(const QString &message)
{
    m_problems.add({ QStringLiteral("stream"), 0, message });
}

void StreamFrameReader::feed(QByteArrayView data)
{
    while (!data.isEmpty()) {
        const void *nl = std::memchr(data.data(), '\n', size_t(data.size()));
        const qsizetype n = nl ? static_cast<const char *>(nl) - data.data() : data.size();
        if (!m_partialTooLong) {
            if (m_partial.size() + n > StreamFrame::MaxLineBytes) {
                m_partialTooLong = true; // never buffer an endless line
                m_partial.clear();
            } else {
                m_partial.append(data.first(n));
            }
        }
        if (!nl)
            return;
        data = data.sliced(n + 1);
        if (m_partialTooLong) {
            m_partialTooLong = false;
            if (m_state == State::Inside) {
                problem(tr("frame %1: a line is longer than %2 bytes; frame skipped")
                            .arg(m_number)
                            .arg(StreamFrame::MaxLineBytes));
                m_frame.clear();
                m_state = State::Skipping;
            } else {
                ++m_garbageLines;
            }
            continue;
        }
        if (!m_partial.isEmpty() && m_partial.back() == '\r')
            m_partial.chop(1); // a producer on a CRLF system
        line(m_partial);
        m_partial.clear();
    }
}

void StreamFrameReader::header(QByteArrayView l)
{
    if (m_state == State::Inside)
        problem(tr("frame %1: truncated (a new frame began before @end); dropped").arg(m_number));
    if (m_garbageLines > 0) {
        problem(tr("before frame %1: %2 line(s) outside any frame ignored").arg(m_number + 1).arg(m_garbageLines));
        m_garbageLines = 0;
    }
    ++m_number;
    m_frame.clear();
    const QByteArrayView version = l.sliced(HeaderTag.size()).trimmed();
    bool ok = false;
    const int v = version.toInt(&ok);
    if (!ok || v < StreamFrame::OldestVersion || v > StreamFrame::FormatVersion) {
        problem(tr("frame %1: unknown format version '%2' (this tcpscope reads versions %3 to %4); skipped")
                    .arg(m_number)
                    .arg(QString::fromLatin1(version.first(qMin<qsizetype>(version.size(), 16))))
                    .arg(StreamFrame::OldestVersion)
                    .arg(StreamFrame::FormatVersion));
        m_state = State::Skipping;
        return;
    }
    m_state = State::Inside;
    m_frame.append(l);
    m_frame.append('\n');
}

void StreamFrameReader::line(QByteArrayView l)
{
    if (isHeader(l)) {
        header(l);
        return;
    }
    switch (m_state) {
    case State::Outside:
        if (!l.trimmed().isEmpty())
            ++m_garbageLines;
        return;
    case State::Skipping:
        if (l == EndTag)
            m_state = State::Outside;
        return;
    case State::Inside:
        break;
    }
    if (m_frame.size() + l.size() + 1 > m_max) {
        problem(tr("frame %1: larger than the %2 MiB limit; skipped").arg(m_number).arg(m_max >> 20));
        m_frame.clear();
        m_frame.squeeze();
        m_state = State::Skipping;
        return;
    }
    m_frame.append(l);
    m_frame.append('\n');
    if (l != EndTag)
        return;
    m_state = State::Outside;
    if (m_frames.size() >= MaxQueuedFrames) {
        problem(tr("frame %1: dropped, %2 frames already waiting").arg(m_frames.front().number).arg(MaxQueuedFrames));
        m_frames.pop_front();
    }
    m_frames.push_back({ m_number, std::move(m_frame) });
    m_frame = QByteArray();
}

void StreamFrameReader::finish()
{
    if (!m_partial.isEmpty() && m_state == State::Inside)
        line(m_partial); // a last "@end" without newline still ends its frame
    m_partial.clear();
    if (m_state == State::Inside)
        problem(tr("frame %1: truncated at end of input; ignored").arg(m_number));
    else if (m_garbageLines > 0)
        problem(tr("after frame %1: %2 line(s) outside any frame ignored").arg(m_number).arg(m_garbageLines));
    m_garbageLines = 0;
    m_frame.clear();
    m_state = State::Outside;
}

StreamFrame StreamFrameReader::takeFrame()
{
    StreamFrame f = std::move(m_frames.front());
    m_frames.pop_front();
    return f;
}

ProblemList StreamFrameReader::takeProblems()
{
    return std::exchange(m_problems, ProblemList());
}

void StreamFrameReader::reset()
{
    m_frames.clear();
    m_frame.clear();
    m_partial.clear();
    m_partialTooLong = false;
    m_garbageLines = 0;
    m_state = State::Outside;
}
