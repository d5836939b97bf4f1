#pragma once

#include "core/expected.h"
#include "core/socketentry.h"

#include <QString>

#include <functional>
#include <vector>

// Opens real loopback TCP connections and closes them in textbook patterns, so the kernel's own
// states can be seen: TIME_WAIT on the side that closed first, CLOSE_WAIT on the side that did not.
// Loopback only, no root needed. Every descriptor it holds is closed by the destructor.
class LoopbackLab
{
public:
    explicit LoopbackLab(AddressFamily family = AddressFamily::IPv4);
    ~LoopbackLab();
    LoopbackLab(const LoopbackLab &) = delete;
    LoopbackLab &operator=(const LoopbackLab &) = delete;

    AddressFamily family() const { return m_family; }
    // A listener on the loopback address with a kernel-chosen port.
    Expected<quint16> listen(bool deferAccept = false);
    // n connections that stay ESTABLISHED (2n sockets: both ends).
    Status established(int n);
    // Client closes first, server follows: n client-side TIME_WAIT sockets.
    Status clientClosesFirst(int n);
    // Server closes first, client follows: n server-side TIME_WAIT sockets on the listening port.
    Status serverClosesFirst(int n);
    // Client closes (or only shuts down writing) and the server never does: n CLOSE_WAIT on the
    // server, n FIN_WAIT2 on the client (orphaned minisockets when the client closed).
    Status halfClosed(int n, bool clientCloses);
    // Connects to a TCP_DEFER_ACCEPT listener and sends nothing: n request sockets in SYN_RECV.
    Status synRecv(int n);
    // Abortive close (SO_LINGER 0): RST, no TIME_WAIT anywhere.
    Status reset(int n);
    // How many connections to leave in each pattern (the methods above, in this order).
    struct Mix
    {
        int established = 0; // established()
        int timeWait = 0; // clientClosesFirst()
        int serverTimeWait = 0; // serverClosesFirst()
        int closeWait = 0; // halfClosed(n, true): CLOSE_WAIT + orphaned FIN_WAIT2
        int finWait2 = 0; // halfClosed(n, false): CLOSE_WAIT + owned FIN_WAIT2
        int synRecv = 0; // synRecv()
        int reset = 0; // reset()
    };
    // A listener, then every pattern of the mix; stops at the first failure.
    Status populate(const Mix &mix);
    // Closes every descriptor the lab holds (the kernel carries on with what remains).
    void closeAll();

    // Building blocks for staged patterns (LabSession): a connected pair on the current listener.
    struct Endpoints
    {
        int client = -1;
        int server = -1;
    };
    Status openPair(Endpoints &pair);
    // Simultaneous close: both ends call shutdown(SHUT_WR) with neither FIN acknowledged yet. On loopback a FIN
    // is processed inside the sender's syscall, so the server's receive window is filled first: the client's
    // FIN then waits behind unsent data while the server's FIN arrives, and the client goes FIN_WAIT1 ->
    // CLOSING (RFC 9293 §3.6 case 3). With `finish` the server drains, both ends end in TIME_WAIT; without,
    // the client stays in CLOSING until closeAll(). Its small-window listener becomes the current one.
    Status simultaneousClose(int n, bool finish = true, std::vector<Endpoints> *unfinished = nullptr);

    // close() on one descriptor the lab holds.
    void closeFd(int fd) { release(fd); }
    // shutdown(SHUT_WR): sends FIN but keeps the descriptor (half-close).
    Status shutdownWrite(int fd);
    // SO_LINGER {1, 0} then close(): an RST instead of a FIN, no TIME_WAIT (tcp_disconnect).
    void abort(int fd);
    // Reads until the peer's FIN (end-of-file) or a 5 s timeout.
    static bool readToEof(int fd);
    // The kernel's state for one descriptor (TCP_INFO tcpi_state), Unknown on error.
    static TcpState stateOf(int fd);

    quint16 lastListenPort() const { return m_listenPort; }

private:
    Status halfClosedByClient(int n) { return halfClosed(n, true); }
    Status halfClosedOwned(int n) { return halfClosed(n, false); }
    Status connectPair(quint16 port, Endpoints &pair, bool accept = true);
    // n connected pairs on the current listener (made if needed), each handed to act.
    Status forPairs(int n, const std::function<void(const Endpoints &)> &act);
    Expected<quint16> ensureListener();
    Expected<quint16> listenWith(bool deferAccept, int receiveBuffer);
    static Status fail(const QString &what);
    void release(int fd);

    AddressFamily m_family;
    std::vector<int> m_fds;
    int m_listenFd = -1;
    quint16 m_listenPort = 0;
};
