#pragma once

#include <QByteArray>

#include <cstdio>
#include <random>
#include <vector>

// Version 2 frames of a churning IPv4 socket table for recording tests and benchmarks: rows in the
// kernel's layout (tcp4_seq_show in net/ipv4/tcp_ipv4.c pads each to 149 characters), a keyframe with
// every row or a delta with the rows that changed (state, timer) or are new, and the keys that are gone.
class SyntheticStream
{
public:
    explicit SyntheticStream(int sockets, int changesPerFrame = 20, unsigned seed = 1)
        : m_changes(changesPerFrame)
        , m_random(seed)
    {
        for (int i = 0; i < sockets; ++i)
            m_rows.push_back(newRow());
    }

    // The next frame; a delta changes m_changes rows: half re-armed or moved on, a quarter gone and
    // replaced by new ones.
    QByteArray next(bool key)
    {
        ++m_seq;
        m_timeMs += 1000;
        std::vector<size_t> changed;
        std::vector<QByteArray> gone;
        for (int c = 0; !key && c < m_changes && !m_rows.empty(); ++c) {
            const size_t i = m_random() % m_rows.size();
            if (c % 4 == 3) {
                gone.push_back(rowKey(m_rows[i]));
                m_rows[i] = newRow();
            } else {
                m_rows[i].state = m_rows[i].state == 1 ? 8 : 1; // ESTABLISHED <-> CLOSE_WAIT
                m_rows[i].when += 100;
            }
            changed.push_back(i);
        }
        QByteArray out = "@tcpscope 2\n@host synthetic\n@time " + QByteArray::number(m_timeMs)
            + "\n@os Linux\n@kernel 6.1.0-synthetic\n@seq " + QByteArray::number(m_seq) + '\n';
        out += key ? "" : "@delta\n";
        out += "@tcp\n"
            + pad("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode");
        if (key) {
            for (size_t i = 0; i < m_rows.size(); ++i)
                out += rowText(m_rows[i], i);
        } else {
            for (size_t i : changed)
                out += rowText(m_rows[i], i);
            out += "@gone\n";
            for (const QByteArray &g : gone)
                out += g + '\n';
        }
        out += "@sysctl net.ipv4.tcp_fin_timeout\n60\n@end\n";
        return out;
    }
    qint64 seq() const { return m_seq; }

private:
    struct Row
    {
        quint16 localPort, remotePort;
        int state;
        quint32 when;
        quint64 inode;
    };
    Row newRow()
    {
        ++m_made;
        return { quint16(1024 + m_made % 60000), quint16(80 + m_made / 60000), 1, 0, 100000 + m_made };
    }
    static QByteArray pad(const char *text)
    {
        QByteArray l(text);
        return l.leftJustified(149, ' ') + '\n';
    }
    static QByteArray rowKey(const Row &r)
    {
        char b[64];
        std::snprintf(b, sizeof b, "0100007F:%04X 0200007F:%04X %llu", r.localPort, r.remotePort,
            static_cast<unsigned long long>(r.inode));
        return b;
    }
    static QByteArray rowText(const Row &r, size_t sl)
    {
        char b[200];
        std::snprintf(b, sizeof b,
            "%4zu: 0100007F:%04X 0200007F:%04X %02X 00000000:00000000 %02X:%08X 00000000  1000        0 %llu 1 "
            "ffff8881%08llx 20 4 30 10 -1",
            sl, r.localPort, r.remotePort, r.state, r.when ? 2 : 0, r.when, static_cast<unsigned long long>(r.inode),
            static_cast<unsigned long long>(r.inode * 2654435761u & 0xffffffffu));
        return pad(b);
    }

    std::vector<Row> m_rows;
    int m_changes;
    std::mt19937 m_random;
    quint64 m_made = 0;
    qint64 m_seq = 0;
    qint64 m_timeMs = 1'732'230'000'000;
};
