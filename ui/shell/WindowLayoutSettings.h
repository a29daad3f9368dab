// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QSettings;
class QWidget;

namespace Shipyard {

// The user's arrangement inside a window: every splitter's sizes and every
// tab widget's current page, keyed by where each sits in the widget tree,
// so that no view has to name its parts for them to be remembered. A key
// that no longer fits (the window was rearranged) is ignored.
class WindowLayoutSettings
{
public:
    static void save(const QWidget *window, QSettings &settings);
    static void restore(QWidget *window, const QSettings &settings);
};

} // namespace Shipyard
