#pragma once

#include "sources/remote/streamchannel.h"

// Frames from a file descriptor: our stdin (`ssh host tcpscope-agent --stdout | tcpscope --stdin`)
// or a TCP connection to tcpscope-agent (`--connect host:port`, usually an `ssh -L` forward).
class StreamFdChannel : public StreamChannel
{
public:
    static StreamFdChannel *stdinChannel();
    static StreamFdChannel *tcpChannel(const QString &host, quint16 port);
    ~StreamFdChannel() override;

    Status open() override;
    qint64 read(char *buffer, qint64 max, int timeoutMs) override;
    void close() override;
    bool isOpen() const override { return m_fd >= 0; }
    QString closeReason() const override { return m_reason; }
    QString description() const override;
    bool canReconnect() const override { return !m_host.isEmpty(); }

private:
    StreamFdChannel() = default;
    QString m_host; // empty: stdin
    quint16 m_port = 0;
    int m_fd = -1;
    QString m_reason;
};
