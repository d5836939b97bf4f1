#pragma once

#include "teaching/loopbacklab.h"

#include <QStringList>

#include <optional>
#include <vector>

// One live-lab run: real loopback connections in this process, closed in a textbook pattern in two
// stages so the intermediate kernel states can be watched (CLOSE_WAIT before the passive side closes).
// Uses its own listener, so every lab socket is recognisable by serverPort(). Loopback only, no root.
class LabSession
{
public:
    enum class Pattern { ClientFirst, ServerFirst, Simultaneous, HalfClose, Reset, Burst };

    static std::optional<Pattern> parse(QStringView name);
    static QString name(Pattern p); // "client-first"
    static QStringList names();
    // One line for menus and --help: who closes, what the kernel should show.
    static QString description(Pattern p);

    explicit LabSession(Pattern pattern, int count = 1, AddressFamily family = AddressFamily::IPv4);

    Pattern pattern() const { return m_pattern; }
    int count() const { return m_count; }
    // Stage 1: count connections, ESTABLISHED on both ends.
    Status open();
    // Stage 2: the first side acts (client close, server close, both shutdown, client SHUT_WR, RST).
    // Burst opens and fully closes all of its connections here.
    Status closeFirst();
    // Stage 3: the other side closes; only TIME_WAIT (or nothing, after RST) remains.
    Status closeSecond();
    // All stages in a row.
    Status run();
    // Closes every descriptor still held; the kernel carries on with what remains (TIME_WAIT).
    void cleanUp() { m_lab.closeAll(); }

    quint16 serverPort() const { return m_port; } // kept after cleanUp(), to recognise what remains
    // True if the socket belongs to this lab (either end of a lab connection).
    bool owns(const SocketEntry &s) const;

private:
    Pattern m_pattern;
    int m_count;
    quint16 m_port = 0;
    LoopbackLab m_lab;
    std::vector<LoopbackLab::Endpoints> m_pairs;
};
