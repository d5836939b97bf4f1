// SPDX-License-Identifier: GPL-2.0
// Every TCP state change of one network namespace, from the sock:inet_sock_set_state tracepoint
// (include/trace/events/sock.h) attached as tp_btf: no tracefs needed. Only tp_btf programs here:
// one refused program would fail the whole skeleton load.
//
// A tracing program never nests on one CPU: when a softirq changes a socket's state while the
// program runs in process context, the kernel skips the nested run and counts a recursion miss
// (__bpf_trace_run() in kernel/trace/bpf_trace.c). So a second copy, tcpscopeNested, records
// exactly the events that arrive while tcpscopeSetState is busy on that CPU.
#include "vmlinux.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "tcpstaterecord.h"

#define AF_INET 2
#define AF_INET6 10
#define IPPROTO_TCP 6

char LICENSE[] SEC("license") = "GPL";

// /proc/PID/ns/net inode (ns_common.inum) of the namespace to report; set before load.
const volatile __u32 targetNetns = 0;

// Records the ring buffer had no room for (bpf_ringbuf_reserve failed).
__u64 lostEvents = 0;
// Records tcpscopeNested wrote: the recursion misses of tcpscopeSetState it made up for.
__u64 nestedEvents = 0;

struct
{
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, TCPSCOPE_RINGBUF_BYTES);
} events SEC(".maps");

// Per CPU: 1 while tcpscopeSetState runs there.
struct
{
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u32);
} busy SEC(".maps");

static __always_inline void record(const struct sock *sk, int oldState, int newState)
{
    if (BPF_CORE_READ(sk, sk_protocol) != IPPROTO_TCP)
        return;
    if (BPF_CORE_READ(sk, __sk_common.skc_net.net, ns.inum) != targetNetns)
        return;
    const __u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
    if (family != AF_INET && family != AF_INET6)
        return;

    struct TcpStateRecord *r = bpf_ringbuf_reserve(&events, sizeof *r, 0);
    if (!r) {
        __sync_fetch_and_add(&lostEvents, 1);
        return;
    }
    r->timeNs = bpf_ktime_get_ns();
    r->cookie = bpf_get_socket_cookie((void *)sk);
    r->family = family;
    r->oldState = (__u8)oldState;
    r->newState = (__u8)newState;
    // skc_num is already 0 at the ->CLOSE event (inet_put_port); inet_sport still holds the port.
    const struct inet_sock *inet = (const struct inet_sock *)sk;
    r->sport = bpf_ntohs(BPF_CORE_READ(inet, inet_sport));
    r->dport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
    __builtin_memset(r->saddr, 0, sizeof r->saddr);
    __builtin_memset(r->daddr, 0, sizeof r->daddr);
    if (family == AF_INET) {
        bpf_core_read(r->saddr, 4, &sk->__sk_common.skc_rcv_saddr);
        bpf_core_read(r->daddr, 4, &sk->__sk_common.skc_daddr);
    } else {
        bpf_core_read(r->saddr, 16, &sk->__sk_common.skc_v6_rcv_saddr);
        bpf_core_read(r->daddr, 16, &sk->__sk_common.skc_v6_daddr);
    }
    const long pending = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA);
    bpf_ringbuf_submit(r, pending >= TCPSCOPE_WAKEUP_BYTES ? BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP);
}

SEC("tp_btf/inet_sock_set_state")
int BPF_PROG(tcpscopeSetState, const struct sock *sk, const int oldState, const int newState)
{
    const __u32 zero = 0;
    __u32 *running = bpf_map_lookup_elem(&busy, &zero);
    if (!running)
        return 0;
    *running = 1;
    record(sk, oldState, newState);
    *running = 0;
    return 0;
}

SEC("tp_btf/inet_sock_set_state")
int BPF_PROG(tcpscopeNested, const struct sock *sk, const int oldState, const int newState)
{
    const __u32 zero = 0;
    const __u32 *running = bpf_map_lookup_elem(&busy, &zero);
    if (!running || !*running)
        return 0;
    __sync_fetch_and_add(&nestedEvents, 1);
    record(sk, oldState, newState);
    return 0;
}
