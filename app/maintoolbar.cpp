#include "maintoolbar.h"

#include "models/processgroupmodel.h"
#include "parse/ssfilterparser.h"
#include "sources/local/servicedatabase.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QStyle>

#include <algorithm>
#include <tuple>

namespace {
constexpr int StartTicksRole = Qt::UserRole + 1;
constexpr int LabelRole = Qt::UserRole + 2;
} // namespace

MainToolBar::MainToolBar(QWidget *parent)
    : QToolBar(tr("Main"), parent)
{
    setObjectName(QStringLiteral("mainToolBar"));
    setMovable(false);
    m_source = new QLabel(this);
    m_source->setContentsMargins(6, 0, 10, 0);
    m_source->setToolTip(tr("Where the sockets are read from"));
    m_source->setAccessibleName(tr("Source"));
    addWidget(m_source);
    addSeparator();

    m_pause = addAction(tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setShortcuts({ QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_F5) });
    m_pause->setToolTip(tr("Pause or resume polling (Space or F5)"));
    connect(m_pause, &QAction::toggled, this, [this](bool on) {
        m_pause->setText(on ? tr("Resume") : tr("Pause"));
        Q_EMIT pauseToggled(on);
    });

    m_interval = new QComboBox(this);
    m_interval->setToolTip(tr("Poll interval"));
    m_interval->setAccessibleName(tr("Poll interval"));
    for (int ms : { 250, 500, 1000, 2000, 5000, 10000 })
        m_interval->addItem(ms < 1000 ? tr("%1 ms").arg(ms) : tr("%1 s").arg(ms / 1000), ms);
    connect(m_interval, &QComboBox::activated, this,
        [this](int i) { Q_EMIT intervalChanged(m_interval->itemData(i).toInt()); });
    addWidget(m_interval);
    addSeparator();

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter: address, port:443, or ss: state time-wait dport = :443"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter connections"));
    m_filter->setMinimumWidth(320);
    // Esc in the box clears it (as in a browser's find bar) and hands the keys back to the window.
    auto *clear = new QShortcut(QKeySequence(Qt::Key_Escape), m_filter, nullptr, nullptr, Qt::WidgetShortcut);
    connect(clear, &QShortcut::activated, this, [this] {
        m_filter->clear();
        m_filter->clearFocus();
    });
    m_filterError
        = m_filter->addAction(style()->standardIcon(QStyle::SP_MessageBoxWarning), QLineEdit::TrailingPosition);
    showFilterError({});
    connect(m_filter, &QLineEdit::textChanged, this, &MainToolBar::onFilterEdited);
    addWidget(m_filter);

    m_state = new QComboBox(this);
    m_state->setToolTip(tr("Show one state in the table (or click a state in the diagram)"));
    m_state->setAccessibleName(tr("State filter"));
    m_state->addItem(tr("All states"), -1);
    for (TcpState s : TcpStates::rfcStates)
        m_state->addItem(TcpStates::rfcName(s), int(s));
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT stateFilterChanged(stateFilter()); });
    addWidget(m_state);

    m_family = new QComboBox(this);
    m_family->setToolTip(tr("Address family"));
    m_family->setAccessibleName(tr("Address family"));
    m_family->addItem(tr("IPv4 + IPv6"), 0);
    m_family->addItem(tr("IPv4"), 4);
    m_family->addItem(tr("IPv6"), 6);
    connect(m_family, &QComboBox::currentIndexChanged, this, [this](int i) {
        const int f = m_family->itemData(i).toInt();
        Q_EMIT familyChanged(f == 0 ? std::nullopt : std::optional(AddressFamily(f)));
    });
    addWidget(m_family);
    addProcessPicker();
}

void MainToolBar::addProcessPicker()
{
    addSeparator();
    m_process = new QComboBox(this);
    m_process->setToolTip(tr("Show one process's sockets in the table and the diagram (remembered ones included)"));
    m_process->setAccessibleName(tr("Process filter"));
    m_process->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_process->setMinimumContentsLength(24);
    m_process->view()->installEventFilter(this);
    fillProcesses();
    connect(m_process, &QComboBox::currentIndexChanged, this,
        [this] { Q_EMIT processPicked(processPid(), processStartTicks()); });
    addWidget(m_process);

    m_groupByProcess = addAction(tr("By process"));
    m_groupByProcess->setCheckable(true);
    m_groupByProcess->setToolTip(tr("Group the connections table by process; double-click a process for its sockets"));
}

bool MainToolBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_process->view() && event->type() == QEvent::Hide && m_choicesPending)
        QMetaObject::invokeMethod(this, &MainToolBar::fillProcesses, Qt::QueuedConnection);
    return QToolBar::eventFilter(watched, event);
}

void MainToolBar::setProcesses(const ProcessGroupModel &model)
{
    m_choices.clear();
    for (int r = 0; r < model.rowCount(); ++r) {
        if (const ProcessOwner *o = model.ownerAt(r))
            m_choices.push_back({ o->label(), o->pid, o->startTicks, model.totalAt(r) });
    }
    // By name, not by count: an entry stays where it was while its count changes.
    std::sort(m_choices.begin(), m_choices.end(), [](const Choice &a, const Choice &b) {
        return std::tie(a.label, a.pid, a.startTicks) < std::tie(b.label, b.pid, b.startTicks);
    });
    m_choicesPending = m_process->view()->isVisible();
    if (!m_choicesPending)
        fillProcesses();
}

void MainToolBar::fillProcesses()
{
    m_choicesPending = false;
    const qint32 pid = processPid();
    const quint64 start = processStartTicks();
    const QString picked = processLabel();
    const QSignalBlocker block(m_process); // the pick stays; only the list changes
    m_process->clear();
    m_process->addItem(tr("All processes"), 0);
    bool found = pid == 0;
    for (const Choice &c : m_choices) {
        m_process->addItem(tr("%1: %n sockets", nullptr, c.sockets).arg(c.label), c.pid);
        m_process->setItemData(m_process->count() - 1, c.startTicks, StartTicksRole);
        m_process->setItemData(m_process->count() - 1, c.label, LabelRole);
        if (c.pid == pid && c.startTicks == start) {
            m_process->setCurrentIndex(m_process->count() - 1);
            found = true;
        }
    }
    if (!found) { // the picked process holds no socket now: it stays picked, with none
        m_process->addItem(tr("%1: no sockets").arg(picked), pid);
        m_process->setItemData(m_process->count() - 1, start, StartTicksRole);
        m_process->setItemData(m_process->count() - 1, picked, LabelRole);
        m_process->setCurrentIndex(m_process->count() - 1);
    }
}

void MainToolBar::setProcess(qint32 pid, quint64 startTicks)
{
    for (int i = 0; i < m_process->count(); ++i) {
        if (m_process->itemData(i).toInt() == pid
            && (pid == 0 || m_process->itemData(i, StartTicksRole).toULongLong() == startTicks)) {
            m_process->setCurrentIndex(i);
            return;
        }
    }
}

qint32 MainToolBar::processPid() const
{
    return m_process->currentData().toInt();
}

quint64 MainToolBar::processStartTicks() const
{
    return m_process->currentData(StartTicksRole).toULongLong();
}

QString MainToolBar::processLabel() const
{
    return m_process->currentData(LabelRole).toString();
}

void MainToolBar::onFilterEdited(const QString &text)
{
    if (!SsFilterParser::looksLikeExpression(text)) {
        showFilterError({});
        Q_EMIT filterChanged(text, {});
        return;
    }
    // A broken expression is not applied (rather than silently matching nothing): the box says why.
    const Expected<SsFilter> f = SsFilterParser::parse(text, ServiceDatabase::tcpPort);
    showFilterError(f.ok() ? QString() : f.error());
    Q_EMIT filterChanged({}, f.ok() ? *f : SsFilter());
}

void MainToolBar::showFilterError(const QString &error)
{
    m_filterError->setVisible(!error.isEmpty());
    m_filterError->setToolTip(tr("Not an ss filter expression: %1").arg(error));
    m_filter->setToolTip(error.isEmpty()
            ? tr("Filter the connections table (Ctrl+F). Text matches addresses and state names; port:443 and "
                 "state:time_wait narrow to one field. Text that starts with an ss(8) keyword (state, exclude, "
                 "src, dst, sport, dport, not, '(') is an ss filter expression, as in ss -tan EXPRESSION.")
            : tr("Not an ss filter expression: %1").arg(error));
}

void MainToolBar::setSource(const QString &description)
{
    m_source->setText(tr("Source: <b>%1</b>").arg(description.toHtmlEscaped()));
}

void MainToolBar::setIntervalMs(int ms)
{
    int i = m_interval->findData(ms);
    if (i < 0) {
        m_interval->addItem(tr("%1 ms").arg(ms), ms);
        i = m_interval->count() - 1;
    }
    m_interval->setCurrentIndex(i);
}

void MainToolBar::setPaused(bool paused)
{
    m_pause->setChecked(paused);
}

void MainToolBar::setStateFilter(std::optional<TcpState> state)
{
    const int i = m_state->findData(state ? int(*state) : -1);
    m_state->setCurrentIndex(qMax(0, i));
}

std::optional<TcpState> MainToolBar::stateFilter() const
{
    const int v = m_state->currentData().toInt();
    return v < 0 ? std::nullopt : std::optional(TcpState(v));
}
