#pragma once

#include "report/eventrecord.h"

#include <QString>

// `tcpscope --events` as text, in the columns of bcc's tcpstates(8): TIME LOCAL REMOTE FROM -> TO
// PROCESS. A remembered owner is marked "*", as the footnote in header() says.
class EventText
{
public:
    // The footnote and the column titles, two lines.
    static QString header();
    // One line: the local time of day with ms, the endpoints, the states and the owner ("-" when
    // unknown); inferred hops follow as "via FIN_WAIT1 FIN_WAIT2".
    static QString line(const EventRecord &event);
};
