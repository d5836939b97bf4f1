#include "panels/connectdialog.h"

#include "core/sshtarget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

namespace {
const QString RecentKey = QStringLiteral("connect/recentHosts");
}

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_host(new QComboBox(this))
    , m_config(new QLineEdit(this))
    , m_compress(new QCheckBox(tr("&Compress the link (ssh -C): for a slow link, costs some CPU"), this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Watch a server over SSH"));
    m_host->setEditable(true);
    m_host->addItems(recentHosts());
    m_host->setCurrentIndex(m_host->count() > 0 ? 0 : -1);
    m_host->lineEdit()->setPlaceholderText(tr("user@host:port"));
    m_host->setMinimumWidth(280);
    m_config->setPlaceholderText(tr("~/.ssh/config (default)"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *configRow = new QHBoxLayout;
    configRow->addWidget(m_config, 1);
    configRow->addWidget(browse);
    m_message->setWordWrap(true);
    auto *note = new QLabel(tr("Uses your ssh client, keys, agent and known_hosts. Nothing is installed on the "
                               "server: a small sh loop reads /proc there and stops when you disconnect."),
        this);
    note->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("ssh config:"), configRow); // a layout cannot be a buddy: no &
    form->addRow(m_compress);
    form->addRow(note);
    form->addRow(m_message);
    form->addRow(m_buttons);

    connect(m_host, &QComboBox::editTextChanged, this, &ConnectDialog::validate);
    connect(m_config, &QLineEdit::textChanged, this, &ConnectDialog::validate);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("ssh config file"));
        if (!f.isEmpty())
            m_config->setText(f);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

void ConnectDialog::validate()
{
    QString error = m_host->currentText().trimmed().isEmpty()
        ? tr("Enter a host, e.g. admin@db1 or db1:2222")
        : SshTarget::parse(m_host->currentText().trimmed()).error();
    if (error.isEmpty() && !m_config->text().isEmpty() && !QFileInfo(m_config->text()).isFile())
        error = tr("%1: no such file").arg(m_config->text());
    m_message->setText(error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

QString ConnectDialog::host() const
{
    const Expected<SshTarget> t = SshTarget::parse(m_host->currentText().trimmed());
    return t.ok() ? t->toString() : QString();
}

QString ConnectDialog::sshConfig() const
{
    return m_config->text();
}

bool ConnectDialog::compress() const
{
    return m_compress->isChecked();
}

void ConnectDialog::setHost(const QString &host)
{
    m_host->setEditText(host);
}

QStringList ConnectDialog::recentHosts()
{
    QStringList hosts = QSettings().value(RecentKey).toStringList();
    hosts.removeIf([](const QString &h) { return !SshTarget::parse(h).ok(); }); // settings may be edited
    return hosts.mid(0, MaxRecent);
}

void ConnectDialog::remember(const QString &host)
{
    QStringList hosts = recentHosts();
    hosts.removeAll(host);
    hosts.prepend(host);
    QSettings().setValue(RecentKey, hosts.mid(0, MaxRecent));
}
