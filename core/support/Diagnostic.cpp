// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/Diagnostic.h"

#include <algorithm>

namespace Shipyard {

QString Diagnostic::toString() const
{
    const QString kind = isError() ? QStringLiteral("error") : QStringLiteral("warning");
    const int line = location.isValid() ? location.line : 1;
    const int column = location.column > 0 ? location.column : 1;
    return QStringLiteral("%1:%2:%3: %4: %5").arg(file).arg(line).arg(column).arg(kind, message);
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::ranges::any_of(diagnostics, &Diagnostic::isError);
}

} // namespace Shipyard
