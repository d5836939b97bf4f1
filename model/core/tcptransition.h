#pragma once

#include "core/tcpstate.h"

#include <QString>

// One legal move of the TCP state machine (RFC 9293 §3.3.2, Figure 5), labelled "event / action".
struct TcpTransition
{
    enum class Path : quint8 {
        Client, // the usual active opener and active closer path
        Server, // the usual passive opener and passive closer path
        Other, // legal but less common: simultaneous open/close, SYN in TIME-WAIT, ...
        Abort, // RST received, ABORT or user timeout: any synchronized state to CLOSED
    };

    TcpState from;
    TcpState to;
    const char *event; // "rcv FIN"
    const char *action; // "send ACK"; "" when nothing is sent
    Path path;
    int weight; // cost when guessing unseen hops: common moves are cheap, rare ones dear
    const char *explanation; // one plain paragraph for tooltips and lessons, in English (context "TcpStateMachine")
    const char *reference; // "RFC 9293 §3.3.2"

    QString label() const;
    // The explanation in the UI language (the installed translator), English without one.
    QString explanationText() const;
};
