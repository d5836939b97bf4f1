#pragma once

#include "core/linkstats.h"

#include <QLabel>

// The status bar's view of a remote link (core/linkstats.h): bytes per second and the last frame's
// size, or, in red, that the link cannot keep up and what to do about it. Hidden for this host and
// recordings.
class LinkStatusLabel : public QLabel
{
    Q_OBJECT
public:
    explicit LinkStatusLabel(QWidget *parent = nullptr);

    void setStats(const LinkStats &stats);
    // Why the link cannot keep up, e.g. "3 frames skipped, 4.2 s late"; empty when it keeps up.
    static QString trouble(const LinkStats &stats);
};
