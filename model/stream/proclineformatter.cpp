#include "stream/proclineformatter.h"

namespace {
constexpr QByteArrayView Header4("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
                                 "timeout inode\n");
constexpr QByteArrayView Header6("  sl  local_address                         remote_address                        "
                                 "st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n");
constexpr char Hex[] = "0123456789ABCDEF";

void hex(QByteArray &out, quint64 v, int digits)
{
    char buf[16];
    for (int i = digits - 1; i >= 0; --i) {
        buf[i] = Hex[v & 0xf];
        v >>= 4;
    }
    out.append(buf, digits);
}

// %08X of each 32-bit word as the (little-endian) kernel reads the network-order bytes, then ":%04X".
void endpoint(QByteArray &out, AddressFamily family, const std::array<quint8, 16> &a, quint16 port)
{
    const int words = family == AddressFamily::IPv4 ? 1 : 4;
    for (int w = 0; w < words; ++w) {
        const quint8 *b = a.data() + 4 * w;
        hex(out, quint32(b[0]) | quint32(b[1]) << 8 | quint32(b[2]) << 16 | quint32(b[3]) << 24, 8);
    }
    out.append(':');
    hex(out, port, 4);
}
} // namespace

QByteArrayView ProcLineFormatter::header(AddressFamily family)
{
    return family == AddressFamily::IPv4 ? Header4 : Header6;
}

QByteArray ProcLineFormatter::key(const SocketEntry &e)
{
    QByteArray k;
    k.reserve(96);
    endpoint(k, e.family, e.localAddr, e.localPort);
    k.append(' ');
    endpoint(k, e.family, e.remoteAddr, e.remotePort);
    k.append(' ');
    k.append(QByteArray::number(e.inode));
    return k;
}

// The three printers of tcp4_seq_show (net/ipv4/tcp_ipv4.c): get_tcp4_sock prints 17 fields,
// get_timewait4_sock and get_openreq4 12; ProcNetTcpParser tells them apart by tr 3 and the field count.
void ProcLineFormatter::append(QByteArray &out, const SocketEntry &e, int row, int ticksPerSecond)
{
    const QByteArray sl = QByteArray::number(row);
    out.append(qMax<qsizetype>(0, 4 - sl.size()), ' ');
    out.append(sl);
    out.append(": ");
    endpoint(out, e.family, e.localAddr, e.localPort);
    out.append(' ');
    endpoint(out, e.family, e.remoteAddr, e.remotePort);
    out.append(' ');
    hex(out, quint8(e.state), 2);
    out.append(' ');
    hex(out, e.txQueue, 8);
    out.append(':');
    hex(out, e.rxQueue, 8);
    out.append(' ');
    const bool timeWait = e.kind == RowKind::TimeWaitSock;
    hex(out, timeWait ? 3 : quint8(e.timer), 2);
    out.append(':');
    // Round up, so a timer that has not fired yet never reads back as 0 (jiffies_delta_to_clock_t).
    const quint64 ticks = (quint64(e.timerMs) * quint64(qMax(1, ticksPerSecond)) + 999) / 1000;
    hex(out, qMin<quint64>(ticks, 0xffffffffu), 8);
    out.append(' ');
    hex(out, e.retransmits, 8);
    out.append(' ');
    out.append(QByteArray::number(e.uid).rightJustified(5, ' '));
    out.append(' ');
    out.append(QByteArray::number(e.probes).rightJustified(8, ' '));
    out.append(' ');
    out.append(QByteArray::number(e.inode));
    if (timeWait || e.kind == RowKind::Request)
        out.append(" 0 0000000000000000\n"); // refcount, address (%pK: zero unless kptr_restrict allows)
    else
        out.append(" 1 0000000000000000 0 0 0 0 0\n"); // and rto, ato, quick/pingpong, cwnd, ssthresh
}
