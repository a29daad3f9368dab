// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "releases/CanaryStepResult.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Shipyard {

// What a canary Deployment says about itself in its annotations (keys in
// Labels.h), so that other processes — the window, shipyardctl — read a
// running canary from the cluster: where it stands, how its steps went, and
// whether it waits for a person. A person's decision goes there too, for the
// delivery to act on (see pipeline/CanaryControl).
struct CanaryState
{
    QString system;
    QString deployment; // the canary's own name
    QString release; // the release it belongs to
    int step = 0; // the step it is at, from 1
    int stepCount = 0;
    int share = 0; // that step's
    QList<CanaryStepResult> steps;
    QString paused; // why it waits, while it waits for a person
    QString decision; // "promote" or "abort", written by a person
    QString decidedBy;
    QString decidedFor; // the release the decision was made for

    // The annotations the delivery writes: everything but the decision,
    // which is a person's.
    QJsonObject annotations() const;
    // The state of DEPLOYMENT, a canary read from the cluster.
    static CanaryState read(const QJsonObject &deployment);
};

} // namespace Shipyard
