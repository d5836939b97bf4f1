#pragma once

#include <QString>

// Where snapshots come from, as the command line or the File menu chose it: this host (and how it is
// read), an SSH server, an agent, stdin or a recording, and whether every frame is also recorded.
// A plain value; SourceFactory turns it into a SnapshotSource. At most one of sshTarget, stdinStream,
// agentHost and replay is set.
struct SourceSpec
{
    enum class Reader { Auto, Netlink, Proc }; // --source: netlink with a /proc fallback, or one of them

    // This host.
    QString procRoot = QStringLiteral("/proc");
    bool procRootGiven = false; // --proc-root names a tree: always read it as text
    Reader reader = Reader::Auto;
    bool stateEvents = true; // with netlink: every state change from eBPF, where the kernel allows (--no-ebpf)
    QString bsdNetstat; // read a FreeBSD/macOS host from saved netstat (and sysctl) text
    QString bsdSysctl;
    // Elsewhere.
    QString sshTarget; // validated [user@]host[:port]
    QString sshConfig; // passed to ssh -F
    bool stdinStream = false; // frames on stdin (docs/stream-format.md)
    QString agentHost; // a tcpscope-agent to connect to
    quint16 agentPort = 0;
    QString replay; // play this recording
    QString record; // append every frame here
    // What a stream source is paced by: the remote loop's interval and the frame timeouts follow it.
    int intervalMs = 1000;
    bool oneShot = false; // --snapshot: one poll, so no bound on how long it may wait

    // The named constructors keep how this host is read (proc root, reader, BSD files) and the
    // interval, and replace where snapshots come from; none records.
    SourceSpec thisHost() const;
    SourceSpec ssh(const QString &target, const QString &config) const;
    SourceSpec recording(const QString &path) const;
    // The same source, with every frame also appended to `path`.
    SourceSpec recordingTo(const QString &path) const;

    // Frames from ssh, stdin or an agent.
    bool isStream() const { return !sshTarget.isEmpty() || stdinStream || !agentHost.isEmpty(); }
    bool isThisHost() const { return !isStream() && replay.isEmpty(); }
    // Everything but a replay can be recorded: a stream keeps its frames, this host's snapshots are
    // written by the pipeline (SnapshotRecorder).
    bool canRecord() const { return replay.isEmpty(); }
};
