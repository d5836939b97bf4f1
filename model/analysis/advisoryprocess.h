#pragma once

#include <QString>

// A process that holds sockets an advisory is about (Advisory::processes), most sockets first.
struct AdvisoryProcess
{
    qint32 pid = 0;
    QString name; // comm (proc(5))
    int count = 0; // of the advisory's sockets
    // The sockets have no inode any more (TIME_WAIT, orphan): the process is the one that held them
    // when last seen owned (tracker/trackedsocket.h), not one that holds them now.
    bool remembered = false;
    qint64 oldestMs = -1; // the longest one has been in its state; -1 when unknown (no tracker)
    bool oldestAtLeast = false; // that one was there before the first poll: oldestMs is a lower bound
};
