#pragma once

#include "analysis/advisoryprocess.h"
#include "core/tcpstate.h"

#include <QMetaType>
#include <QString>

#include <vector>

// One finding of the advisor: a plain-language diagnosis drawn from a snapshot.
struct Advisory
{
    enum class Severity : quint8 { Info, Warning, Critical };

    QString id; // stable across releases, documented in docs/advisories.md ("tw-recycle-enabled")
    Severity severity = Severity::Info;
    QString title;
    QString evidence; // the numbers that triggered it
    QString explanation;
    QString action; // what to do
    TcpState state = TcpState::Unknown; // the diagram state it is about
    QString reference; // RFC, man page or kernel file
    // Who holds the sockets it is about, at most three, most sockets first; empty when unknown (the
    // evidence then says why) or when the advisory is not about sockets.
    std::vector<AdvisoryProcess> processes;

    static QString severityName(Severity s)
    {
        switch (s) {
        case Severity::Info:
            return QStringLiteral("info");
        case Severity::Warning:
            return QStringLiteral("warning");
        case Severity::Critical:
            return QStringLiteral("critical");
        }
        return {};
    }
};

Q_DECLARE_METATYPE(Advisory)
