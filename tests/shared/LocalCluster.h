// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// For tests against the local control plane (ctest fixture "localcluster").

#include <QByteArray>
#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace LocalCluster {

// Where `packaging/localcluster/cluster up` writes its kubeconfig.
inline QString kubeconfigPath()
{
    const QString cache = qEnvironmentVariableIsSet("SHIPYARD_CACHE")
        ? qEnvironmentVariable("SHIPYARD_CACHE")
        : QDir::homePath() + QStringLiteral("/.cache/shipyard");
    return cache + QStringLiteral("/run/cluster/kubeconfig");
}

// Runs kubectl against `context` of the local cluster; false (with kubectl's
// complaint printed) when it fails.
inline bool kubectl(const QString &context, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral("kubectl"),
        QStringList { QStringLiteral("--kubeconfig"), kubeconfigPath(), QStringLiteral("--context"), context } +
            arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning(
            "kubectl %s: %s", qPrintable(arguments.join(QLatin1Char(' '))), process.readAllStandardError().constData());
        return false;
    }
    return true;
}

// A Deployment of REPLICAS pods whose one container, "backend", runs IMAGE
// (kwok serves that container name its backend log).
inline QByteArray deploymentYaml(const QString &ns, const QString &name, int replicas, const QString &image)
{
    return QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: %2, namespace: %1}\n"
                          "spec:\n  replicas: %3\n"
                          "  selector: {matchLabels: {app: %2}}\n"
                          "  template:\n    metadata: {labels: {app: %2}}\n"
                          "    spec: {containers: [{name: backend, image: '%4'}]}\n")
        .arg(ns, name)
        .arg(replicas)
        .arg(image)
        .toUtf8();
}

// Waits until the deployment has rolled out: kubectl is given a minute a
// call, and a cluster busy with other tests' pods may need more.
inline bool waitRolledOut(const QString &context, const QString &ns, const QString &deployment)
{
    for (int i = 0; i < 4; ++i) {
        if (kubectl(context,
                { QStringLiteral("-n"), ns, QStringLiteral("rollout"), QStringLiteral("status"),
                    QStringLiteral("deployment/") + deployment, QStringLiteral("--timeout=50s") }))
            return true;
    }
    return false;
}

} // namespace LocalCluster
