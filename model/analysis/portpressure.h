#pragma once

#include "core/snapshot.h"

#include <QString>

#include <vector>

// Ephemeral-port use per destination (net/ipv4/inet_hashtables.c __inet_hash_connect). connect() needs only the 4-tuple
// to be unique, so the limit applies per D = (local IP, remote IP, remote port): sockets of D in any state, TIME_WAIT
// included, whose local port lies in ip_local_port_range, out of the range's capacity. macOS picks a port unique per
// local address whatever the destination (xnu bsd/netinet/in_pcb.c in_pcbbind), so there D is the local IP alone.
class PortPressure
{
public:
    struct Destination
    {
        QString localAddress;
        QString remote; // "127.0.0.2:5432"; empty when the range is shared by every destination (macOS)
        int used = 0;
        double share = 0; // used / capacity
    };
    struct Result
    {
        bool valid = false; // false: no port range in the snapshot
        int first = 0;
        int last = 0;
        int reserved = 0; // reserved ports inside the range
        int listenersInRange = 0; // range ports held by listeners (bind())
        int capacity = 0;
        bool perLocalAddress = false; // macOS: one range per local address, shared by all destinations
        std::vector<Destination> top; // most used first
    };
    // Top `limit` destinations by use.
    static Result compute(const Snapshot &snapshot, int limit = 5);
    // Ports listed in ip_local_reserved_ports ("8080,9000-9010") that fall inside [first, last].
    static int reservedInRange(const QString &list, int first, int last);
};
