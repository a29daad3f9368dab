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

} // namespace LocalCluster
