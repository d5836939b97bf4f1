#pragma once

#include "core/status.h"

#include <QString>

class QWidget;

// Renders a widget tree to a PNG without a visible display (works with QT_QPA_PLATFORM=offscreen).
class Screenshot
{
public:
    static Status save(QWidget *widget, const QString &path);
};
