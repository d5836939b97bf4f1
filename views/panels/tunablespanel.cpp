#include "panels/tunablespanel.h"

#include "analysis/tunablecatalog.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
const QString Absent = QStringLiteral("\x01");
const QColor FreshColor(255, 213, 79); // amber: changed within the last minute
const QColor ChangedColor(255, 243, 196); // pale: changed earlier in this session
} // namespace

TunablesPanel::TunablesPanel(QWidget *parent, const QString &language)
    : QWidget(parent)
    , m_language(language.isEmpty() ? TunableCatalog::uiLanguage() : language)
{
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setContentsMargins(6, 4, 6, 4);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({ tr("Tunable"), tr("Value"), tr("Default"), tr("Meaning") });
    // Short headers, left-aligned: a narrow dock cuts a long centred one at both ends.
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeaderItem(MeaningColumn)->setToolTip(tr("What it does, and does not"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // One line per tunable, so every value fits in a narrow dock; the whole explanation of the selected
    // one is in the pane below (wrapping it in the table made each row a dozen lines tall).
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DefaultColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(MeaningColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // Its own scroll bar in a short dock; the table keeps most of the height.
    m_details = new QTextBrowser(this);
    m_details->setFrameShape(QFrame::NoFrame);
    m_details->setOpenLinks(false);
    m_details->viewport()->setAutoFillBackground(false);
    m_details->setMinimumHeight(m_details->fontMetrics().height() * 4);
    m_details->setMaximumHeight(m_details->fontMetrics().height() * 8);
    m_details->setAccessibleName(tr("What the selected tunable does"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_details, 1);
    m_header->setText(tr("Waiting for the first poll..."));
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showDetails(row); });
}

void TunablesPanel::showDetails(int row)
{
    const QTableWidgetItem *name = row >= 0 ? m_table->item(row, NameColumn) : nullptr;
    if (!name) {
        m_details->setHtml(tr("Select a tunable to read what it does."));
        return;
    }
    const QString full = name->toolTip();
    const TunableInfo *info = TunableCatalog::find(full, m_os);
    QString text = tr("<b>%1</b> = %2 (default %3)")
                       .arg(full.toHtmlEscaped(), m_table->item(row, ValueColumn)->text().toHtmlEscaped(),
                           m_table->item(row, DefaultColumn)->text().toHtmlEscaped());
    if (info) {
        text += QStringLiteral("<p style='margin:4px 0'>%1</p><p style='margin:4px 0'><i>%2</i></p>")
                    .arg(TunableCatalog::text(*info, TunableCatalog::Field::Does, m_language).toHtmlEscaped(),
                        TunableCatalog::text(*info, TunableCatalog::Field::DoesNot, m_language).toHtmlEscaped());
        text += tr("<small>Source: %1</small>").arg(info->reference.toHtmlEscaped());
    } else {
        text += tr("<p>tcpscope reads this value but has no description of it.</p>");
    }
    m_details->setHtml(text);
}

void TunablesPanel::build(const Snapshot &s)
{
    m_os = s.os();
    m_rows.clear();
    m_values.clear();
    m_table->setRowCount(0);
    QStringList names;
    for (const TunableInfo *i : TunableCatalog::forOs(s.os()))
        names << i->name;
    for (const QString &n : s.tunables().names()) {
        if (!names.contains(n))
            names << n; // read but not described: still shown
    }
    m_table->setRowCount(int(names.size()));
    for (int row = 0; row < names.size(); ++row) {
        const QString &n = names[row];
        const TunableInfo *info = TunableCatalog::find(n, s.os());
        m_rows.insert(n, row);
        auto *name = new QTableWidgetItem(n.startsWith(QLatin1String("net.")) ? n.section(QLatin1Char('.'), 2) : n);
        name->setToolTip(n);
        QFont mono = name->font();
        mono.setFamily(QStringLiteral("monospace"));
        name->setFont(mono);
        m_table->setItem(row, NameColumn, name);
        m_table->setItem(row, ValueColumn, new QTableWidgetItem);
        const QString def = info ? TunableCatalog::text(*info, TunableCatalog::Field::Default, m_language) : QString();
        m_table->setItem(row, DefaultColumn, new QTableWidgetItem(def));
        auto *meaning = new QTableWidgetItem;
        if (info) {
            meaning->setText(TunableCatalog::oneLine(*info, m_language));
            meaning->setToolTip(TunableCatalog::text(*info, TunableCatalog::Field::Does, m_language) + QLatin1Char('\n')
                + TunableCatalog::text(*info, TunableCatalog::Field::DoesNot, m_language) + QLatin1Char('\n')
                + tr("Source: %1").arg(info->reference));
        }
        m_table->setItem(row, MeaningColumn, meaning);
    }
}

void TunablesPanel::selectFirst()
{
    if (m_table->rowCount() > 0 && m_table->currentRow() < 0)
        m_table->setCurrentCell(0, NameColumn);
}

void TunablesPanel::setSnapshot(const Snapshot &s)
{
    if (!s.isValid())
        return;
    if (m_rows.isEmpty() || s.os() != m_os)
        build(s);
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        updateRow(it.value(), it.key(), s);
    selectFirst();
    showDetails(m_table->currentRow()); // the value in the pane follows the kernel
    const qint64 recent = std::count_if(
        m_changes.cbegin(), m_changes.cend(), [&s](const Change &c) { return s.timeMs() - c.timeMs < FreshChangeMs; });
    m_header->setText(
        tr("<b>%1</b> kernel %2 %3. TIME_WAIT lasts <b>%4 s</b> here.%5")
            .arg(s.host().toHtmlEscaped(), s.os(), s.kernel().toHtmlEscaped())
            .arg(s.timeWaitLengthMs() / 1000)
            .arg(recent ? tr(" <span style='background:#ffd54f'>&nbsp;%n changed in the last minute&nbsp;</span>",
                     nullptr, int(recent))
                        : QString()));
}

void TunablesPanel::updateRow(int row, const QString &name, const Snapshot &s)
{
    const TunableInfo *info = TunableCatalog::find(name, s.os());
    QTableWidgetItem *value = m_table->item(row, ValueColumn);
    QString now;
    if (info && info->readOnly)
        now = info->defaultValue; // a kernel constant: always what the source says
    else
        now = s.tunables().has(name) ? s.tunables().value(name).simplified() : Absent;
    const QString before = m_values.value(name, now);
    if (before != now)
        m_changes.insert(name, { s.timeMs(), before });
    m_values.insert(name, now);

    const bool absent = now == Absent;
    value->setText(absent ? tr("not present") : now);
    QFont f = value->font();
    f.setItalic(absent);
    f.setBold(!absent && info && !info->readOnly && !info->defaultIsFormula && !TunableCatalog::isDefault(*info, now));
    value->setFont(f);
    value->setForeground(absent ? QColor(130, 130, 130) : palette().color(QPalette::Text));

    const auto change = m_changes.constFind(name);
    QColor bg;
    QString tip = absent ? tr("This kernel has no %1").arg(name) : QString();
    if (change != m_changes.cend()) {
        bg = s.timeMs() - change->timeMs < FreshChangeMs ? FreshColor : ChangedColor;
        tip = tr("Changed at %1 from %2")
                  .arg(QDateTime::fromMSecsSinceEpoch(change->timeMs).toString(QStringLiteral("HH:mm:ss")),
                      change->oldValue == Absent ? tr("(absent)") : change->oldValue);
    }
    for (int c = 0; c < ColumnCount; ++c) {
        if (QTableWidgetItem *item = m_table->item(row, c))
            item->setBackground(bg.isValid() ? QBrush(bg) : QBrush());
    }
    value->setToolTip(tip);
}
