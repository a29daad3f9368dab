// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace Shipyard {

// Durations as people write them in configuration: "90s", "15m", "72h", "7d",
// or combined ("1h30m"). A bare number is seconds.
std::optional<std::chrono::seconds> parseDuration(QStringView text);
QString formatDuration(std::chrono::seconds duration);

} // namespace Shipyard
