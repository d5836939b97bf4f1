#include "teaching/labpanel.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace {
constexpr int stageDelayMs = 3000; // time for the trainer to point at the state before the next move

QString firstStageText(LabSession::Pattern p)
{
    using P = LabSession::Pattern;
    switch (p) {
    case P::ClientFirst:
        return LabPanel::tr("The client closed. Client: FIN_WAIT2. Server: CLOSE_WAIT until its application closes.");
    case P::ServerFirst:
        return LabPanel::tr("The server closed. Server: FIN_WAIT2. Client: CLOSE_WAIT until its application closes.");
    case P::Simultaneous:
        return LabPanel::tr("Both ends sent FIN before either was acknowledged: the client is in CLOSING.");
    case P::HalfClose:
        return LabPanel::tr("The client called shutdown(SHUT_WR): FIN_WAIT2. The server is in CLOSE_WAIT and "
                            "still sends.");
    case P::Reset:
        return LabPanel::tr("The client aborted with SO_LINGER 0: RST, both ends gone at once.");
    case P::Burst:
        return LabPanel::tr("All connections opened and closed by the client.");
    }
    return {};
}
} // namespace

LabPanel::LabPanel(QWidget *parent)
    : QWidget(parent)
{
    m_pattern = new QComboBox(this);
    for (const QString &n : LabSession::names())
        m_pattern->addItem(n, n);
    m_count = new QSpinBox(this);
    m_count->setRange(1, 5000);
    m_count->setPrefix(tr("× "));
    m_run = new QPushButton(tr("Run on loopback"), this);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_stage = new QLabel(tr("Real connections in this process, on 127.0.0.1 only. No root needed."), this);
    m_stage->setWordWrap(true);
    m_sockets = new QLabel(this);
    m_sockets->setTextFormat(Qt::RichText);
    m_sockets->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_sockets->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_pattern, 1);
    row->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_description);
    layout->addWidget(m_run);
    layout->addWidget(m_stage);
    layout->addWidget(m_sockets, 1);

    m_stageTimer.setSingleShot(true);
    connect(&m_stageTimer, &QTimer::timeout, this, &LabPanel::nextStage);
    connect(m_run, &QPushButton::clicked, this, &LabPanel::run);
    connect(m_pattern, &QComboBox::currentIndexChanged, this, [this] {
        if (const auto p = LabSession::parse(m_pattern->currentData().toString()))
            m_description->setText(LabSession::description(*p));
    });
    m_description->setText(LabSession::description(LabSession::Pattern::ClientFirst));
}

LabPanel::~LabPanel() = default;

void LabPanel::setPattern(LabSession::Pattern pattern, int count)
{
    m_pattern->setCurrentIndex(m_pattern->findData(LabSession::name(pattern)));
    m_count->setValue(count);
}

void LabPanel::setPresentation(bool on)
{
    QFont f = font();
    f.setPixelSize(on ? 20 : 14);
    for (QWidget *w : findChildren<QWidget *>())
        w->setFont(f);
}

void LabPanel::run()
{
    const auto pattern = LabSession::parse(m_pattern->currentData().toString());
    if (!pattern)
        return;
    m_session = std::make_unique<LabSession>(*pattern, m_count->value());
    m_stageIndex = 0;
    m_run->setEnabled(false);
    nextStage();
}

void LabPanel::nextStage()
{
    if (!m_session)
        return;
    Status stage;
    QString text;
    switch (m_stageIndex) {
    case 0:
        stage = m_session->open();
        text = tr("Connections open: ESTABLISHED on both ends.");
        break;
    case 1:
        stage = m_session->closeFirst();
        text = firstStageText(m_session->pattern());
        break;
    default:
        stage = m_session->closeSecond();
        m_session->cleanUp(); // the listener goes; what the kernel still holds (TIME_WAIT) stays
        text = tr("Done: what remains belongs to the kernel. TIME_WAIT counts down from 60 s.");
        break;
    }
    const bool ok = stage.ok();
    if (!ok)
        text = tr("The lab failed: %1").arg(stage.error());
    m_stage->setText(tr("<b>Stage %1 of 3.</b> %2").arg(m_stageIndex + 1).arg(text.toHtmlEscaped()));
    Q_EMIT pollWanted();
    if (ok && m_stageIndex < 2) {
        ++m_stageIndex;
        m_stageTimer.start(stageDelayMs);
    } else {
        m_run->setEnabled(true);
    }
}

void LabPanel::onSnapshot(const Snapshot &snapshot)
{
    if (!m_session || !snapshot.isValid())
        return;
    std::vector<SocketEntry> mine;
    for (const SocketEntry &s : snapshot.sockets()) {
        if (m_session->owns(s))
            mine.push_back(s);
    }
    QString html = tr("<table cellspacing='4'><tr><th align='left'>end</th><th align='left'>port</th>"
                      "<th align='left'>state</th><th align='right'>timer</th></tr>");
    int shown = 0;
    for (const SocketEntry &s : mine) {
        if (++shown > 14)
            break;
        const bool server = s.localPort == m_session->serverPort();
        const QString end = s.state == TcpState::Listen ? tr("listener") : server ? tr("server") : tr("client");
        const QString timer = s.timer == TimerKind::TimeWait ? tr("%1 s").arg(s.timerMs / 1000) : QString();
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td><b>%3</b></td><td align='right'>%4</td></tr>")
                    .arg(end)
                    .arg(s.localPort)
                    .arg(TcpStates::kernelName(s.state), timer);
    }
    html += QLatin1String("</table>");
    if (mine.size() > 14)
        html += tr("… and %1 more").arg(mine.size() - 14);
    if (mine.empty())
        html = tr("No lab sockets in /proc/net/tcp.");
    m_sockets->setText(html);
    Q_EMIT labSockets(mine);
}
