#include "common/screenshot.h"

#include <QImageWriter>
#include <QPixmap>
#include <QWidget>

Status Screenshot::save(QWidget *widget, const QString &path)
{
    const QPixmap pixmap = widget->grab();
    if (pixmap.isNull())
        return Status::failure(QStringLiteral("could not render the window"));
    QImageWriter writer(path, "png");
    if (!writer.write(pixmap.toImage()))
        return Status::failure(QStringLiteral("cannot write %1: %2").arg(path, writer.errorString()));
    return {};
}
