#include "pipeline/snapshotpacer.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("SnapshotPacer", text);
}
} // namespace

SnapshotPacer::SnapshotPacer(double budget)
    : m_budget(budget > 0 ? budget : DefaultBudget)
{ }

void SnapshotPacer::setRequestedIntervalMs(int ms)
{
    m_requestedMs = qMax(ms, 1);
    recordPoll(-1, m_sockets); // re-derive the factor for the new interval
}

void SnapshotPacer::recordPoll(qint64 costUs, qsizetype sockets)
{
    if (costUs >= 0) {
        const double ms = double(costUs) / 1000;
        // Smooth one slow poll (a busy host) without lagging long behind a real change in size.
        m_costMs = m_haveCost ? 0.7 * m_costMs + 0.3 * ms : ms;
        m_haveCost = true;
        m_sockets = sockets;
    }
    if (!m_haveCost)
        return;
    const double allowedMs = m_budget * m_requestedMs;
    const int wanted = qBound(1, int(std::ceil(m_costMs / allowedMs)), MaxFactor);
    // Hysteresis: speed up again only once the cost is clearly under the budget of the faster rate.
    if (wanted > m_factor || (wanted < m_factor && m_costMs < 0.7 * allowedMs * (m_factor - 1)))
        m_factor = wanted;
}

QString SnapshotPacer::reason() const
{
    if (!isSlowed())
        return {};
    const QLocale c(QLocale::English); // "100,036" whatever the process locale; zh_TW groups digits alike
    auto seconds = [](int ms) -> QString { return QString::number(double(ms) / 1000, 'g', 3) + QLatin1String(" s"); };
    return tr("%1 sockets: a full read costs %2 ms of CPU, so the table is read every %3 (counters every %4)")
        .arg(c.toString(qlonglong(m_sockets)), QString::number(qRound(m_costMs)), seconds(fullIntervalMs()),
            seconds(m_requestedMs));
}
