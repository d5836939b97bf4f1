#include "pollstatusbar.h"

#include "linkstatuslabel.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QToolButton>

PollStatusBar::PollStatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_host(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_poll(new QLabel(this))
    , m_sockets(new QLabel(this))
    , m_owners(new QLabel(this))
    , m_link(new LinkStatusLabel(this))
    , m_problems(new QToolButton(this))
    , m_cancel(new QToolButton(this))
{
    m_host->setText(tr("Reading the kernel's TCP table..."));
    addWidget(m_host, 1);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    addWidget(m_notice, 2);
    addPermanentWidget(m_poll);
    addPermanentWidget(m_sockets);
    m_owners->hide();
    addPermanentWidget(m_owners);
    addPermanentWidget(m_link);
    m_problems->setAutoRaise(true);
    m_problems->setToolTip(tr("Lines of input that could not be used; click to list them"));
    m_problems->setText(tr("0 problems"));
    m_poll->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("paused \u2014 last poll 00:00:00, took 000.0 ms")));
    connect(m_problems, &QToolButton::clicked, this, &PollStatusBar::showProblems);
    addPermanentWidget(m_problems);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop connecting and watch this host again"));
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, this, &PollStatusBar::cancelRequested);
    addWidget(m_cancel);
}

bool PollStatusBar::cancelShown() const
{
    return !m_cancel->isHidden();
}

void PollStatusBar::setSnapshot(const Snapshot &s)
{
    m_cancel->setVisible(!s.isValid() && s.connecting());
    if (s.connecting()) { // not a failure yet: how far it got, in plain text, beside Cancel
        m_fatal.clear();
        m_host->setStyleSheet(QString());
        m_host->setText(s.status().error());
        m_host->setToolTip(QString());
        return;
    }
    m_fatal = s.status().error();
    if (!s.isValid()) {
        m_host->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
        m_host->setText(tr("%1 \u2014 showing the last good poll").arg(m_fatal));
        m_host->setToolTip(m_fatal);
        // The poll time and counts of the last good poll stay; the loss counts as a problem.
        setProblemCount(m_problemList.total() + 1);
        return;
    }
    m_host->setStyleSheet(QString());
    m_host->setToolTip(QString());
    const QString source = m_source.isEmpty() ? QString() : tr(" \u00b7 via %1").arg(m_source);
    m_host->setText(tr("%1 \u2014 %2 %3%4").arg(s.host(), s.os(), s.kernel(), source));
    const QString when = QDateTime::fromMSecsSinceEpoch(s.timeMs()).toString(QStringLiteral("HH:mm:ss"));
    m_poll->setText(tr("%1 last poll %2, took %3 ms")
                        .arg(m_paused ? tr("paused \u2014") : QString(), when)
                        .arg(double(s.pollDurationUs()) / 1000.0, 0, 'f', 1)
                        .trimmed());
    const auto sockets = qlonglong(s.isValid() ? s.sockets().size() : 0);
    m_sockets->setText(sockets == 1 ? tr("1 socket") : tr("%1 sockets").arg(QLocale().toString(sockets)));
    setOwners(s);
    m_link->setStats(s.link());
    m_problemList = s.problems();
    setProblemCount(m_problemList.total() + (m_fatal.isEmpty() ? 0 : 1));
}

void PollStatusBar::setProblemCount(qint64 n)
{
    m_problems->setText(n == 1 ? tr("1 problem") : tr("%1 problems").arg(n));
    m_problems->setStyleSheet(n > 0 ? QStringLiteral("color: #c62828; font-weight: bold;") : QString());
}

void PollStatusBar::setOwners(const Snapshot &s)
{
    const SocketOwners *o = s.owners();
    const int others = o ? o->count(SocketOwners::Missing::OtherUsers) : 0;
    const int notFound = o ? o->count(SocketOwners::Missing::NotFound) : 0;
    if (others > 0)
        m_owners->setText(others == 1 ? tr("1 socket of another user: run as root or through the agent")
                                      : tr("%1 sockets of other users: run as root or through the agent").arg(others));
    else if (notFound > 0)
        m_owners->setText(
            notFound == 1 ? tr("1 socket with no owner found") : tr("%1 sockets with no owner found").arg(notFound));
    m_owners->setToolTip(
        tr("Which process holds a socket is read from /proc/PID/fd; an ordinary user may read only their own "
           "processes'. TIME_WAIT and orphaned sockets keep the owner seen before they closed, in italics."));
    m_owners->setVisible(others > 0 || notFound > 0);
}

void PollStatusBar::setSource(const QString &description)
{
    m_source = description;
}

void PollStatusBar::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setToolTip(text);
    m_notice->setVisible(!text.isEmpty());
}

QString PollStatusBar::notice() const
{
    return m_notice->text();
}

void PollStatusBar::setPaused(bool paused)
{
    m_paused = paused;
    QString t = m_poll->text();
    if (paused && !t.startsWith(tr("paused")))
        m_poll->setText(tr("paused \u2014 ") + t);
    else if (!paused && t.startsWith(tr("paused \u2014 ")))
        m_poll->setText(t.mid(tr("paused \u2014 ").size()));
}

QString PollStatusBar::text() const
{
    QStringList parts { m_host->text(), m_notice->text(), m_poll->text(), m_sockets->text() };
    if (!m_owners->isHidden())
        parts << m_owners->text();
    if (!m_link->isHidden())
        parts << m_link->text();
    parts << m_problems->text();
    return parts.join(QLatin1String(" | "));
}

void PollStatusBar::showProblems()
{
    QStringList lines;
    if (!m_fatal.isEmpty())
        lines << m_fatal;
    for (const Problem &p : m_problemList.items())
        lines << p.toString();
    if (m_problemList.total() > m_problemList.items().size())
        lines << tr("... and %1 more").arg(m_problemList.total() - m_problemList.items().size());
    QMessageBox box(QMessageBox::Information, tr("Problems in the last poll"),
        lines.isEmpty() ? tr("The last poll read every line.")
                        : tr("%n problem(s) in the last poll.", nullptr, int(lines.size())),
        QMessageBox::Close, this);
    if (!lines.isEmpty())
        box.setDetailedText(lines.join(QLatin1Char('\n')));
    box.exec();
}
