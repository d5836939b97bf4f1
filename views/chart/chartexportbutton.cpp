#include "chart/chartexportbutton.h"

#include "history/historycsv.h"
#include "history/statehistory.h"

#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QPainter>
#include <QSvgGenerator>
#include <QToolTip>

ChartExportButton::ChartExportButton(QWidget *view, const StateHistory *history, QWidget *parent)
    : QToolButton(parent)
    , m_view(view)
    , m_history(history)
{
    setText(tr("Export"));
    setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(this);
    connect(menu->addAction(tr("Chart as PNG...")), &QAction::triggered, this,
        [this] { ask(tr("PNG image (*.png)"), QStringLiteral("png"), &ChartExportButton::writePng); });
    connect(menu->addAction(tr("Chart as SVG...")), &QAction::triggered, this,
        [this] { ask(tr("SVG image (*.svg)"), QStringLiteral("svg"), &ChartExportButton::writeSvg); });
    connect(menu->addAction(tr("History as CSV...")), &QAction::triggered, this,
        [this] { ask(tr("CSV (*.csv)"), QStringLiteral("csv"), &ChartExportButton::writeCsv); });
    setMenu(menu);
}

void ChartExportButton::ask(const QString &filter, const QString &suffix, Writer write)
{
    QWidget *panel = parentWidget();
    const QString path
        = QFileDialog::getSaveFileName(panel, tr("Export"), QStringLiteral("tcpscope.") + suffix, filter);
    if (path.isEmpty())
        return;
    const Status written = (this->*write)(path);
    if (!written.ok())
        QToolTip::showText(panel->mapToGlobal(QPoint(0, 0)), written.error(), panel);
}

Status ChartExportButton::writePng(const QString &path) const
{
    const QPixmap pixmap = m_view->grab();
    return pixmap.save(path, "PNG") ? Status() : Status::failure(tr("cannot write %1").arg(path));
}

Status ChartExportButton::writeSvg(const QString &path) const
{
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(m_view->size());
    svg.setViewBox(QRect(QPoint(0, 0), m_view->size()));
    svg.setTitle(tr("tcpscope: TCP states over time"));
    QPainter painter;
    if (!painter.begin(&svg))
        return Status::failure(tr("cannot write %1").arg(path));
    m_view->render(&painter);
    painter.end();
    return {};
}

Status ChartExportButton::writeCsv(const QString &path) const
{
    QFile f(path);
    if (!m_history || !f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Status::failure(tr("cannot write %1: %2").arg(path, f.errorString()));
    const QByteArray csv = HistoryCsv::format(*m_history);
    return f.write(csv) == csv.size() ? Status()
                                      : Status::failure(tr("cannot write %1: %2").arg(path, f.errorString()));
}
