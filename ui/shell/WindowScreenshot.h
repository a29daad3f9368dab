// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QSize>
#include <QString>

class QWidget;

namespace Shipyard {

// Renders a top-level window off screen into a PNG, for tests and docs.
class WindowScreenshot
{
public:
    static constexpr QSize minimumSize { 1280, 800 };

    // Returns an error message, or an empty string on success.
    static QString save(QWidget *window, const QString &fileName);
};

} // namespace Shipyard
