#pragma once

#include <QtGlobal>

// A loopback TCP client with a 4 KiB receive buffer (SO_RCVBUF, socket(7)): while it does not read,
// a server's queue for it fills within a few KiB and stops shrinking. The descriptor, or -1.
class SmallClient
{
public:
    static int connect(quint16 port);
};
