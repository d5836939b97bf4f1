#include "endconnectiondialog.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("EndConnectionDialog", text);
}
} // namespace

bool EndConnectionDialog::confirm(QWidget *parent, const QStringList &connections)
{
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("End connections"));
    box.setText(
        connections.size() == 1 ? tr("End this connection?") : tr("End these %1 connections?").arg(connections.size()));
    // At most a screenful in the box itself; all of them under "Show Details".
    constexpr qsizetype shown = 12;
    QString list = connections.mid(0, shown).join(QLatin1Char('\n'));
    if (connections.size() > shown)
        list += QLatin1Char('\n') + tr("and %1 more").arg(connections.size() - shown);
    box.setInformativeText(list + QLatin1String("\n\n")
        + tr("The kernel resets each one (SOCK_DESTROY, as ss -K does): the peer gets an RST and the "
             "program holding it gets ECONNABORTED."));
    box.setDetailedText(connections.join(QLatin1Char('\n')));
    box.setStandardButtons(QMessageBox::Cancel);
    QPushButton *end = box.addButton(tr("End"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == end;
}
