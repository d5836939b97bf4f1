#pragma once

#include <QString>

class QWidget;

// Renders a widget tree to a PNG without a visible display (works with QT_QPA_PLATFORM=offscreen).
class Screenshot
{
public:
    // Returns an error message, empty on success.
    static QString save(QWidget *widget, const QString &path);
};
