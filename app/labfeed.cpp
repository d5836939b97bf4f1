#include "labfeed.h"

#include "pipeline/poller.h"
#include "sources/local/procsource.h"
#include "teaching/labpanel.h"

LabFeed::LabFeed(LabPanel *panel)
    : QObject(panel)
    , m_panel(panel)
{
    connect(panel, &LabPanel::pollWanted, this, &LabFeed::pollNow);
}

void LabFeed::pollNow()
{
    if (!m_poller) {
        m_poller = new Poller(std::make_unique<ProcSource>(), this);
        m_poller->setIntervalMs(IntervalMs);
        connect(m_poller, &Poller::snapshotReady, m_panel, &LabPanel::onSnapshot);
        m_poller->start();
    }
    m_poller->pollNow();
}
