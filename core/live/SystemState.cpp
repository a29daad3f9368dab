// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/SystemState.h"

#include "kube/KubeObjectStatus.h"
#include "model/Labels.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Shipyard {

namespace {

// "registry:5000/demo/api:v1" -> "v1"; digests are shortened the way people read them.
QString tagOf(const QString &image)
{
    const qsizetype at = image.indexOf(QLatin1Char('@'));
    if (at >= 0)
        return image.mid(at + 1).left(19);
    const qsizetype slash = image.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = image.lastIndexOf(QLatin1Char(':'));
    return colon > slash ? image.mid(colon + 1) : QStringLiteral("latest");
}

bool progressDeadlineExceeded(const QJsonObject &status)
{
    const QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    for (const QJsonValue &condition : conditions) {
        const QJsonObject c = condition.toObject();
        if (c.value(QLatin1String("type")).toString() == QLatin1String("Progressing") &&
            c.value(QLatin1String("reason")).toString() == QLatin1String("ProgressDeadlineExceeded"))
            return true;
    }
    return false;
}

} // namespace

QString SystemState::shortTag() const
{
    static const QRegularExpression commitId(QStringLiteral("^([0-9a-f]{40})(.*)$"));
    const QRegularExpressionMatch match = commitId.match(tag);
    return match.hasMatch() ? match.captured(1).left(12) + match.captured(2) : tag;
}

QString SystemState::sourceSummary() const
{
    const QStringList words = source.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.value(0) == QLatin1String("chart"))
        return words.size() >= 3 ? QStringLiteral("chart %1").arg(words.last()) : source;
    if (words.value(0) == QLatin1String("kustomization") && words.size() == 2) {
        const QStringList parts = words[1].split(QLatin1Char('/'), Qt::SkipEmptyParts);
        return QStringLiteral("kustomize %1").arg(parts.mid(qMax(0, parts.size() - 2)).join(QLatin1Char('/')));
    }
    return {};
}

SystemState SystemState::fromDeployment(const QJsonObject &deployment)
{
    SystemState state;
    const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    const QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    const QJsonArray containers = spec.value(QLatin1String("template"))
                                      .toObject()
                                      .value(QLatin1String("spec"))
                                      .toObject()
                                      .value(QLatin1String("containers"))
                                      .toArray();
    if (!containers.isEmpty()) {
        state.image = containers.first().toObject().value(QLatin1String("image")).toString();
        state.tag = tagOf(state.image);
    }
    state.gitSha = annotations.value(Labels::gitSha).toString();
    state.tasks = annotations.value(Labels::tasks).toString();
    state.source = annotations.value(Labels::source).toString();
    state.version = annotations.value(Labels::version).toString();
    state.deliveredBy = annotations.value(Labels::deliveredBy).toString();
    state.deliveredAt = QDateTime::fromString(annotations.value(Labels::deliveredAt).toString(), Qt::ISODate);
    const DeploymentStatus status = KubeObjectStatus::deployment(deployment);
    state.revision = status.revision;
    state.desired = status.desired;
    state.updated = status.updated;
    state.ready = status.ready;
    state.available = status.available;
    state.created = QDateTime::fromString(metadata.value(QLatin1String("creationTimestamp")).toString(), Qt::ISODate);
    state.message = status.message;
    // A deadline exceeded counts even before the controller has seen the
    // latest spec, where kubectl rollout status would still be waiting.
    if (progressDeadlineExceeded(deployment.value(QLatin1String("status")).toObject()))
        state.health = Health::Failed;
    else if (status.rollout != DeploymentStatus::Rollout::Available)
        state.health = Health::Progressing;
    else if (state.available < state.desired)
        state.health = Health::Degraded;
    else
        state.health = Health::Healthy;
    return state;
}

SystemState SystemState::missing()
{
    SystemState state;
    state.health = Health::Missing;
    return state;
}

QString healthName(SystemState::Health health)
{
    switch (health) {
    case SystemState::Health::Unknown:
        return QStringLiteral("unknown");
    case SystemState::Health::Missing:
        return QStringLiteral("missing");
    case SystemState::Health::Progressing:
        return QStringLiteral("progressing");
    case SystemState::Health::Healthy:
        return QStringLiteral("healthy");
    case SystemState::Health::Degraded:
        return QStringLiteral("degraded");
    case SystemState::Health::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

} // namespace Shipyard
