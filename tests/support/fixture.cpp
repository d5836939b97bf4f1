#include "fixture.h"

#include <QFile>

QString Fixture::path(const QString &relative)
{
    return QStringLiteral(TCPSCOPE_TEST_DATA "/") + relative;
}

QByteArray Fixture::read(const QString &relative)
{
    QFile f(path(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fixture %s: %s", qPrintable(f.fileName()), qPrintable(f.errorString()));
    return f.readAll();
}
