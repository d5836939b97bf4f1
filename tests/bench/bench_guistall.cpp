// Benchmark (not a ctest test): the longest GUI-thread stall of the real main window at 100k sockets.
//   build/dev/tests/bench/bench_guistall [sockets] [transitions-per-poll] [polls] [sort column|-1]
// A synthetic source (no kernel reads, so only the window's own work is measured) holds `sockets`
// connections, half IPv4 and half IPv6, 50% ESTABLISHED / 30% TIME_WAIT / 10% CLOSE_WAIT /
// 10% FIN_WAIT2, and per poll moves `transitions` of them the way a busy proxy does: new connections
// appear, ESTABLISHED ones close into TIME_WAIT or CLOSE_WAIT, TIME_WAIT and CLOSE_WAIT ones vanish.
// Every event the GUI thread dispatches at top level is timed (QApplication::notify): that is the
// time the window could not paint or react. Printed: the longest stall per poll, its median and
// maximum, and the events over 16 ms.
#include "appoptions.h"
#include "mainwindow.h"
#include "models/connectiontablemodel.h"
#include "sources/snapshotsource.h"
#include "table/connectiontableview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <deque>

namespace {
class StallClock : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        // Only the GUI thread: the tracker and poller threads dispatch through notify() too.
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (m_depth++ > 0) {
            const bool r = QApplication::notify(receiver, event);
            --m_depth;
            return r;
        }
        QElapsedTimer t;
        t.start();
        const int type = event->type(); // the event may be deleted by the time we look again
        const bool r = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = t.nsecsElapsed() / 1e6;
        if (ms > m_worst) {
            m_worst = ms;
            m_worstType = type;
        }
        if (ms > 16.0)
            ++m_over16;
        return r;
    }
    // The longest top-level dispatch since the last call, and its event type.
    std::pair<double, int> takeWorst()
    {
        const auto w = std::make_pair(m_worst, m_worstType);
        m_worst = 0;
        m_worstType = 0;
        return w;
    }
    int over16() const { return m_over16; }

private:
    int m_depth = 0;
    double m_worst = 0;
    int m_worstType = 0;
    int m_over16 = 0;
};

// Connections on loopback with distinct four-tuples; churns `transitions` sockets per poll.
class ChurnSource : public SnapshotSource
{
public:
    ChurnSource(int sockets, int transitions)
        : m_transitions(transitions)
    {
        for (int i = 0; i < sockets; ++i) {
            const int m = i % 10;
            m_live.push_back(make(m < 5 ? TcpState::Established
                    : m < 8             ? TcpState::TimeWait
                    : m < 9             ? TcpState::CloseWait
                                        : TcpState::FinWait2));
        }
    }
    QString description() const override { return QStringLiteral("synthetic churn"); }
    Snapshot poll() override
    {
        if (m_polls++ > 0)
            churn();
        SnapshotData d;
        d.timeMs = 1'800'000'000'000 + qint64(m_polls) * 1000;
        d.host = QStringLiteral("bench");
        d.kernel = QStringLiteral("6.1.0-bench");
        d.source = QStringLiteral("synthetic");
        d.sockets = m_live;
        d.tunables.set(QStringLiteral("net.ipv4.tcp_fin_timeout"), QStringLiteral("60"));
        d.tunables.set(QStringLiteral("net.ipv4.ip_local_port_range"), QStringLiteral("1024 65535"));
        return Snapshot(std::move(d));
    }

private:
    SocketEntry make(TcpState state)
    {
        SocketEntry e;
        const quint32 n = m_next++;
        e.family = n % 2 ? AddressFamily::IPv6 : AddressFamily::IPv4;
        if (e.family == AddressFamily::IPv4) {
            e.localAddr = { 127, 0, 0, 1 };
            e.remoteAddr = { 127, quint8(n >> 24), quint8(n >> 16), 2 };
        } else {
            e.localAddr[15] = 1;
            e.remoteAddr[12] = quint8(n >> 24);
            e.remoteAddr[13] = quint8(n >> 16);
            e.remoteAddr[15] = 2;
        }
        e.localPort = 8080;
        e.remotePort = quint16(1024 + n % 64000);
        e.remoteAddr[2] = quint8(n >> 8); // keeps (addr, port) unique beyond 64k
        setState(e, state);
        e.inode = state == TcpState::TimeWait ? 0 : 1'000'000 + n;
        e.uid = 1000;
        return e;
    }
    static void setState(SocketEntry &e, TcpState state)
    {
        e.state = state;
        e.kind = state == TcpState::TimeWait ? RowKind::TimeWaitSock : RowKind::Full;
        e.timer = state == TcpState::TimeWait ? TimerKind::TimeWait : TimerKind::None;
        e.timerMs = state == TcpState::TimeWait ? 60'000 : 0;
        if (state == TcpState::TimeWait)
            e.inode = 0;
    }
    // A fifth each: appear, ESTABLISHED -> TIME_WAIT, ESTABLISHED -> CLOSE_WAIT, TIME_WAIT gone,
    // CLOSE_WAIT gone; the population stays the same. Victims are spread over the whole table and the
    // survivors keep their order, as in the kernel's hash walk; new connections come last.
    void churn()
    {
        const int fifth = m_transitions / 5;
        int toTw = fifth, toCw = fifth, twGone = fifth, cwGone = fifth;
        const quint32 every = quint32(std::max<size_t>(1, m_live.size() / size_t(std::max(1, m_transitions))));
        std::vector<SocketEntry> kept;
        kept.reserve(m_live.size() + size_t(fifth));
        for (size_t k = 0; k < m_live.size(); ++k) {
            SocketEntry e = m_live[k];
            if (e.timer == TimerKind::TimeWait && e.timerMs >= 1000)
                e.timerMs -= 1000;
            const quint32 h = (quint32(k) + m_offset) * 2654435761u;
            if ((h >> 8) % every == 0) {
                if (e.state == TcpState::Established && (toTw > 0 || toCw > 0)) {
                    setState(e, toTw >= toCw ? TcpState::TimeWait : TcpState::CloseWait);
                    --(toTw >= toCw ? toTw : toCw);
                } else if (e.state == TcpState::TimeWait && twGone > 0) {
                    --twGone;
                    continue;
                } else if (e.state == TcpState::CloseWait && cwGone > 0) {
                    --cwGone;
                    continue;
                }
            }
            kept.push_back(e);
        }
        const size_t target = m_live.size();
        while (kept.size() < target)
            kept.push_back(make(TcpState::Established));
        m_live = std::move(kept);
        m_offset += 7919;
    }

    std::vector<SocketEntry> m_live;
    quint32 m_next = 1;
    quint32 m_offset = 0;
    int m_polls = 0;
    int m_transitions;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    StallClock app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("tcpscope-bench")); // not the user's settings
    const int sockets = argc > 1 ? std::atoi(argv[1]) : 100'000;
    const int transitions = argc > 2 ? std::atoi(argv[2]) : 5'000;
    const int polls = argc > 3 ? std::atoi(argv[3]) : 30;
    const int sortColumn = argc > 4 ? std::atoi(argv[4]) : -1;

    AppOptions options;
    options.intervalMs = 1000;
    MainWindow window(options, std::make_unique<ChurnSource>(sockets, transitions));
    window.resize(1440, 900);
    window.show();
    if (sortColumn >= 0)
        window.tableView()->sortByColumn(sortColumn, Qt::AscendingOrder);

    std::vector<double> perPoll;
    int applied = 0;
    QObject::connect(&window, &MainWindow::snapshotApplied, &window, [&](const Snapshot &s) {
        // Measured from one applied poll to the next, so each figure covers one whole poll period.
        const auto [worst, type] = app.takeWorst();
        if (applied++ > 1) // skip the first poll (all rows inserted at once) and its follow-up
            perPoll.push_back(worst);
        std::printf("poll %3d: %6d sockets, %5d rows, longest GUI stall %6.1f ms (event type %d)\n", applied,
            int(s.sockets().size()), window.tableModel()->rowCount(), worst, type);
        std::fflush(stdout);
        if (applied >= polls)
            QTimer::singleShot(0, &app, &QCoreApplication::quit);
    });
    app.exec();
    std::printf("%d sockets, %d transitions per poll, table sort column %d, %zu polls measured:\n", sockets,
        transitions, sortColumn, perPoll.size());
    std::printf("  longest stall per poll: median %.1f ms, max %.1f ms; events over 16 ms: %d\n", median(perPoll),
        perPoll.empty() ? 0.0 : *std::max_element(perPoll.begin(), perPoll.end()), app.over16());
    return 0;
}
