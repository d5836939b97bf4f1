#include "stream/streamrowkey.h"

#include "parse/asciitext.h"
#include "parse/procnettcpparser.h"

StreamRowKey StreamRowKey::of(const SocketEntry &e)
{
    StreamRowKey k;
    k.local = e.localAddr;
    k.remote = e.remoteAddr;
    k.inode = e.inode;
    k.localPort = e.localPort;
    k.remotePort = e.remotePort;
    k.family = e.family;
    return k;
}

bool StreamRowKey::parse(QByteArrayView line, StreamRowKey &key, QByteArrayView *rest)
{
    QByteArrayView f[3];
    qsizetype i = 0;
    for (QByteArrayView &field : f) {
        while (i < line.size() && AsciiText::isSpace(line[i]))
            ++i;
        const qsizetype start = i;
        while (i < line.size() && !AsciiText::isSpace(line[i]))
            ++i;
        field = line.sliced(start, i - start);
    }
    if (rest)
        *rest = line.sliced(i).trimmed();
    // "0100007F:1388" is 13 characters, an IPv6 endpoint 37 (ProcNetTcpParser).
    key.family = f[0].size() == 13 ? AddressFamily::IPv4 : AddressFamily::IPv6;
    quint64 inode = 0;
    if (!ProcNetTcpParser::parseEndpoint(f[0], key.family, key.local, key.localPort)
        || !ProcNetTcpParser::parseEndpoint(f[1], key.family, key.remote, key.remotePort)
        || !AsciiText::parseDecimal(f[2], inode))
        return false;
    key.inode = inode;
    return true;
}
