// SPDX-License-Identifier: GPL-2.0-or-later
#include "releases/CanaryState.h"

#include "model/Labels.h"

#include <QJsonDocument>

namespace Shipyard {

QJsonObject CanaryState::annotations() const
{
    // Every value is text, as annotations must be; an empty `paused` clears it.
    return QJsonObject {
        { Labels::canaryStep, QStringLiteral("%1/%2").arg(step).arg(stepCount) },
        { Labels::canaryShare, QString::number(share) },
        { Labels::canaryVerdicts,
            QString::fromUtf8(QJsonDocument(CanaryStepResult::toJson(steps)).toJson(QJsonDocument::Compact)) },
        { Labels::canaryPaused, paused },
    };
}

CanaryState CanaryState::read(const QJsonObject &deployment)
{
    const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
    const QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    CanaryState state;
    state.deployment = metadata.value(QLatin1String("name")).toString();
    state.system = metadata.value(QLatin1String("labels")).toObject().value(Labels::system).toString();
    state.release = annotations.value(Labels::release).toString();
    const QString step = annotations.value(Labels::canaryStep).toString();
    state.step = step.section(QLatin1Char('/'), 0, 0).toInt();
    state.stepCount = step.section(QLatin1Char('/'), 1, 1).toInt();
    state.share = annotations.value(Labels::canaryShare).toString().toInt();
    state.steps = CanaryStepResult::fromJson(
        QJsonDocument::fromJson(annotations.value(Labels::canaryVerdicts).toString().toUtf8()).array());
    state.paused = annotations.value(Labels::canaryPaused).toString();
    state.decision = annotations.value(Labels::canaryDecision).toString();
    state.decidedBy = annotations.value(Labels::canaryDecidedBy).toString();
    state.decidedFor = annotations.value(Labels::canaryDecidedFor).toString();
    return state;
}

} // namespace Shipyard
