#pragma once

#include <QtGlobal>

// Bytes a socket's kernel send queue still holds (sent and not yet acknowledged, or not yet sent):
// SIOCOUTQ on Linux (tcp(7)). A reader that stopped reading leaves it full and unchanging, however
// little was written: the agent's small deltas would take minutes to fill its own buffer. -1 where
// the kernel does not say.
class SendQueue
{
public:
    static qint64 bytes(qintptr socketDescriptor);
};
