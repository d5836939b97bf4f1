/* One socket as the iter/tcp experiment writes it (itertcp.bpf.c): the fields a snapshot keeps. */
#pragma once

#ifdef __cplusplus
#include <cstdint>
#define ITERTCP_U8 std::uint8_t
#define ITERTCP_U16 std::uint16_t
#define ITERTCP_U32 std::uint32_t
#define ITERTCP_U64 std::uint64_t
#else
#define ITERTCP_U8 __u8
#define ITERTCP_U16 __u16
#define ITERTCP_U32 __u32
#define ITERTCP_U64 __u64
#endif

struct itertcp_record {
    ITERTCP_U64 cookie;
    ITERTCP_U64 inode;
    ITERTCP_U8 local[16];
    ITERTCP_U8 remote[16];
    ITERTCP_U32 uid;
    ITERTCP_U32 txq;
    ITERTCP_U32 rxq;
    ITERTCP_U16 lport;
    ITERTCP_U16 rport;
    ITERTCP_U8 family;
    ITERTCP_U8 state;
    ITERTCP_U8 retransmits;
    ITERTCP_U8 kind; /* 0 full, 1 timewait, 2 request */
};
