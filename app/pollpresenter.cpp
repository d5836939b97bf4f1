#include "pollpresenter.h"

#include "chart/chartpanel.h"
#include "diagram/statediagramscene.h"
#include "models/connectiontablemodel.h"
#include "models/processgroupmodel.h"
#include "panels/advisorpanel.h"
#include "panels/tunablespanel.h"
#include "pipeline/livesession.h"
#include "pollstatusbar.h"
#include "table/connectiontableview.h"

PollPresenter::PollPresenter(const LiveSession *session, const Views &views, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_views(views)
{ }

void PollPresenter::show(const TrackerResultPtr &result)
{
    m_views.status->setSnapshot(result->snapshot);
    // An invalid poll (source lost) is said in the status bar; the last good view stays.
    if (result->snapshot.isValid())
        applyStep(result, 0, ConnectionTableModel::nowMs());
    else
        Q_EMIT failed(result->snapshot);
}

void PollPresenter::applyStep(const TrackerResultPtr &result, int step, qint64 now)
{
    // One poll in four turns of the event loop (faded rows out, changed rows, new rows, then the
    // panels): at 100k sockets each part takes up to a frame, and a paint or a key press can go in
    // between (bench_guistall, docs/performance.md).
    if (result->generation != m_session->generation())
        return;
    switch (step) {
    case 0:
        m_views.model->expire(now);
        break;
    case 1:
        m_views.model->apply(result->sockets, result->pollMs, result->events, now, ConnectionTableModel::Part::Changes);
        break;
    case 2:
        m_views.model->apply(
            result->sockets, result->pollMs, result->events, now, ConnectionTableModel::Part::Appeared);
        m_views.table->animate();
        break;
    default:
        applyPanels(result);
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, result, step, now] { applyStep(result, step + 1, now); }, Qt::QueuedConnection);
}

void PollPresenter::applyPanels(const TrackerResultPtr &result)
{
    const Snapshot &snapshot = result->snapshot;
    const bool newHost = m_shown.isNull() || m_shown.host() != snapshot.host();
    m_shown = snapshot;
    m_last = result;
    m_views.processes->apply(result->sockets, snapshot.owners());
    const std::unordered_set<quint64> before = std::exchange(m_pickedIds, {});
    m_drawn = drawn(*result);
    m_views.scene->setSnapshot(m_drawn, m_family);
    // The first poll reports every socket as new: nothing moved, so nothing to animate.
    if (m_polls++ > 0)
        m_views.scene->addEvents(m_process ? pickedEvents(*result, before) : result->events, result->pollMs);
    updateHighlight();
    m_views.chart->refresh();
    m_views.tunables->setSnapshot(snapshot);
    m_views.advisor->setAdvisories(result->advisories);
    Q_EMIT applied(snapshot, newHost);
}

void PollPresenter::reset()
{
    m_views.model->clear();
    m_shown = Snapshot();
    m_drawn = Snapshot();
    m_last.reset();
    m_pickedIds.clear();
    m_views.processes->clear();
    m_polls = 0;
    m_selectedId = 0;
    m_views.chart->refresh();
    m_views.advisor->setAdvisories({});
}

void PollPresenter::setFamily(std::optional<AddressFamily> family)
{
    m_family = family;
    if (!m_drawn.isNull())
        m_views.scene->setSnapshot(m_drawn, family);
}

void PollPresenter::setProcess(qint32 pid, quint64 startTicks)
{
    m_process = pid ? std::optional(std::pair(pid, startTicks)) : std::nullopt;
    if (!m_last)
        return;
    m_drawn = drawn(*m_last);
    m_views.scene->setSnapshot(m_drawn, m_family);
}

Snapshot PollPresenter::drawn(const TrackerResult &result)
{
    m_pickedIds.clear();
    if (!m_process)
        return result.snapshot;
    std::vector<SocketEntry> mine;
    for (const TrackedSocket &t : result.sockets) {
        const ProcessOwner *o = t.owner.get();
        if (o && o->pid == m_process->first && o->startTicks == m_process->second) {
            mine.push_back(t.entry);
            m_pickedIds.insert(t.id);
        }
    }
    return result.snapshot.withSockets(std::move(mine));
}

std::vector<TrackerEvent> PollPresenter::pickedEvents(
    const TrackerResult &result, const std::unordered_set<quint64> &before) const
{
    // A vanished socket is no longer among the result's sockets: it was the process's if it was last poll.
    std::vector<TrackerEvent> out;
    for (const TrackerEvent &ev : result.events) {
        if ((ev.kind == TrackerEvent::Kind::Vanished ? before : m_pickedIds).count(ev.id))
            out.push_back(ev);
    }
    return out;
}

void PollPresenter::setSelectedSocket(quint64 id)
{
    m_selectedId = id;
    updateHighlight();
}

void PollPresenter::updateHighlight() const
{
    const int row = m_selectedId ? m_views.model->rowOf(m_selectedId) : -1;
    const bool live = row >= 0 && m_views.model->statusAt(row) != ConnectionTableModel::Vanished;
    m_views.scene->setHighlightedState(live ? std::optional(m_views.model->socketAt(row).entry.state) : std::nullopt);
}
