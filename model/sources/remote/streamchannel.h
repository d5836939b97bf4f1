#pragma once

#include "core/status.h"

#include <QString>

// A byte stream of frames: ssh's stdout, our stdin, a TCP connection to an agent.
// Used from one thread only (the poller's); every wait is bounded by the caller's timeout.
class StreamChannel
{
public:
    virtual ~StreamChannel() = default;
    // A failure carries a message that says what to do.
    virtual Status open() = 0;
    // > 0 bytes read, 0 nothing within timeoutMs, -1 the stream ended (see closeReason()).
    virtual qint64 read(char *buffer, qint64 max, int timeoutMs) = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    virtual QString closeReason() const = 0;
    virtual QString description() const = 0;
    // True when open() may be tried again after the stream ended (a network peer; not stdin).
    virtual bool canReconnect() const = 0;
};
