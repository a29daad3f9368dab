// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Shipyard {

// The candidate closest to a misspelt word, or an empty string when none is
// close enough to be a plausible typo.
QString closestMatch(const QString &word, const QStringList &candidates);

} // namespace Shipyard
