#pragma once

// The record tcpstates.bpf.c writes into its ring buffer, shared by the BPF program (C, types from
// vmlinux.h) and TcpStateEventSource (C++). Fixed layout: 56 bytes, no padding holes.
#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

#define TCPSCOPE_RINGBUF_BYTES (1 << 20)
// Wake user space only once this much is pending: the reader drains every ~50 ms anyway, and a
// wake-up per event costs far more than the event (bpf_ringbuf_submit, BPF_RB_NO_WAKEUP).
#define TCPSCOPE_WAKEUP_BYTES (64 * 1024)

struct TcpStateRecord
{
    __u64 timeNs; // bpf_ktime_get_ns(): CLOCK_MONOTONIC
    __u64 cookie; // bpf_get_socket_cookie(): sock_diag's idiag_cookie
    __u8 saddr[16]; // network byte order; IPv4 in the first 4 bytes
    __u8 daddr[16];
    __u16 sport; // host byte order
    __u16 dport;
    __u16 family; // AF_INET or AF_INET6
    __u8 oldState; // include/net/tcp_states.h
    __u8 newState;
};
