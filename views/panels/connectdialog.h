#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Asks for [user@]host[:port] (with the recent hosts offered), an optional ssh config file and
// whether to compress the link (ssh -C).
// The host is validated as it is typed with the same rules as --ssh; OK stays disabled until valid.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int MaxRecent = 10;

    explicit ConnectDialog(QWidget *parent = nullptr);

    QString host() const; // canonical, valid once accepted
    QString sshConfig() const;
    bool compress() const; // ssh -C
    void setHost(const QString &host);

    // Most recent first; kept in QSettings ("connect/recentHosts").
    static QStringList recentHosts();
    static void remember(const QString &host);

private:
    void validate();

    QComboBox *m_host;
    QLineEdit *m_config;
    QCheckBox *m_compress;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};
