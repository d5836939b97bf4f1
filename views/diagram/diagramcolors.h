#pragma once

#include "core/tcpstate.h"
#include "core/tcptransition.h"

#include <QColor>
#include <QPalette>

// The diagram's colours, chosen to stay readable on light and dark palettes: hues are fixed,
// text and backgrounds come from the palette.
namespace DiagramColors {
QColor forPath(TcpTransition::Path path);
// Which usual path a state belongs to: the active side (client, active closer) or the passive one.
TcpTransition::Path pathOf(TcpState s);
bool isDark(const QPalette &palette);
// `c` mixed towards the palette's base colour; amount 0 = c, 1 = base.
QColor towardsBase(const QColor &c, const QPalette &palette, qreal amount);
} // namespace DiagramColors
