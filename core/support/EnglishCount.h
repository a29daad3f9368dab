// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Shipyard {

// "1 task", "3 tasks". The engine's messages are plain English, not
// translated (they reach logs, release records and tracker comments), so
// they cannot lean on a translation's plural forms as the programs' do.
inline QString countOf(qint64 count, const char *one, const char *many)
{
    return QString::number(count) + QLatin1Char(' ') + QLatin1StringView(count == 1 ? one : many);
}

} // namespace Shipyard
