#pragma once

#include <QString>

// /proc `tr` and inet_diag `timer` codes (net/ipv4/tcp_ipv4.c get_tcp4_sock).
enum class TimerKind : quint8 {
    None = 0,
    Retransmit = 1, // also RACK reordering and tail-loss probe; request rows always print 1
    Keepalive = 2, // also an orphaned FIN_WAIT2 when tcp_fin_timeout > 60 s
    TimeWait = 3,
    ZeroWindowProbe = 4,
};

namespace TimerKinds {
// The word `ss -o` prints (ss(8), tmr_name in misc/ss.c): off, on, keepalive, timewait, persist.
// "on" is the retransmit timer (RACK and tail-loss probe too); "persist" is the zero-window probe.
QString ssName(TimerKind t);
} // namespace TimerKinds
