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
// of scanned inodes nobody held; "@owners delta UID" with the same lines for the inodes new since the
// last frame only (version 2); or "@owners unchanged" (the table kept still holds).
class OwnerSection
{
public:
    static constexpr int FullEvery = 30; // frames: a full table at least this often
    static constexpr int InodesPerLine = 256; // keeps a line far below StreamFrame::MaxLineBytes
    enum class Kind { None, Full, Delta, Unchanged, Malformed };
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
    // The whole section ("@owners full UID" and its lines) for a snapshot with owners attached; with
    // `only`, a delta of those inodes alone ("@owners delta UID").
    static QByteArray full(const Snapshot &snapshot, quint32 scannerUid);
    static QByteArray delta(const Snapshot &snapshot, quint32 scannerUid, const std::unordered_set<quint64> &only);
    // The table as a full section again: a keyframe that stands in for the frames before it.
    static QByteArray write(const Table &table);
    // Adds a delta's table to `into`: its inodes' owners replace what `into` said of them.
    static void merge(Table &into, const Table &delta);
    // What the table says about each socket, as OwnerScanner::attach does for this host.
    static SocketOwners attach(const Table &table, const std::vector<SocketEntry> &sockets);
};
