#include "core/timerkind.h"

QString TimerKinds::ssName(TimerKind t)
{
    switch (t) {
    case TimerKind::None:
        return QStringLiteral("off");
    case TimerKind::Retransmit:
        return QStringLiteral("on");
    case TimerKind::Keepalive:
        return QStringLiteral("keepalive");
    case TimerKind::TimeWait:
        return QStringLiteral("timewait");
    case TimerKind::ZeroWindowProbe:
        return QStringLiteral("persist");
    }
    return QStringLiteral("unknown");
}
