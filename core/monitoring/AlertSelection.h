// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/AlertMatcher.h"
#include "model/Ecosystem.h"

#include <QList>
#include <QString>

namespace Shipyard {

// The alerts one delivered system answers for: its environment's alert
// matchers with the system's variables in place of their ${NAME}s.
struct AlertSelection
{
    QString system;
    QList<AlertMatcher> matchers;

    // One selection per system of SYSTEMS delivered into ENVIRONMENT (its
    // namespace NS, for TASK's showroom), none when the environment watches
    // no alerts. Empty with ERROR when a matcher does not read once filled
    // in (a variable's value with a quote, say).
    static QList<AlertSelection> forSystems(const Ecosystem &ecosystem, const Environment &environment,
        const QList<System> &systems, const QString &ns, const QString &task, QString *error);
};

} // namespace Shipyard
