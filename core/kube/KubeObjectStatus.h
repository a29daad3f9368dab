// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringView>

namespace Shipyard {

// A Pod as `kubectl get pods` prints it (READY, STATUS, RESTARTS), and what
// Shipyard makes of it.
struct PodStatus
{
    // kubectl's STATUS, in its words: the phase, or the pod's reason, or a
    // container's ("CrashLoopBackOff", "Init:1/2", "ExitCode:2"), or
    // "Terminating"; "Pending" for a pod that has no phase yet.
    QString reason;
    // What came with that reason, when anything did: a waiting or terminated
    // container's message, the pod's (Evicted, NodeLost), the scheduler's.
    QString message;
    int ready = 0; // containers ready and running, started sidecars included
    int total = 0; // containers, sidecars (restartable init containers) included
    int restarts = 0;
    // Not kubectl's: the pod failed, or a container keeps failing (isFailureReason).
    bool failing = false;
    // Not kubectl's: the first container restarted and waits to start again,
    // so its current log is empty and the previous run's is the one to read.
    bool crashed = false;

    friend bool operator==(const PodStatus &, const PodStatus &) = default;
};

// A ReplicaSet as `kubectl get replicasets` prints it, and its revision.
struct ReplicaSetStatus
{
    qint64 revision = 0; // deployment.kubernetes.io/revision; 0: none
    int desired = 1; // spec.replicas, which the API server defaults to 1
    int current = 0;
    int ready = 0;
    int available = 0;

    friend bool operator==(const ReplicaSetStatus &, const ReplicaSetStatus &) = default;
};

// A Deployment as `kubectl get deployments` prints it, and how its rollout stands.
struct DeploymentStatus
{
    enum class Rollout {
        Progressing, // kubectl rollout status would still be waiting
        Available, // rolled out
        Failed, // the progress deadline was exceeded
    };

    Rollout rollout = Rollout::Progressing;
    QString message; // kubectl rollout status's words
    qint64 revision = 0; // deployment.kubernetes.io/revision; 0: none
    int desired = 1; // spec.replicas, which the API server defaults to 1
    int updated = 0;
    int ready = 0;
    int available = 0;
    int unavailable = 0;

    friend bool operator==(const DeploymentStatus &, const DeploymentStatus &) = default;
};

// kubectl's printer rules for the workload objects Shipyard shows
// (kubernetes pkg/printers/internalversion/printers.go: printPod,
// printReplicaSet, printDeployment), read from the objects' JSON as the API
// server sends them. Pure functions: the views show what these compute.
class KubeObjectStatus
{
public:
    static PodStatus pod(const QJsonObject &pod);
    static ReplicaSetStatus replicaSet(const QJsonObject &replicaSet);
    static DeploymentStatus deployment(const QJsonObject &deployment);

    // Whether a pod STATUS says something failed ("Error", "OOMKilled",
    // "CrashLoopBackOff", "ErrImagePull", "CreateContainerConfigError",
    // "ExitCode:1", "Init:Error", …) rather than that it is on its way or done.
    static bool isFailureReason(QStringView reason);
};

} // namespace Shipyard
