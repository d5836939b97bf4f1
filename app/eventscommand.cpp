#include "eventscommand.h"

#include "appoptions.h"
#include "pipeline/eventdrainer.h"
#include "pipeline/ownerworker.h"
#include "report/eventjson.h"
#include "report/eventtext.h"
#include "sources/snapshotsource.h"
#include "sources/sourcefactory.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#include <unordered_map>

namespace {
int g_signalPipe[2] = { -1, -1 };

// A signal handler may only call async-signal-safe functions (signal-safety(7)): write(2) one byte to
// a pipe the event loop watches, and stop from there.
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &c, 1);
}

void watchSignals(EventsCommand *command)
{
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return; // no pipe: SIGINT and SIGTERM keep their default action and end the process at once
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, command);
    QObject::connect(notifier, &QSocketNotifier::activated, command, [command] {
        char c = 0;
        while (::read(g_signalPipe[0], &c, 1) > 0) { }
        command->stop();
    });
    struct sigaction sa
    {
    };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout); // per line: a reader of a pipe sees each transition when it happens
}
} // namespace

EventsCommand::EventsCommand(const AppOptions &options, std::unique_ptr<SnapshotSource> source)
    : m_source(std::move(source))
    , m_filter(options.filterExpression)
    , m_json(options.json)
    , m_intervalMs(options.intervalMs)
    , m_durationMs(options.eventsDurationMs)
{
    if (std::shared_ptr<OwnerLookup> lookup = m_source->ownerLookup()) {
        m_owners = new OwnerWorker(std::move(lookup));
        m_owners->moveToThread(&m_ownerThread);
        connect(&m_ownerThread, &QThread::finished, m_owners, &QObject::deleteLater);
        m_ownerThread.setObjectName(QStringLiteral("tcpscope-owners"));
        m_ownerThread.start();
    }
    m_timer.setInterval(m_intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventsCommand::poll);
}

EventsCommand::~EventsCommand()
{
    m_ownerThread.quit();
    m_ownerThread.wait();
}

int EventsCommand::run(const AppOptions &options)
{
    EventsCommand command(options, SourceFactory::create(options.source));
    watchSignals(&command);
    if (!command.start())
        return 1;
    return QCoreApplication::exec();
}

void EventsCommand::startStateEvents()
{
    std::shared_ptr<StateEventFeed> feed = m_source->stateEventFeed();
    if (!feed)
        return;
    auto drainer = std::make_unique<EventDrainer>(std::move(feed));
    const std::optional<Status> started = drainer->waitStarted(10'000);
    if (started && started->ok()) {
        m_events = std::move(drainer);
        return;
    }
    std::fprintf(stderr, "tcpscope: eBPF state changes off: %s\n",
        started ? qPrintable(started->error()) : "the BPF program did not load within 10 s; polling only");
}

Snapshot EventsCommand::pollSource()
{
    Snapshot s = m_source->poll();
    // Drained after the dump: each socket's chain reaches the state the dump saw (tracker/eventchains.h).
    if (m_events)
        s = s.withStateEvents(m_events->take());
    return s; // tracked whole, so the kernel's changes join their sockets; print() filters
}

bool EventsCommand::start()
{
    startStateEvents();
    const Snapshot first = pollSource();
    if (!first.isValid()) {
        std::fprintf(stderr, "tcpscope: %s\n", qPrintable(first.status().error()));
        std::fprintf(stderr, "tcpscope: check that the file exists and is readable, or pass --proc-root DIR\n");
        return false;
    }
    const QString duration = m_durationMs < 0 ? QString() : QStringLiteral(" for %1 s").arg(m_durationMs / 1000.0);
    const QString how = m_source->description() + (m_events ? QStringLiteral(" + eBPF") : QString());
    std::fprintf(stderr, "tcpscope: watching %s every %d ms%s; Ctrl+C stops\n", qPrintable(how), m_intervalMs,
        qPrintable(duration));
    if (!m_json)
        writeOut(EventText::header().toUtf8());
    m_waiting.push_back(first); // the baseline: tracked, not printed
    scanNext();
    m_timer.start();
    if (m_durationMs >= 0)
        QTimer::singleShot(
            m_durationMs, Qt::PreciseTimer, this, &EventsCommand::stop); // a coarse one may fire 5% early
    return true;
}

void EventsCommand::stop()
{
    m_stopping = true;
    m_timer.stop();
    finishIfDone();
}

void EventsCommand::finishIfDone()
{
    if (m_stopping && !m_scanning && m_waiting.empty())
        QCoreApplication::exit(0);
}

void EventsCommand::poll()
{
    const Snapshot s = pollSource();
    if (!s.isValid()) {
        if (!m_failing)
            std::fprintf(
                stderr, "tcpscope: %s (trying again every %d ms)\n", qPrintable(s.status().error()), m_intervalMs);
        m_failing = true;
        return; // no events: a connection is not closed because a read failed
    }
    m_failing = false;
    m_waiting.push_back(s);
    if (!m_scanning)
        scanNext();
}

void EventsCommand::scanNext()
{
    // Polls that waited behind a scan go with its owners; only the newest gets a scan of its own.
    while (m_waiting.size() > 1) {
        track(m_owners ? m_owners->attach(m_waiting.front()) : m_waiting.front());
        m_waiting.pop_front();
    }
    if (m_waiting.empty() || !m_owners) {
        if (!m_waiting.empty())
            track(m_waiting.front());
        m_waiting.clear();
        finishIfDone();
        return;
    }
    // With the last scan's owners attached, the scan reads only the processes that may hold new
    // inodes (OwnerScanner::needsScan), none at all when no inode is new.
    const Snapshot s = m_owners->attach(m_waiting.front());
    m_waiting.pop_front();
    m_scanning = true;
    m_owners->request(s);
    // Posted to the owner worker after the scan, so it runs once the scan is done: events posted to
    // one object are delivered in the order posted (QCoreApplication::postEvent).
    QMetaObject::invokeMethod(
        m_owners,
        [this, s] {
            QMetaObject::invokeMethod(
                this, [this, s] { scanned(s); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void EventsCommand::scanned(const Snapshot &snapshot)
{
    m_scanning = false;
    track(m_owners->attach(snapshot));
    scanNext();
}

void EventsCommand::track(const Snapshot &snapshot)
{
    const StateEvents *kernel = snapshot.stateEvents();
    const std::vector<TrackerEvent> events = m_tracker.update(snapshot);
    if (kernel && kernel->lostSincePrevious > 0) {
        std::fprintf(stderr,
            "tcpscope: eBPF: %llu state changes lost (ring buffer full): paths of this poll inferred\n",
            qulonglong(kernel->lostSincePrevious));
    }
    if (m_baselineTracked)
        print(events, snapshot.timeMs());
    m_baselineTracked = true;
}

void EventsCommand::print(const std::vector<TrackerEvent> &events, qint64 timeMs)
{
    std::unordered_map<quint64, const TrackedSocket *> gone;
    for (const TrackerEvent &ev : events) {
        if (ev.kind == TrackerEvent::Kind::Vanished && gone.empty()) {
            for (const TrackedSocket &t : m_tracker.lastDropped())
                gone.emplace(t.id, &t);
        }
        EventRecord r;
        if (ev.kind == TrackerEvent::Kind::Transient) {
            // Never listed by a poll: its endpoints from the kernel's last change, its owner unknown.
            r.entry = EventRecord::entryOf(*ev.transient, ev.path.size() > 1 ? ev.path[ev.path.size() - 2] : ev.to);
        } else {
            const auto it = gone.find(ev.id);
            const TrackedSocket *t = ev.kind == TrackerEvent::Kind::Vanished ? (it == gone.end() ? nullptr : it->second)
                                                                             : m_tracker.find(ev.id);
            if (!t)
                continue;
            r.entry = t->entry;
            r.owner = t->owner;
            r.remembered = t->ownerRemembered;
        }
        // ss(8) semantics on the socket as this poll left it (a vanished one: as last seen).
        if (!m_filter.matches(r.entry, r.owner.get()))
            continue;
        r.timeMs = timeMs;
        r.id = ev.id;
        r.from = ev.from;
        r.to = ev.to;
        r.seen = ev.observed() ? EventRecord::Seen::Observed : EventRecord::Seen::Polled;
        if (ev.inferred || (ev.observed() && ev.hops() > 1))
            r.path = ev.path;
        writeOut(m_json ? EventJson::line(r) : EventText::line(r).toUtf8());
    }
}
