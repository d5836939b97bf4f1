#include "history/historycsv.h"

#include <QDateTime>

QByteArray HistoryCsv::format(const StateHistory &h)
{
    QByteArray out = "time,epoch_ms,gap_before";
    for (TcpState s : TcpStates::rfcStates) {
        if (s != TcpState::Close) // never in the kernel's tables, so never counted
            out += ',' + TcpStates::kernelName(s).toLatin1();
    }
    out += '\n';
    for (qsizetype i = 0; i < h.size(); ++i) {
        const StateHistory::Sample &sm = h.at(i);
        out += QDateTime::fromMSecsSinceEpoch(sm.timeMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
        out += ',' + QByteArray::number(sm.timeMs) + (sm.gapBefore ? ",1" : ",0");
        for (TcpState s : TcpStates::rfcStates) {
            if (s != TcpState::Close)
                out += ',' + QByteArray::number(sm.count(s));
        }
        out += '\n';
    }
    return out;
}
