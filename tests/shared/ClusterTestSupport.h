// SPDX-License-Identifier: GPL-2.0-or-later
// Shared by the tests that run against the local control plane
// (ctest fixture `localcluster`, packaging/localcluster/cluster).
#pragma once

#include "LocalCluster.h"
#include "TestWorldRequirement.h"

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/Kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

namespace Shipyard::TestSupport {

inline QString clusterKubeconfigPath()
{
    return LocalCluster::kubeconfigPath();
}

// A small ConfigMap to create, change and delete in watch tests.
inline QJsonObject simpleConfigMap(const QString &name, const QString &value)
{
    return QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("v1") },
        { QStringLiteral("kind"), QStringLiteral("ConfigMap") },
        { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), name } } },
        { QStringLiteral("data"), QJsonObject { { QStringLiteral("v"), value } } } };
}

inline Kubeconfig clusterKubeconfig()
{
    return Kubeconfig::loadFiles({ clusterKubeconfigPath() }, true);
}

inline KubeClient clusterClient(const QString &context)
{
    QString error;
    KubeClient client = ClusterAccess(clusterKubeconfig(), {}).client(context, &error);
    if (!client.isValid())
        qWarning("no client for context %s: %s", qPrintable(context), qPrintable(error));
    return client;
}

inline KubeResponse wait(QFuture<KubeResponse> future)
{
    future.waitForFinished();
    return future.result();
}

// kubectl against the same cluster, for comparisons and setup.
inline QByteArray kubectl(
    const QString &context, const QStringList &arguments, int *exitCode = nullptr, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral("kubectl"),
        QStringList { QStringLiteral("--kubeconfig"), clusterKubeconfigPath(), QStringLiteral("--context"), context } +
            arguments);
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    if (exitCode)
        *exitCode = process.exitCode();
    else if (process.exitCode() != 0)
        qWarning(
            "kubectl %s: %s", qPrintable(arguments.join(QLatin1Char(' '))), process.readAllStandardError().constData());
    return process.readAllStandardOutput();
}

} // namespace Shipyard::TestSupport

#define SHIPYARD_REQUIRE_CLUSTER()                                                                                     \
    do {                                                                                                               \
        if (!QFile::exists(Shipyard::TestSupport::clusterKubeconfigPath()))                                            \
            SHIPYARD_TEST_WORLD_MISSING("the local cluster is not up (packaging/localcluster/cluster up)");            \
        if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())                                       \
            SHIPYARD_TEST_WORLD_MISSING("kubectl is needed; run inside packaging/dev/shipyard-dev exec");              \
    } while (false)
