#pragma once

#include <QString>

#include <optional>

// TCP service names to ports for ss filter expressions (`dport = :https`): the system's services
// database through getservbyname(3), as ss does, else SsFilterWords' built-in table.
class ServiceDatabase
{
public:
    static std::optional<quint16> tcpPort(const QString &name);
};
