// tcpstatesprobe: opens the eBPF state-change event source once and prints the outcome.
// Exit 0 when it loaded, 1 with the reason on stdout when it did not.
#include "sources/local/ebpf/tcpstateeventsource.h"

#include <cstdio>

int main()
{
    TcpStateEventSource source;
    const Status opened = source.open();
    if (!opened.ok()) {
        std::printf("%s\n", qPrintable(opened.error()));
        return 1;
    }
    std::printf("loaded\n");
    return 0;
}
