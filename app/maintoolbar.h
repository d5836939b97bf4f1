#pragma once

#include "core/socketentry.h"
#include "core/ssfilter.h"

#include <QToolBar>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;

// Source, pause/resume (Space), poll interval, filter box, state and family filters.
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

Q_SIGNALS:
    void pauseToggled(bool paused);
    void intervalChanged(int ms);
    // Plain search text and an ss expression; at most one is set.
    void filterChanged(const QString &text, const SsFilter &expression);
    void familyChanged(std::optional<AddressFamily> family);
    void stateFilterChanged(std::optional<TcpState> state);

private:
    void onFilterEdited(const QString &text);
    void showFilterError(const QString &error);

    QLabel *m_source;
    QAction *m_pause;
    QComboBox *m_interval;
    QLineEdit *m_filter;
    QAction *m_filterError; // a warning icon in the box while the expression does not parse
    QComboBox *m_state;
    QComboBox *m_family;
};
