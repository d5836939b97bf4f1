#pragma once

#include "core/socketentry.h"

#include <QToolBar>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;

// Source, pause/resume (Space), poll interval, filter box, state and family filters.
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
    void filterTextChanged(const QString &text);
    void familyChanged(std::optional<AddressFamily> family);
    void stateFilterChanged(std::optional<TcpState> state);

private:
    QLabel *m_source;
    QAction *m_pause;
    QComboBox *m_interval;
    QLineEdit *m_filter;
    QComboBox *m_state;
    QComboBox *m_family;
};
