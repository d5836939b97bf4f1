#include "panels/findingsbanner.h"

#include "panels/advisorstyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

FindingsBanner::FindingsBanner(QWidget *parent)
    : QFrame(parent)
    , m_dot(new QLabel(this))
    , m_text(new QLabel(this))
    , m_sockets(new QPushButton(tr("Show sockets"), this))
    , m_details(new QPushButton(tr("Details"), this))
{
    setObjectName(QStringLiteral("findingsBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Top finding"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_sockets->setToolTip(tr("Filter the table and the diagram to the sockets of this finding"));
    m_details->setToolTip(tr("Open the finding in the Advisor panel: evidence, why it matters, what to do"));
    auto *close = new QPushButton(style()->standardIcon(QStyle::SP_TitleBarCloseButton), QString(), this);
    close->setFlat(true);
    close->setToolTip(tr("Dismiss until another finding comes up"));
    close->setAccessibleName(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 4, 3);
    layout->addWidget(m_dot);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_sockets);
    layout->addWidget(m_details);
    layout->addWidget(close);
    connect(m_sockets, &QPushButton::clicked, this, [this] { Q_EMIT showSockets(m_state); });
    connect(m_details, &QPushButton::clicked, this, [this] { Q_EMIT showDetails(m_top); });
    connect(close, &QPushButton::clicked, this, [this] {
        m_dismissed = m_current;
        hide();
    });
    hide();
}

void FindingsBanner::reset()
{
    m_announced.clear();
    m_dismissed.clear();
    setAdvisories({});
}

void FindingsBanner::setAdvisories(const std::vector<Advisory> &advisories)
{
    m_current.clear();
    for (const Advisory &a : advisories) {
        m_current.insert(a.id);
        if (a.severity >= Advisory::Severity::Warning && !m_announced.contains(a.id)) {
            m_announced.insert(a.id);
            Q_EMIT announced(a);
        }
    }
    const Advisory *top = AdvisorStyle::top(advisories);
    const bool dismissed = !m_current.isEmpty() && (m_current - m_dismissed).isEmpty();
    setVisible(top && !dismissed);
    if (!top) {
        m_top.clear();
        m_dismissed.clear();
        return;
    }
    m_top = top->id;
    m_state = top->state;
    m_sockets->setEnabled(m_state != TcpState::Unknown);
    m_dot->setPixmap(AdvisorStyle::dot(top->severity).pixmap(14, 14));
    const QString more = advisories.size() > 1 ? tr(" (+%n more)", nullptr, int(advisories.size()) - 1) : QString();
    const QString evidence = top->evidence.section(QLatin1Char('\n'), 0, 0);
    m_text->setText(QStringLiteral("<b>%1</b>: %2%3<br><small>%4</small>")
                        .arg(AdvisorStyle::text(top->severity), top->title.toHtmlEscaped(), more.toHtmlEscaped(),
                            evidence.toHtmlEscaped()));
    m_text->setToolTip(top->action);
}

QString FindingsBanner::text() const
{
    return isVisible() || !m_top.isEmpty() ? m_text->text() : QString();
}
