#pragma once

#include "core/problem.h"
#include "core/processowner.h"
#include "core/socketentry.h"
#include "core/socketowners.h"

#include <QByteArrayView>

#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class Snapshot;

// The optional "@owners" section of a frame (docs/stream-format.md): "@owners full UID" followed by
// one line per process ("PID<TAB>UID<TAB>USER<TAB>INODE,INODE...<TAB>CGROUP<TAB>COMM") and "?" lines
// of scanned inodes nobody held, or "@owners unchanged" (the last full table still holds).
class OwnerSection
{
public:
    static constexpr int FullEvery = 30; // frames: a full table at least this often
    static constexpr int InodesPerLine = 256; // keeps a line far below StreamFrame::MaxLineBytes
    enum class Kind { None, Full, Unchanged, Malformed };
    struct Table
    {
        quint32 scannerUid = 0; // unprivileged, the scanner saw only its own processes (proc(5))
        std::unordered_map<quint64, ProcessOwnerPtr> byInode;
        std::unordered_set<quint64> unfound;
    };

    // Finds the section in a frame's text; content and arg are views into it.
    static Kind find(QByteArrayView frame, QByteArrayView *content = nullptr, QByteArrayView *arg = nullptr);
    // A full section's table, or nullptr with one problem (naming `where` and the line) when any line is
    // malformed: a half-read table would call sockets unowned that are not.
    static std::shared_ptr<const Table> parse(
        QByteArrayView arg, QByteArrayView content, const QString &where, ProblemList &problems);
    // The whole section ("@owners full UID" and its lines) for a snapshot with owners attached.
    static QByteArray full(const Snapshot &snapshot, quint32 scannerUid);
    // What the table says about each socket, as OwnerScanner::attach does for this host.
    static SocketOwners attach(const Table &table, const std::vector<SocketEntry> &sockets);
};
