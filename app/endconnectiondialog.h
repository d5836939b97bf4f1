#pragma once

#include <QStringList>

class QWidget;

// Asks before ending connections: names each one (4-tuple, state, owner) and that its program and
// peer will see the connection reset.
class EndConnectionDialog
{
public:
    static bool confirm(QWidget *parent, const QStringList &connections);
};
