#pragma once

#include <QtGlobal>

// How well a remote stream's link keeps up (sources/remote/linkmeter.h), carried on every snapshot
// of --ssh, --connect and --stdin. All figures are this machine's view of the received bytes.
struct LinkStats
{
    // A link warns for this long after the last sign of trouble, so a status bar does not flicker.
    static constexpr qint64 WarnForMs = 10'000;

    bool measured = false; // false: not a stream (this host, a recording)
    qint64 bytesPerSecond = 0; // received, over the last few seconds
    qint64 lastFrameBytes = 0; // the frame this snapshot shows
    // Signs that the link is too slow for the frames, within the last WarnForMs:
    qint64 framesSkipped = 0; // frames that queued up behind others and were skipped to show the newest
    qint64 lateMs = 0; // arrival behind the frames' @time spacing (the largest drift seen)
    qint64 deltasLost = 0; // deltas that could not be applied (a frame before them was lost)

    bool cannotKeepUp() const { return framesSkipped > 0 || lateMs > 0 || deltasLost > 0; }
};
