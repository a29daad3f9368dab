// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "releases/ReleaseRecord.h"
#include "support/SecretMasker.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace Shipyard {

// One migration of one system as a Kubernetes Job in the environment's
// namespace: `up` before a release rolls out, `down` when it is rolled back.
// The Job runs the release's new image with the settings of the system's
// Deployment as the release renders it (its container's env, envFrom,
// resources and mounts of Secrets and ConfigMaps, the pod's service account,
// pull secrets and annotations), so that it reaches what the application
// reaches. It runs once: backoffLimit 0, restartPolicy Never, and an
// activeDeadlineSeconds of the system's `migrate.timeout`.
//
// Its name is the system's, the phase and the release's: run again for the
// same release and phase (after a crash, or a rollback tried again), the Job
// already there is waited for and its result taken, never run a second
// time. A failed Job stays until someone deletes it, which is how a person
// has it run again once they fixed its cause.
//
// run() blocks until the Job has ended; it is not cut short by a cancelled
// delivery, since a migration stopped halfway would leave a schema nobody
// knows. The Job's own deadline bounds the wait.
class MigrationJob
{
public:
    using Result = ReleaseRecord::Migration::Result;

    struct Spec
    {
        QString ns;
        QString system;
        QString releaseId;
        QString phase; // "up" or "down"
        QString image; // the release's new image, for either phase
        QStringList command;
        std::chrono::seconds timeout { 600 };
        // The system's Deployment as its release renders it, and the image
        // repository that finds the system's container in it (or, when
        // empty, the container that runs IMAGE).
        QJsonObject deployment;
        QString repository;
    };

    struct Outcome
    {
        // Running: it could not be run or its end not seen; ERROR says why.
        Result result = Result::Running;
        QString job;
        QString message; // "completed", or why it failed ("exit code 1: …")
        QStringList log; // the end of its pod's log, masked and bounded as a record keeps it
        QString error;
        bool started = false; // the Job exists: it may have changed something
        bool reused = false; // an earlier run's Job
    };

    MigrationJob(KubeClient client, SecretMasker masker);
    void setLog(std::function<void(const QString &)> log) { m_log = std::move(log); }
    // Asked before the Job is created: empty, or why nothing may be written.
    void setWriteGuard(std::function<QString()> guard) { m_writeGuard = std::move(guard); }
    // How often the Job is looked at while it runs; tests make it short.
    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }

    // The Job's name: a DNS label of at most 63 characters (its pods carry
    // it as a label value), "<system>-<phase>-<release>", the system's
    // name shortened and a hash added when that is longer.
    static QString jobName(const QString &system, const QString &releaseId, const QString &phase);
    // The Job for SPEC; empty with ERROR when SPEC's Deployment has no
    // container of SPEC's repository to take the settings from.
    static QJsonObject manifest(const Spec &spec, QString *error);

    Outcome run(const Spec &spec) const;
    // Waits for the Job an earlier run created for SPEC, creating none: a
    // release found interrupted while its `up` ran. Running with ERROR, and
    // NEVERCREATED set, when there is no such Job.
    Outcome follow(const Spec &spec, bool *neverCreated) const;

private:
    // Waits until JOB has the condition Complete or Failed.
    Outcome wait(const Spec &spec, const QString &job) const;
    // The end of the log of JOB's newest pod, and how its container ended.
    void readPod(const Spec &spec, Outcome &outcome) const;
    void log(const QString &line) const;

    KubeClient m_client;
    SecretMasker m_masker;
    std::function<void(const QString &)> m_log;
    std::function<QString()> m_writeGuard;
    std::chrono::milliseconds m_pollInterval { 1000 };
};

} // namespace Shipyard
