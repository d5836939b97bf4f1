#pragma once

#include "core/socketentry.h"
#include "core/ssfilter.h"

#include <QToolBar>

#include <optional>
#include <vector>

class ProcessGroupModel;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;

// Source, pause/resume (Space), poll interval, filter box, state and family filters, the process
// picker and the table's group-by-process toggle.
// The filter box: text whose first word is an ss(8) filter keyword (state, src, dport, not, '(', ...)
// is an ss expression, its syntax error shown on the box; any other text is the plain search of
// ConnectionFilterProxy (addresses, state names, port:443, state:time_wait).
class MainToolBar : public QToolBar
{
    Q_OBJECT
public:
    explicit MainToolBar(QWidget *parent = nullptr);

    void setSource(const QString &description);
    void setIntervalMs(int ms);
    void setPaused(bool paused);
    void setStateFilter(std::optional<TcpState> state);
    std::optional<TcpState> stateFilter() const;
    QAction *pauseAction() const { return m_pause; }
    QLineEdit *filterEdit() const { return m_filter; }
    // Checked: the connections table shows one row per process.
    QAction *groupByProcessAction() const { return m_groupByProcess; }
    // The picker's list: the processes of the last poll, with their socket counts. Not changed while
    // the list is open (it would move under the pointer): applied when it closes.
    void setProcesses(const ProcessGroupModel &model);
    // Picks a process (pid 0: all), as if chosen in the list; emits processPicked.
    void setProcess(qint32 pid, quint64 startTicks);
    qint32 processPid() const;
    quint64 processStartTicks() const;
    QString processLabel() const; // "nginx (1234)", empty for all processes
    QComboBox *processPicker() const { return m_process; }

Q_SIGNALS:
    void pauseToggled(bool paused);
    void intervalChanged(int ms);
    // Plain search text and an ss expression; at most one is set.
    void filterChanged(const QString &text, const SsFilter &expression);
    void familyChanged(std::optional<AddressFamily> family);
    void stateFilterChanged(std::optional<TcpState> state);
    // The window shows only this process's sockets (pid 0: all of them).
    void processPicked(qint32 pid, quint64 startTicks);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onFilterEdited(const QString &text);
    void showFilterError(const QString &error);
    void addProcessPicker();
    void fillProcesses();

    QLabel *m_source;
    QAction *m_pause;
    QComboBox *m_interval;
    QLineEdit *m_filter;
    QAction *m_filterError; // a warning icon in the box while the expression does not parse
    QComboBox *m_state;
    QComboBox *m_family;
    QComboBox *m_process;
    QAction *m_groupByProcess;
    struct Choice
    {
        QString label;
        qint32 pid = 0;
        quint64 startTicks = 0;
        int sockets = 0;
    };
    std::vector<Choice> m_choices; // the last poll's processes, by name then pid
    bool m_choicesPending = false; // set while the list was open
};
