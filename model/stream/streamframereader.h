#pragma once

#include "core/problem.h"
#include "stream/streamframe.h"

#include <QByteArrayView>

#include <deque>

// Cuts a byte stream into frames. Incremental (feed any chunk size), bounded (a frame over the
// size limit is skipped, not buffered) and never throws: garbage, truncated frames and unknown
// versions become problems that name the frame number, and the stream carries on.
class StreamFrameReader
{
public:
    explicit StreamFrameReader(qsizetype maxFrameBytes = StreamFrame::DefaultMaxBytes);

    void feed(QByteArrayView data);
    // End of input: a frame without "@end" is reported as truncated and dropped.
    void finish();
    bool hasFrame() const { return !m_frames.empty(); }
    // Bytes of the frame being read, not complete yet (a 100k-socket keyframe is 16 MB).
    qsizetype pendingBytes() const { return m_state == State::Inside ? m_frame.size() + m_partial.size() : 0; }
    StreamFrame takeFrame();
    ProblemList takeProblems();
    // Drops queued frames and any partial one (e.g. after a reconnect).
    void reset();

private:
    enum class State { Outside, Inside, Skipping };
    void line(QByteArrayView l); // without the '\n'
    void header(QByteArrayView l);
    void problem(const QString &message);

    qsizetype m_max;
    State m_state = State::Outside;
    QByteArray m_partial; // an incomplete line
    bool m_partialTooLong = false;
    QByteArray m_frame;
    qint64 m_number = 0;
    qint64 m_garbageLines = 0;
    std::deque<StreamFrame> m_frames;
    ProblemList m_problems;
};
