// The Connect dialog: host validation as typed (same rules as --ssh), recent hosts, a look.
#include "panels/connectdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestConnectDialog : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
private Q_SLOTS:
    void initTestCase();
    void validatesAsTyped();
    void recentHostsMostRecentFirst();
};

void TestConnectDialog::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path()); // never the user's settings
    QCoreApplication::setOrganizationName(QStringLiteral("tcpscope-test"));
}

void TestConnectDialog::validatesAsTyped()
{
    ConnectDialog d;
    QPushButton *ok = d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    d.setHost(QStringLiteral("-oProxyCommand=sh"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(d.host().isEmpty());
    d.setHost(QStringLiteral("db1; reboot"));
    QVERIFY(!ok->isEnabled());
    d.resize(d.sizeHint());
    if (!qEnvironmentVariableIsEmpty("TCPSCOPE_SHOT_DIR"))
        d.grab().save(qEnvironmentVariable("TCPSCOPE_SHOT_DIR") + QStringLiteral("/connectdialog-invalid.png"));
    d.setHost(QStringLiteral("admin@db1:2222"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(d.host(), QStringLiteral("admin@db1:2222"));
    d.resize(d.sizeHint());
    const QImage img = d.grab().toImage();
    QVERIFY(!img.isNull());
    if (!qEnvironmentVariableIsEmpty("TCPSCOPE_SHOT_DIR"))
        img.save(qEnvironmentVariable("TCPSCOPE_SHOT_DIR") + QStringLiteral("/connectdialog.png"));
}

void TestConnectDialog::recentHostsMostRecentFirst()
{
    for (int i = 0; i < 12; ++i)
        ConnectDialog::remember(QStringLiteral("host%1").arg(i));
    ConnectDialog::remember(QStringLiteral("host5"));
    const QStringList r = ConnectDialog::recentHosts();
    QCOMPARE(r.size(), ConnectDialog::MaxRecent);
    QCOMPARE(r.first(), QStringLiteral("host5"));
    QCOMPARE(r.at(1), QStringLiteral("host11"));
    QCOMPARE(r.count(QStringLiteral("host5")), 1);
    ConnectDialog d;
    QCOMPARE(d.findChild<QComboBox *>()->count(), ConnectDialog::MaxRecent);
    QCOMPARE(d.host(), QStringLiteral("host5"));
}

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
