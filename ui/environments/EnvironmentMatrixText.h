// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/SystemState.h"

#include <QDateTime>
#include <QString>

namespace Shipyard {

struct ShowroomInfo;

// What the environments matrix says in its cells and headers, beyond the
// live numbers: ages, people, what a health means, a showroom's story.
namespace EnvironmentMatrixText {

// "5 min ago", "3 h ago", "2 d ago": an age that fits a crowded cell.
QString shortAge(const QDateTime &then);
// "anna" of "anna@release-laptop": a cell has room for the person only.
QString personOf(const QString &who);
// What a health means, for the tooltip: the cell shows its symbol and a word.
QString healthMeaning(SystemState::Health health);
// "less than a minute", "12 min", "3 h 5 min", "2 d 4 h".
QString roughDuration(qint64 seconds);
// Whose showroom it is, who made it, and when it sleeps, expires or goes.
QString showroomSummary(const ShowroomInfo &showroom);

} // namespace EnvironmentMatrixText
} // namespace Shipyard
