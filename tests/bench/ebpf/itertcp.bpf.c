// SPDX-License-Identifier: GPL-2.0
// The iter/tcp experiment: every TCP socket of the reader's network namespace (listeners, full,
// timewait and request sockets, as net/ipv4/tcp_ipv4.c bpf_iter_tcp_seq_show() walks them) written
// as one fixed-size record, to compare its cost with a sock_diag dump (docs/performance.md).
#include "vmlinux.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "itertcp.h"

char LICENSE[] SEC("license") = "GPL";

#define AF_INET 2
#define TCP_TIME_WAIT 6
#define TCP_LISTEN 10
#define TCP_NEW_SYN_RECV 12

SEC("iter/tcp")
int dump_tcp(struct bpf_iter__tcp *ctx)
{
    struct sock_common *skc = ctx->sk_common;
    if (!skc)
        return 0;
    struct itertcp_record r = {};
    r.family = skc->skc_family;
    r.state = skc->skc_state;
    r.lport = skc->skc_num;
    r.rport = bpf_ntohs(skc->skc_dport);
    if (r.family == AF_INET) {
        __builtin_memcpy(r.local, &skc->skc_rcv_saddr, 4);
        __builtin_memcpy(r.remote, &skc->skc_daddr, 4);
    } else {
        BPF_CORE_READ_INTO(&r.local, skc, skc_v6_rcv_saddr);
        BPF_CORE_READ_INTO(&r.remote, skc, skc_v6_daddr);
    }
    r.cookie = bpf_get_socket_cookie(skc);
    struct tcp_timewait_sock *tw = bpf_skc_to_tcp_timewait_sock(skc);
    struct tcp_request_sock *req = bpf_skc_to_tcp_request_sock(skc);
    struct tcp_sock *tp = bpf_skc_to_tcp_sock(skc);
    if (tw) {
        r.kind = 1;
    } else if (req) {
        r.kind = 2;
    } else if (tp) {
        const struct sock *sk = &tp->inet_conn.icsk_inet.sk;
        r.uid = sk->sk_uid.val;
        if (sk->sk_socket)
            r.inode = BPF_CORE_READ(sk, sk_socket, file, f_inode, i_ino);
        if (r.state == TCP_LISTEN) {
            r.rxq = sk->sk_ack_backlog;
            r.txq = sk->sk_max_ack_backlog;
        } else {
            r.txq = tp->write_seq - tp->snd_una;
            r.rxq = tp->rcv_nxt - tp->copied_seq;
        }
        r.retransmits = tp->inet_conn.icsk_retransmits;
    }
    bpf_seq_write(ctx->meta->seq, &r, sizeof r);
    return 0;
}
