// SPDX-License-Identifier: GPL-2.0-or-later
// kubectl's columns for pods, replica sets and deployments, computed from
// objects captured from the local control plane (data/README.md says how,
// and which statuses were written by hand because kwok cannot bring them
// about). Each row states what the Cluster view shows; kubectlAgrees() then
// holds every object against what the API server's own printer said of it
// when it was captured (data/kubectl-columns.json).
#include "CapturedObjects.h"
#include "kube/KubeObjectStatus.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Shipyard;
using Rollout = DeploymentStatus::Rollout;

namespace {

QJsonObject load(const QString &name)
{
    return TestSupport::capturedObject(name);
}

QString readyOf(int ready, int total)
{
    return QStringLiteral("%1/%2").arg(ready).arg(total);
}

} // namespace

class tst_KubeObjectStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pod_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("ready");
        QTest::addColumn<int>("restarts");
        QTest::addColumn<bool>("failing");
        QTest::addColumn<bool>("crashed");
        QTest::addColumn<QString>("message"); // a part of it; empty: none

        // As kwok plays them.
        QTest::newRow("running") << "pod-running" << "Running" << "1/1" << 0 << false << false << "";
        QTest::newRow("pending, scheduled")
            << "pod-pending-scheduled" << "Pending" << "0/1" << 0 << false << false << "";
        QTest::newRow("crash loop") << "pod-crashloopbackoff" << "CrashLoopBackOff" << "0/1" << 2 << true << true
                                    << "back-off 20s restarting failed container=app";
        // The first container runs: its log is the current one.
        QTest::newRow("crash loop, second container") << "pod-second-container-crashloop" << "CrashLoopBackOff" << "1/2"
                                                      << 1 << true << false << "restarting failed container=helper";
        QTest::newRow("completed") << "pod-completed" << "Completed" << "0/1" << 0 << false << false << "";
        // A finished pod being deleted is still Completed, not Terminating.
        QTest::newRow("completed, deleted")
            << "pod-completed-deleted" << "Completed" << "0/1" << 0 << false << false << "";
        QTest::newRow("unschedulable") << "pod-unschedulable" << "Pending" << "0/1" << 0 << false << false
                                       << "0/4 nodes are available";
        QTest::newRow("scheduling gated")
            << "pod-scheduling-gated" << "SchedulingGated" << "0/1" << 0 << false << false << "scheduling gates";
        QTest::newRow("init completed") << "pod-init-completed" << "Running" << "1/1" << 0 << false << false << "";
        QTest::newRow("sidecar") << "pod-sidecar" << "Running" << "2/2" << 0 << false << false << "";
        QTest::newRow("terminating") << "pod-terminating" << "Terminating" << "1/1" << 0 << false << false << "";

        // Statuses written by hand, as a kubelet would.
        QTest::newRow("container creating")
            << "pod-container-creating" << "ContainerCreating" << "0/1" << 0 << false << false << "";
        QTest::newRow("image pull back-off")
            << "pod-imagepullbackoff" << "ImagePullBackOff" << "0/1" << 0 << true << false << "Back-off pulling image";
        QTest::newRow("image pull error")
            << "pod-errimagepull" << "ErrImagePull" << "0/1" << 0 << true << false << "failed to pull";
        QTest::newRow("config error") << "pod-createcontainerconfigerror" << "CreateContainerConfigError" << "0/1" << 0
                                      << true << false << "secret \"db-password\" not found";
        QTest::newRow("OOM killed") << "pod-oomkilled" << "OOMKilled" << "0/1" << 2 << true << false << "";
        QTest::newRow("exit code") << "pod-exitcode" << "ExitCode:2" << "0/1" << 0 << true << false << "";
        QTest::newRow("signal") << "pod-signal" << "Signal:9" << "0/1" << 0 << true << false << "";
        QTest::newRow("completed container, pod ready")
            << "pod-completed-container-ready" << "Running" << "1/2" << 0 << false << false << "";
        QTest::newRow("completed container, pod not ready")
            << "pod-completed-container-notready" << "NotReady" << "1/2" << 0 << false << false << "";
        QTest::newRow("init running") << "pod-init-running" << "Init:1/2" << "0/1" << 0 << false << false << "";
        QTest::newRow("init crash loop") << "pod-init-crashloopbackoff" << "Init:CrashLoopBackOff" << "0/1" << 3 << true
                                         << false << "container=migrate";
        QTest::newRow("init error") << "pod-init-error" << "Init:Error" << "0/1" << 1 << true << false << "";
        // Evicted since Kubernetes 1.22: the containers' word wins, the failed phase makes it a failure.
        QTest::newRow("evicted") << "pod-evicted" << "ContainerStatusUnknown" << "0/1" << 0 << true << false
                                 << "could not be located";
        QTest::newRow("node lost") << "pod-nodelost" << "NodeLost" << "0/1" << 0 << false << false << "is unresponsive";
        QTest::newRow("node lost, deleted")
            << "pod-nodelost-deleted" << "Unknown" << "0/1" << 0 << false << false << "is unresponsive";
    }

    void pod()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        QFETCH(QString, ready);
        QFETCH(int, restarts);
        QFETCH(bool, failing);
        QFETCH(bool, crashed);
        QFETCH(QString, message);
        const PodStatus status = KubeObjectStatus::pod(load(file + QStringLiteral(".json")));
        QCOMPARE(status.reason, reason);
        QCOMPARE(readyOf(status.ready, status.total), ready);
        QCOMPARE(status.restarts, restarts);
        QCOMPARE(status.failing, failing);
        QCOMPARE(status.crashed, crashed);
        if (message.isEmpty())
            QVERIFY2(status.message.isEmpty(), qPrintable(status.message));
        else
            QVERIFY2(status.message.contains(message), qPrintable(status.message));
    }

    void podWithoutStatus()
    {
        // As a client sends it, before the API server gives it a phase.
        QJsonObject pod = load(QStringLiteral("pod-running.json"));
        pod.remove(QLatin1String("status"));
        const PodStatus status = KubeObjectStatus::pod(pod);
        QCOMPARE(status.reason, QStringLiteral("Pending"));
        QCOMPARE(readyOf(status.ready, status.total), QStringLiteral("0/1"));
        QCOMPARE(status.restarts, 0);
        QVERIFY(!status.failing);
        QVERIFY(!status.crashed);
        QCOMPARE(KubeObjectStatus::pod({}).reason, QStringLiteral("Pending"));
    }

    void replicaSet_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("revision");
        QTest::addColumn<int>("desired");
        QTest::addColumn<int>("current");
        QTest::addColumn<int>("ready");
        QTest::addColumn<int>("available");
        QTest::newRow("available") << "replicaset-available" << qint64(1) << 1 << 1 << 1 << 1;
        // Its status then holds nothing but replicas: 0 and observedGeneration.
        QTest::newRow("superseded") << "replicaset-superseded" << qint64(1) << 0 << 0 << 0 << 0;
    }

    void replicaSet()
    {
        QFETCH(QString, file);
        QFETCH(qint64, revision);
        QFETCH(int, desired);
        QFETCH(int, current);
        QFETCH(int, ready);
        QFETCH(int, available);
        const ReplicaSetStatus status = KubeObjectStatus::replicaSet(load(file + QStringLiteral(".json")));
        QCOMPARE(status.revision, revision);
        QCOMPARE(status.desired, desired);
        QCOMPARE(status.current, current);
        QCOMPARE(status.ready, ready);
        QCOMPARE(status.available, available);
    }

    void deployment_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Rollout>("rollout");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("desired");
        QTest::addColumn<int>("updated");
        QTest::addColumn<int>("ready");
        QTest::addColumn<int>("available");
        QTest::addColumn<int>("unavailable");
        QTest::newRow("available") << "deployment-available" << Rollout::Available
                                   << "deployment \"web\" successfully rolled out" << 1 << 1 << 1 << 1 << 0;
        QTest::newRow("progressing") << "deployment-progressing" << Rollout::Progressing
                                     << "Waiting for deployment \"slow\" rollout to finish: 0 of 1 updated replicas "
                                        "are available..."
                                     << 1 << 1 << 0 << 0 << 1;
        QTest::newRow("failed") << "deployment-failed" << Rollout::Failed
                                << "deployment \"broken\" exceeded its progress deadline" << 1 << 1 << 0 << 0 << 1;
    }

    void deployment()
    {
        QFETCH(QString, file);
        QFETCH(Rollout, rollout);
        QFETCH(QString, message);
        QFETCH(int, desired);
        QFETCH(int, updated);
        QFETCH(int, ready);
        QFETCH(int, available);
        QFETCH(int, unavailable);
        const DeploymentStatus status = KubeObjectStatus::deployment(load(file + QStringLiteral(".json")));
        QCOMPARE(status.rollout, rollout);
        QCOMPARE(status.message, message);
        QCOMPARE(status.revision, qint64(1));
        QCOMPARE(status.desired, desired);
        QCOMPARE(status.updated, updated);
        QCOMPARE(status.ready, ready);
        QCOMPARE(status.available, available);
        QCOMPARE(status.unavailable, unavailable);
    }

    void deploymentWithoutReplicas()
    {
        // spec.replicas left out means one, as the API server defaults it.
        QJsonObject deployment = load(QStringLiteral("deployment-progressing.json"));
        QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
        spec.remove(QLatin1String("replicas"));
        deployment.insert(QLatin1String("spec"), spec);
        QCOMPARE(KubeObjectStatus::deployment(deployment).desired, 1);
        QCOMPARE(KubeObjectStatus::replicaSet({}).desired, 1);
    }

    // Every captured object against the row the API server printed for it.
    void kubectlAgrees_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QJsonObject>("columns");
        const QJsonObject all = load(QStringLiteral("kubectl-columns.json"));
        QVERIFY(all.size() >= 30);
        for (auto it = all.begin(); it != all.end(); ++it)
            QTest::newRow(qPrintable(it.key())) << it.key() << it.value().toObject();
    }

    void kubectlAgrees()
    {
        QFETCH(QString, file);
        QFETCH(QJsonObject, columns);
        const QJsonObject object = load(file + QStringLiteral(".json"));
        const QString kind = object.value(QLatin1String("kind")).toString();
        if (kind == QLatin1String("Pod")) {
            const PodStatus status = KubeObjectStatus::pod(object);
            QCOMPARE(status.reason, columns[QLatin1String("Status")].toString());
            QCOMPARE(readyOf(status.ready, status.total), columns[QLatin1String("Ready")].toString());
            // "2 (5s ago)": the count is ours, the time since the last restart is not shown.
            QCOMPARE(QString::number(status.restarts),
                columns[QLatin1String("Restarts")].toString().section(QLatin1Char(' '), 0, 0));
        } else if (kind == QLatin1String("ReplicaSet")) {
            const ReplicaSetStatus status = KubeObjectStatus::replicaSet(object);
            QCOMPARE(status.desired, columns[QLatin1String("Desired")].toInt());
            QCOMPARE(status.current, columns[QLatin1String("Current")].toInt());
            QCOMPARE(status.ready, columns[QLatin1String("Ready")].toInt());
        } else if (kind == QLatin1String("Deployment")) {
            const DeploymentStatus status = KubeObjectStatus::deployment(object);
            QCOMPARE(readyOf(status.ready, status.desired), columns[QLatin1String("Ready")].toString());
            QCOMPARE(status.updated, columns[QLatin1String("Up-to-date")].toInt());
            QCOMPARE(status.available, columns[QLatin1String("Available")].toInt());
        } else {
            QFAIL(qPrintable(QStringLiteral("%1: kind %2").arg(file, kind)));
        }
    }

    void failureReason_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("failure");
        for (const char *reason : { "Error", "Failed", "OOMKilled", "CrashLoopBackOff", "ImagePullBackOff",
                 "ErrImagePull", "ErrImageNeverPull", "InvalidImageName", "CreateContainerConfigError",
                 "CreateContainerError", "RunContainerError", "PostStartHookError", "ContainerStatusUnknown",
                 "ExitCode:1", "Signal:9", "Init:Error", "Init:CrashLoopBackOff", "Init:ExitCode:2" })
            QTest::newRow(reason) << QString::fromLatin1(reason) << true;
        for (const char *reason : { "Running", "Pending", "ContainerCreating", "PodInitializing", "Completed",
                 "Terminating", "NotReady", "Unknown", "NodeLost", "SchedulingGated", "ExitCode:0", "Init:0/1", "" })
            QTest::newRow(*reason ? reason : "empty") << QString::fromLatin1(reason) << false;
    }

    void failureReason()
    {
        QFETCH(QString, reason);
        QFETCH(bool, failure);
        QCOMPARE(KubeObjectStatus::isFailureReason(reason), failure);
    }
};

QTEST_GUILESS_MAIN(tst_KubeObjectStatus)
#include "tst_kubeobjectstatus.moc"
