#pragma once

#include "tracker/trackedsocket.h"

#include <array>

// The connections table's sort order by column (ConnectionTableModel::Column), without QVariant: the
// sort proxy compares O(n log n) times per re-sort, so it must not allocate.
class RowOrder
{
public:
    static int compare(const TrackedSocket &a, const TrackedSocket &b, int column);
    // The one sort key of the Local and Remote columns: all 16 address bytes (IPv4 in the first 4),
    // then the port, big-endian, so byte order is sort order (SortRole and compare() both use it).
    using EndpointKey = std::array<quint8, 18>;
    static EndpointKey endpointKey(const std::array<quint8, 16> &addr, quint16 port);
};
