#pragma once

#include "core/tcpstate.h"

#include <QList>
#include <QString>

#include <optional>

// One segment on a lesson's packet ladder.
struct LessonPacket
{
    enum class Endpoint : quint8 { Client, Server };

    Endpoint from = Endpoint::Client;
    QString flags; // "SYN", "SYN,ACK", "FIN,ACK", "RST", "PSH,ACK"
    std::optional<quint32> seq;
    std::optional<quint32> ack;
    std::optional<quint32> tsval; // RFC 7323 timestamps, only where the lesson is about them
    std::optional<quint32> tsecr;
    int length = 0; // payload bytes
    bool lost = false; // dropped on the way (a lost ACK, a SYN PAWS rejects): drawn crossed out
    bool inFlight = false; // still travelling at the end of its step; it lands in the next (crossing FINs)
    QString note; // short label beside the arrow: "old duplicate", "retransmission"

    // "SYN,ACK seq=300 ack=101 TSval=5000" as printed on the arrow.
    QString label() const;
};

// One step: the packets it sends, both endpoints' states once they have arrived, and why.
struct LessonStep
{
    QString title; // a few words: "Client sends FIN"
    QList<LessonPacket> packets;
    TcpState client = TcpState::Close;
    TcpState server = TcpState::Close;
    QString narration; // plain sentences for the audience
    QString reference; // "RFC 9293 §3.6"
    QString time; // optional clock label on the ladder: "t = 60 s"
    QString clientLabel; // optional new lane name from this step on ("Client B")
    QString serverLabel;
};

// A teaching story read from resources/lessons/<id>.json (data, not code).
struct Lesson
{
    QString id; // file name without .json: "active-close"
    QString title;
    QString summary;
    int order = 100; // position in the lesson list
    QString clientLabel = QStringLiteral("Client");
    QString serverLabel = QStringLiteral("Server");
    TcpState clientStart = TcpState::Close;
    TcpState serverStart = TcpState::Close;
    QStringList references;
    QString lab; // the live-lab pattern that shows this story on the real kernel ("client-first"), optional
    int labCount = 1;
    QList<LessonStep> steps;

    // State before step 0 is the start state; after step i it is steps[i]'s.
    TcpState clientAt(int step) const { return step < 0 ? clientStart : steps.at(step).client; }
    TcpState serverAt(int step) const { return step < 0 ? serverStart : steps.at(step).server; }
    QString clientLabelAt(int step) const;
    QString serverLabelAt(int step) const;
};
