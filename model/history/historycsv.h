#pragma once

#include "history/statehistory.h"

#include <QByteArray>

// The history as CSV: a header, then one row per sample: ISO time (UTC), ms since the epoch, a gap
// flag, and one column per state in diagram order.
class HistoryCsv
{
public:
    static QByteArray format(const StateHistory &history);
};
