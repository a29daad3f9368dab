// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Shipyard {

// One step of a canary (see CanaryDeployment) as its release record keeps
// it, the canary's annotations carry it and the views show it: the share
// asked for, the new pods it ran with beside the old ones, and its verdict.
struct CanaryStepResult
{
    enum class Verdict {
        Pending, // not reached yet
        Holding, // running: rolled out, held and judged, or waiting for a person
        Passed, // held for its pause without objection; the last: promoted
        Failed, // a signal objected, or the new pods never became ready
        Promoted, // a person promoted here; the steps between are skipped
        Aborted, // a person aborted here
        Skipped, // never run: a person promoted before it
        Cancelled, // the delivery was cancelled here
    };

    int share = 0; // per cent, as the plan says
    int replicas = 0; // the canary's pods
    int oldReplicas = 0; // the main Deployment's, still running the old version
    Verdict verdict = Verdict::Pending;
    QString message;

    // The share of the pods that run the new version: REPLICAS among all.
    int podShare() const;
    // "10 %: 1 new pod beside 2 old"
    QString describe() const;

    bool operator==(const CanaryStepResult &other) const = default;

    // {share, replicas, oldReplicas, verdict, message}, an empty message left out.
    QJsonObject toJson() const;
    static CanaryStepResult fromJson(const QJsonObject &object);
    static QJsonArray toJson(const QList<CanaryStepResult> &steps);
    static QList<CanaryStepResult> fromJson(const QJsonArray &steps);
    static QString keyword(Verdict verdict);
};

} // namespace Shipyard
