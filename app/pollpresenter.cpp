#include "pollpresenter.h"

#include "chart/chartpanel.h"
#include "diagram/statediagramscene.h"
#include "models/connectiontablemodel.h"
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
    m_views.scene->setSnapshot(snapshot, m_family);
    // The first poll reports every socket as new: nothing moved, so nothing to animate.
    if (m_polls++ > 0)
        m_views.scene->addEvents(result->events);
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
    m_polls = 0;
    m_selectedId = 0;
    m_views.chart->refresh();
    m_views.advisor->setAdvisories({});
}

void PollPresenter::setFamily(std::optional<AddressFamily> family)
{
    m_family = family;
    if (!m_shown.isNull())
        m_views.scene->setSnapshot(m_shown, family);
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
