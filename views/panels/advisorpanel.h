#pragma once

#include "analysis/advisory.h"

#include <QWidget>

#include <vector>

class QLabel;
class QListWidget;
class QTextBrowser;

// The advisor's findings: a list by severity and the selected finding's evidence, explanation and
// advice. "Show in diagram" (or a double click) emits stateActivated for the state it concerns.
class AdvisorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AdvisorPanel(QWidget *parent = nullptr);

    // Call once per poll; the selection is kept by id.
    void setAdvisories(const std::vector<Advisory> &advisories);
    const std::vector<Advisory> &advisories() const { return m_advisories; }
    QListWidget *list() const { return m_list; }
    QString detailText() const;
    void select(const QString &id);

Q_SIGNALS:
    void stateActivated(TcpState state);
    // After every setAdvisories(): the findings banner and the dock's title follow the list.
    void advisoriesChanged(const std::vector<Advisory> &advisories);

private:
    void showDetail();

    QLabel *m_summary = nullptr;
    QListWidget *m_list = nullptr;
    QTextBrowser *m_detail = nullptr;
    std::vector<Advisory> m_advisories;
};
