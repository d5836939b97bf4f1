#include "panels/advisorpanel.h"

#include "common/statepalette.h"
#include "panels/advisorstyle.h"

#include <QCoreApplication>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>


AdvisorPanel::AdvisorPanel(QWidget *parent)
    : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setContentsMargins(6, 4, 6, 4);
    m_list = new QListWidget(this);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_detail = new QTextBrowser(this);
    m_detail->setOpenLinks(false);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &AdvisorPanel::showDetail);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        if (row >= 0 && size_t(row) < m_advisories.size())
            Q_EMIT stateActivated(m_advisories[size_t(row)].state);
    });
    connect(m_detail, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (const auto s = TcpStates::fromKernelName(url.path()))
            Q_EMIT stateActivated(*s);
    });
    setAdvisories({});
}

void AdvisorPanel::setAdvisories(const std::vector<Advisory> &advisories)
{
    const QListWidgetItem *current = m_list->currentItem();
    const QString selected = current ? current->data(Qt::UserRole).toString() : QString();
    m_advisories = advisories;
    const QSignalBlocker block(m_list);
    // Few items: rewrite them in place, adding or removing rows only at the end.
    while (m_list->count() > int(advisories.size()))
        delete m_list->takeItem(m_list->count() - 1);
    for (size_t i = 0; i < advisories.size(); ++i) {
        const Advisory &a = advisories[i];
        QListWidgetItem *item = int(i) < m_list->count() ? m_list->item(int(i)) : new QListWidgetItem(m_list);
        item->setText(a.title);
        item->setIcon(AdvisorStyle::dot(a.severity));
        item->setData(Qt::UserRole, a.id);
        item->setToolTip(AdvisorStyle::text(a.severity) + QStringLiteral(": ") + a.id);
    }
    int critical = 0, warning = 0;
    for (const Advisory &a : advisories) {
        critical += a.severity == Advisory::Severity::Critical;
        warning += a.severity == Advisory::Severity::Warning;
    }
    m_summary->setText(advisories.empty()
            ? tr("No findings: nothing here matches a rule the advisor knows.")
            : tr("<b>%1</b> finding(s): %2 critical, %3 warning").arg(advisories.size()).arg(critical).arg(warning));
    int row = 0;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == selected)
            row = i;
    }
    m_list->setCurrentRow(advisories.empty() ? -1 : row);
    showDetail();
    Q_EMIT advisoriesChanged(m_advisories);
}

void AdvisorPanel::select(const QString &id)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == id)
            m_list->setCurrentRow(i);
    }
}

void AdvisorPanel::showDetail()
{
    const int row = m_list->currentRow();
    if (row < 0 || size_t(row) >= m_advisories.size()) {
        m_detail->setHtml(tr("<p style='color:#666'>Findings appear here with their evidence and what to do.</p>"));
        return;
    }
    const Advisory &a = m_advisories[size_t(row)];
    const QString state = TcpStates::kernelName(a.state);
    const QString evidence = a.evidence.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    m_detail->setHtml(
        QStringLiteral("<h3 style='margin:0'>%1</h3>"
                       "<p><span style='background:%2;color:white'>&nbsp;%3&nbsp;</span> <code>%4</code></p>"
                       "<p><b>%5</b><br><code>%6</code></p><p><b>%7</b><br>%8</p><p><b>%9</b><br>%10</p>"
                       "<p><a href='state:%11'>%12</a> &nbsp; <small style='color:#666'>%13</small></p>")
            .arg(a.title.toHtmlEscaped(), AdvisorStyle::color(a.severity).name(), AdvisorStyle::text(a.severity), a.id,
                tr("Evidence"), evidence, tr("Why it matters"), a.explanation.toHtmlEscaped(), tr("What to do"))
            .arg(
                a.action.toHtmlEscaped(), state, tr("Show %1 in the diagram").arg(state), a.reference.toHtmlEscaped()));
}

QString AdvisorPanel::detailText() const
{
    return m_detail->toPlainText();
}
