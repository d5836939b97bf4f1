#pragma once

#include "core/ownerlookup.h"

#include <QObject>

#include <atomic>
#include <memory>

// Runs a source's owner scans (core/ownerlookup.h) on a thread of its own, so reading /proc/PID/fd
// never delays a poll: the poll worker attaches what the last scan found and hands the snapshot on,
// then asks for a scan. At most one scan is queued or running; a request meanwhile is dropped (the
// next poll asks again).
class OwnerWorker : public QObject
{
    Q_OBJECT
public:
    explicit OwnerWorker(std::shared_ptr<OwnerLookup> lookup);

    // Poll thread: the snapshot with the owners the last scan found (no /proc reads).
    Snapshot attach(const Snapshot &snapshot) const;
    // Poll thread: queues a scan of `snapshot` unless one is already queued or running.
    void request(const Snapshot &snapshot);
    bool isScanning() const { return m_busy.load(); }
    quint32 scannerUid() const { return m_lookup->scannerUid(); }

private:
    void scan(const Snapshot &snapshot);

    std::shared_ptr<OwnerLookup> m_lookup;
    std::atomic<bool> m_busy { false };
};
