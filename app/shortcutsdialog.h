#pragma once

#include <QDialog>

class QMenuBar;

// Help > Keyboard shortcuts: every menu action that has a key, read from the menus themselves so the
// list never goes stale, and the keys that belong to one widget (Esc in the filter, Ctrl+C in the table).
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);
    // "Action<TAB>Keys" lines, as listed: for tests and the README.
    QStringList lines() const { return m_lines; }

private:
    QStringList m_lines;
};
