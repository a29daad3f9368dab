// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/DoctorResult.h"

namespace Shipyard {

QString DoctorResult::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return QStringLiteral("ok");
    case Verdict::Warning:
        return QStringLiteral("warning");
    case Verdict::Broken:
        return QStringLiteral("broken");
    case Verdict::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}

} // namespace Shipyard
