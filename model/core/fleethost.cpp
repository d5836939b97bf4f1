#include "core/fleethost.h"

QString FleetHost::sshHost() const
{
    if (instance.startsWith(QLatin1Char('['))) {
        const qsizetype close = instance.indexOf(QLatin1Char(']'));
        return close > 0 ? instance.sliced(1, close - 1) : instance;
    }
    const qsizetype colon = instance.lastIndexOf(QLatin1Char(':'));
    return colon > 0 && instance.count(QLatin1Char(':')) == 1 ? instance.first(colon) : instance;
}
