#pragma once

#include <QDialog>

class QLabel;

// Help > About: version (TCPSCOPE_VERSION), licence (MIT, LICENSE at the repository root) and where
// the documentation lives.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    static QString version();
    QString text() const; // what the dialog says, for tests

private:
    QLabel *m_text;
};
