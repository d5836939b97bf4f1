#pragma once

#include "core/status.h"

#include <QToolButton>

class StateHistory;

// The chart panel's "Export" button. Its menu asks for a file name and writes the chart as PNG or SVG
// (what the view shows) or the history behind it as CSV; a failed write shows its reason as a tooltip.
class ChartExportButton : public QToolButton
{
    Q_OBJECT
public:
    // view: the widget drawn into the images; parent: the panel the dialogs and tooltips belong to.
    ChartExportButton(QWidget *view, const StateHistory *history, QWidget *parent);

    // Empty string on success, otherwise the reason.
    Status writePng(const QString &path) const;
    Status writeSvg(const QString &path) const;
    Status writeCsv(const QString &path) const;

private:
    using Writer = Status (ChartExportButton::*)(const QString &) const;
    void ask(const QString &filter, const QString &suffix, Writer write);

    QWidget *m_view;
    const StateHistory *m_history;
};
