#pragma once

#include "core/tcpstate.h"

#include <QColor>

#include <array>

// One colour per TCP state, shared by the chart and panels so a state looks the same everywhere.
// Teardown states get the warm colours; TIME_WAIT, the one admins come for, the strongest.
class StatePalette
{
public:
    static QColor color(TcpState s);
    // The states the chart plots, in stacking order (CLOSE is never in the kernel's tables).
    static const std::array<TcpState, 10> &chartStates();
};
