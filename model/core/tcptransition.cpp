#include "core/tcptransition.h"

#include <QCoreApplication>

QString TcpTransition::label() const
{
    const QString a = *action ? QString::fromLatin1(action) : QStringLiteral("\u2014");
    return QString::fromLatin1(event) + QLatin1String(" / ") + a;
}

QString TcpTransition::explanationText() const
{
    return QCoreApplication::translate("TcpStateMachine", explanation);
}
