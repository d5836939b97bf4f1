#pragma once

#include "analysis/advisory.h"

#include <QFrame>
#include <QSet>

#include <vector>

class QLabel;
class QPushButton;

// A strip above the diagram with the most severe finding of the advisor, so that it is seen without
// opening any tab: its severity, title and first line of evidence, how many findings there are, and
// buttons to the sockets it is about and to its details. Hidden while there is none, or after Dismiss
// until another finding comes up. A warning or critical finding not seen before is announced once.
class FindingsBanner : public QFrame
{
    Q_OBJECT
public:
    explicit FindingsBanner(QWidget *parent = nullptr);

    void setAdvisories(const std::vector<Advisory> &advisories);
    // Another host: its findings are new again.
    void reset();
    QString text() const;
    QString topId() const { return m_top; }

Q_SIGNALS:
    void showSockets(TcpState state);
    void showDetails(const QString &id);
    void announced(const Advisory &advisory);

private:
    QLabel *m_dot;
    QLabel *m_text;
    QPushButton *m_sockets;
    QPushButton *m_details;
    QSet<QString> m_announced;
    QSet<QString> m_dismissed; // the findings shown when the user dismissed the strip
    QSet<QString> m_current;
    QString m_top;
    TcpState m_state = TcpState::Unknown;
};
