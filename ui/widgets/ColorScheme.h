// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Shipyard {

// Light and dark follow the desktop unless the user (or --color-scheme) asks
// for one; an explicit choice uses the Fusion style with a matching palette,
// so it looks the same on every platform.
class ColorScheme
{
public:
    enum class Scheme { System, Light, Dark };

    static bool parse(const QString &name, Scheme *scheme);
    static void apply(Scheme scheme);
    static bool isDark();
};

} // namespace Shipyard
