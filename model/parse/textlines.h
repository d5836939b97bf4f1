#pragma once

#include <QByteArrayView>

#include <cstring>

// The lines of a text: `for (const TextLines::Line &line : TextLines(text))`. Lines end at '\n', as seq_file,
// netstat and sysctl print them; a '\r' before it stays in the line (the parsers treat it as white space).
// A last line without '\n' is still a line, a '\n' at the very end starts no empty one, and empty input has
// no lines. Numbers start at 1 and count blank lines, so a Problem names the line an editor shows. Header
// only, so that the /proc/net/tcp loop inlines it.
class TextLines
{
public:
    struct Line
    {
        QByteArrayView text;
        qint64 number = 0;
        bool terminated = false; // false only for a last line cut before its '\n'
    };

    struct End
    {
    };

    class Iterator
    {
    public:
        explicit Iterator(QByteArrayView text)
            : m_text(text)
        {
            advance();
        }
        const Line &operator*() const { return m_line; }
        const Line *operator->() const { return &m_line; }
        Iterator &operator++()
        {
            advance();
            return *this;
        }
        bool operator==(End) const { return m_atEnd; }

    private:
        void advance()
        {
            if (m_next >= m_text.size()) {
                m_atEnd = true;
                return;
            }
            // memchr(3) straight on the bytes: this loop runs once per socket of /proc/net/tcp.
            const char *start = m_text.data() + m_next;
            const auto *nl = static_cast<const char *>(std::memchr(start, '\n', size_t(m_text.size() - m_next)));
            m_line.terminated = nl != nullptr;
            const qsizetype end = nl ? qsizetype(nl - m_text.data()) : m_text.size();
            m_line.text = QByteArrayView(start, end - m_next);
            ++m_line.number;
            m_next = end + 1;
        }

        QByteArrayView m_text;
        qsizetype m_next = 0; // where the line after m_line starts
        Line m_line;
        bool m_atEnd = false;
    };

    explicit TextLines(QByteArrayView text)
        : m_text(text)
    { }
    Iterator begin() const { return Iterator(m_text); }
    End end() const { return {}; }

private:
    QByteArrayView m_text;
};
