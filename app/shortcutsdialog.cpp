#include "shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
QString keysOf(const QAction *a)
{
    QStringList keys;
    for (const QKeySequence &k : a->shortcuts())
        keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

QString plain(QString menuText)
{
    return menuText.remove(QLatin1Char('&')).remove(QStringLiteral("..."));
}
} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *tree = new QTreeWidget(this);
    tree->setColumnCount(2);
    tree->setHeaderLabels({ tr("Action"), tr("Keys") });
    tree->setRootIsDecorated(false);
    const auto add = [this, tree](const QString &group, const QString &action, const QString &keys) {
        auto *item = new QTreeWidgetItem(tree, { action, keys });
        item->setToolTip(0, group);
        m_lines << action + QLatin1Char('\t') + keys;
    };
    for (const QAction *top : menus->actions()) {
        const QMenu *menu = top->menu();
        if (!menu)
            continue;
        for (const QAction *a : menu->actions()) {
            if (!a->shortcuts().isEmpty())
                add(plain(top->text()), plain(a->text()), keysOf(a));
        }
    }
    // Keys of one widget, not in any menu.
    add(tr("Filter"), tr("Clear the filter (in the filter box)"),
        QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText));
    add(tr("Table"), tr("Copy the selected rows as text"),
        QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText));
    add(tr("Diagram"), tr("Zoom the diagram"), tr("Mouse wheel"));
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tree);
    layout->addWidget(buttons);
    resize(520, 460);
}
