#pragma once

#include "core/snapshot.h"
#include "core/socketkey.h"

#include <QString>

#include <optional>
#include <unordered_set>
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
        SocketKey key; // D: the local port zeroed (and the remote end too on macOS)
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
        std::unordered_set<quint16> listenPorts; // local ports of listeners: never ephemeral
    };
    // Top `limit` destinations by use.
    static Result compute(const Snapshot &snapshot, int limit = 5);
    // Whether `s` is one of the sockets counted as `d`'s use (d from r, r computed from s's snapshot).
    static bool counts(const SocketEntry &s, const Result &r, const Destination &d);
    // Ports listed in ip_local_reserved_ports ("8080,9000-9010") that fall inside [first, last].
    static int reservedInRange(const QString &list, int first, int last);

private:
    // D of an outgoing socket whose local port lies in r's range; none for listeners and inbound.
    static std::optional<SocketKey> destination(const SocketEntry &s, const Result &r);
};
