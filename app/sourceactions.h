#pragma once

#include "sources/snapshotsource.h"
#include "sources/sourcespec.h"

#include <QObject>

#include <memory>

class LiveSession;
class QAction;
class QWidget;
class ReplaySource;

// The File menu's source entries: connect over SSH, open a recording, watch this host, record to a
// file and stop. Each builds a source from a SourceSpec (SourceFactory) and gives it to the session;
// the window puts the actions in its menu.
class SourceActions : public QObject
{
    Q_OBJECT
public:
    // `spec` is what the command line named; `window` parents the dialogs.
    SourceActions(LiveSession *session, SourceSpec spec, QWidget *window);

    // Watches what `spec` names from now on. Unless sameHost, the session starts afresh and a
    // recording of the old host stops.
    void open(const SourceSpec &spec, bool sameHost = false);
    // Watches a source built elsewhere (tests, benchmarks); it does not record.
    void watch(std::unique_ptr<SnapshotSource> source, bool sameHost = false);
    // What later sources are paced by (an SSH server's loop).
    void setIntervalMs(int ms) { m_spec.intervalMs = ms; }
    // The recording being played, or null; owned by the poller's worker (its position is thread-safe).
    ReplaySource *replay() const { return m_replay; }
    const SourceSpec &spec() const { return m_spec; }

    QAction *connectAction() const { return m_connect; }
    QAction *openRecordingAction() const { return m_openRecording; }
    QAction *thisHostAction() const { return m_thisHost; }
    QAction *recordAction() const { return m_record; }
    QAction *stopRecordingAction() const { return m_stopRecording; }

    // Stop is enabled while a recording runs (the notice says whether it does).
    void setRecording(bool recording);

Q_SIGNALS:
    void recordingChanged();

private:
    void connectToHost();
    void openRecording();
    // A recording indexed with a progress dialog; nullptr when the user cancelled.
    std::unique_ptr<SnapshotSource> openReplay(const QString &path);
    void startRecording();
    void stopRecording();

    LiveSession *m_session;
    QWidget *m_window;
    SourceSpec m_spec;
    ReplaySource *m_replay = nullptr;
    QAction *m_connect;
    QAction *m_openRecording;
    QAction *m_thisHost;
    QAction *m_record;
    QAction *m_stopRecording;
};
