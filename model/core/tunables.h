#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Kernel tunables by sysctl name ("net.ipv4.tcp_tw_reuse"), with their text values as read.
// A name that is absent was not present on the kernel (e.g. tcp_tw_recycle after 4.12).
class Tunables
{
public:
    // The Linux sysctls that shape teardown, the timers that end connections (retries, keepalive) and
    // port use, in display order; missing ones are "not present on this kernel" (e.g. tcp_tw_recycle
    // after 4.12, tcp_syn_linear_timeouts before 6.5).
    static const QStringList &linuxNames();
    // The FreeBSD/macOS ones, likewise (tcp(4), sysctl(8)).
    static const QStringList &bsdNames();
    // "net.ipv4.tcp_tw_reuse" -> "sys/net/ipv4/tcp_tw_reuse", below /proc (proc_sys(5)).
    static QString linuxProcPath(const QString &sysctlName);

    void set(const QString &name, const QString &value) { m_values.insert(name, value); }
    bool has(const QString &name) const { return m_values.contains(name); }
    QString value(const QString &name) const { return m_values.value(name); }
    // First integer of the value ("32768\t60999" gives 32768); nullopt when absent or not a number.
    std::optional<qint64> intValue(const QString &name, int field = 0) const;
    QStringList names() const { return m_values.keys(); }
    const QMap<QString, QString> &values() const { return m_values; }
    bool isEmpty() const { return m_values.isEmpty(); }

    bool operator==(const Tunables &other) const { return m_values == other.m_values; }

private:
    QMap<QString, QString> m_values;
};

Q_DECLARE_METATYPE(Tunables)
