// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Shipyard {

// What one system looks like in one environment right now, read from its
// Deployment. Deliveries annotate the Deployment with the git commit and
// tasks they brought and the source that rendered it (shipyard.dev/git-sha,
// shipyard.dev/tasks, shipyard.dev/source).
struct SystemState
{
    enum class Health {
        Unknown, // not heard from the cluster yet
        Missing, // no Deployment for the system
        Progressing, // a rollout is under way
        Healthy, // rolled out, every replica available
        Degraded, // rolled out, but fewer replicas available than desired
        Failed, // the rollout exceeded its progress deadline
    };

    Health health = Health::Unknown;
    QString image;
    QString tag;
    QString gitSha;
    QString tasks;
    QString version; // `git describe --tags` of the commit when delivered; empty without tags
    QString deliveredBy; // user@host
    QDateTime deliveredAt;
    QString source; // what rendered its objects (shipyard.dev/source)
    qint64 revision = 0;
    int desired = 0;
    int updated = 0;
    int ready = 0;
    int available = 0;
    QDateTime created;
    QString message; // kubectl's rollout status words, or why it failed

    // The new version running beside this one during a partial rollout
    // (releases/CanaryDeployment): what it runs, its share and step, and
    // whether it waits for a person to promote or abort it.
    struct Canary
    {
        QString tag;
        int share = 0;
        int step = 0;
        int stepCount = 0;
        int ready = 0;
        int desired = 0;
        bool waiting = false;
        friend bool operator==(const Canary &, const Canary &) = default;
    };
    std::optional<Canary> canary;

    // The tag for people: a tag that is a commit id (images are tagged with
    // the commit they were built from) shortened to 12 digits, suffix kept.
    QString shortTag() const;
    // The source in a few words for a crowded cell: "chart 0.3.0",
    // "kustomize overlays/staging"; empty for plain manifests or none.
    QString sourceSummary() const;

    static SystemState fromDeployment(const QJsonObject &deployment);
    static SystemState missing();
    friend bool operator==(const SystemState &, const SystemState &) = default;
};

QString healthName(SystemState::Health health);

} // namespace Shipyard
