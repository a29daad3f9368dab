// SPDX-License-Identifier: GPL-2.0-or-later
#include "releases/CanaryDeployment.h"

#include "model/Labels.h"

#include <algorithm>
#include <cmath>

namespace Shipyard {

namespace {

const QString trackValue = QStringLiteral("canary");

QJsonObject withTrack(QJsonObject labels)
{
    labels.insert(Labels::track, trackValue);
    return labels;
}

} // namespace

QString CanaryDeployment::nameOf(const QString &deployment)
{
    return deployment + QStringLiteral("-canary");
}

int CanaryDeployment::replicasFor(int share, int oldReplicas)
{
    if (share >= 100 || oldReplicas <= 0)
        return std::max(oldReplicas, 1);
    const double exact = double(oldReplicas) * share / (100 - share);
    return std::max(1, int(std::lround(exact)));
}

QJsonObject CanaryDeployment::make(const QJsonObject &main, const QString &system, int replicas)
{
    QJsonObject canary = main;
    QJsonObject metadata = main.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("name"), nameOf(metadata.value(QLatin1String("name")).toString()));
    QJsonObject labels = withTrack(metadata.value(QLatin1String("labels")).toObject());
    labels.insert(Labels::system, system);
    metadata.insert(QStringLiteral("labels"), labels);
    canary.insert(QStringLiteral("metadata"), metadata);

    QJsonObject spec = main.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    QJsonObject selector = spec.value(QLatin1String("selector")).toObject();
    selector.insert(QStringLiteral("matchLabels"), withTrack(selector.value(QLatin1String("matchLabels")).toObject()));
    spec.insert(QStringLiteral("selector"), selector);
    QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
    QJsonObject podMetadata = podTemplate.value(QLatin1String("metadata")).toObject();
    podMetadata.insert(QStringLiteral("labels"), withTrack(podMetadata.value(QLatin1String("labels")).toObject()));
    podTemplate.insert(QStringLiteral("metadata"), podMetadata);
    spec.insert(QStringLiteral("template"), podTemplate);
    canary.insert(QStringLiteral("spec"), spec);
    return canary;
}

QString CanaryDeployment::selector(const QString &system)
{
    QString selector = Labels::track + QLatin1Char('=') + trackValue;
    if (!system.isEmpty())
        selector += QLatin1Char(',') + Labels::system + QLatin1Char('=') + system;
    return selector;
}

bool CanaryDeployment::isCanary(const QJsonObject &deployment)
{
    return deployment[QLatin1String("metadata")][QLatin1String("labels")][Labels::track].toString() == trackValue;
}

} // namespace Shipyard
