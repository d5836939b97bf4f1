#include "stream/streamframewriter.h"

#include "stream/streamframe.h"

namespace {
QByteArray oneLine(const QString &s)
{
    QByteArray b = s.toUtf8();
    b.replace('\n', ' ');
    return b;
}
} // namespace

void StreamFrameWriter::begin(const QString &host, qint64 timeMs, const QString &os, const QString &kernel)
{
    m_out.clear();
    m_out += "@tcpscope " + QByteArray::number(StreamFrame::FormatVersion) + '\n';
    m_out += "@host " + oneLine(host) + '\n';
    m_out += "@time " + QByteArray::number(timeMs) + '\n';
    m_out += "@os " + oneLine(os) + '\n';
    m_out += "@kernel " + oneLine(kernel) + '\n';
}

void StreamFrameWriter::section(QByteArrayView tag, QByteArrayView content, QByteArrayView arg)
{
    m_out += '@';
    m_out += tag;
    if (!arg.isEmpty()) {
        m_out += ' ';
        m_out += arg;
    }
    m_out += '\n';
    if (content.isEmpty())
        return;
    if (!content.startsWith('@') && !content.contains("\n@")) {
        m_out += content; // the common case (/proc text): one copy
    } else {
        qsizetype start = 0;
        while (start < content.size()) {
            qsizetype nl = content.indexOf('\n', start);
            if (nl < 0)
                nl = content.size();
            if (content[start] == '@')
                m_out += '@';
            m_out += content.sliced(start, nl - start);
            m_out += '\n';
            start = nl + 1;
        }
        return;
    }
    if (!content.endsWith('\n'))
        m_out += '\n';
}

void StreamFrameWriter::field(QByteArrayView tag, QByteArrayView value)
{
    m_out += '@';
    m_out += tag;
    if (!value.isEmpty()) {
        m_out += ' ';
        m_out += value;
    }
    m_out += '\n';
}

QByteArray StreamFrameWriter::end()
{
    m_out += "@end\n";
    return std::exchange(m_out, QByteArray());
}
