// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// For tests against the local control plane (ctest fixture "localcluster").

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QtGlobal>

#include <algorithm>

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
// complaint printed) when it fails. OUTPUT, when given, receives what it printed.
inline bool kubectl(
    const QString &context, const QStringList &arguments, const QByteArray &input = {}, QByteArray *output = nullptr)
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
    if (output)
        *output = process.readAllStandardOutput();
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

// The names of the deployment's pods that are Ready and not being deleted.
inline QStringList readyPods(const QString &context, const QString &ns, const QString &deployment)
{
    QByteArray json;
    if (!kubectl(context,
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment/") + deployment,
                QStringLiteral("-o"), QStringLiteral("json") },
            {}, &json))
        return {};
    QStringList selector;
    const QJsonObject labels =
        QJsonDocument::fromJson(json)[QLatin1String("spec")][QLatin1String("selector")][QLatin1String("matchLabels")]
            .toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        selector.append(it.key() + QLatin1Char('=') + it.value().toString());
    if (selector.isEmpty() ||
        !kubectl(context,
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"),
                selector.join(QLatin1Char(',')), QStringLiteral("-o"), QStringLiteral("json") },
            {}, &json))
        return {};
    QStringList ready;
    for (const QJsonValue &pod : QJsonDocument::fromJson(json)[QLatin1String("items")].toArray()) {
        if (pod[QLatin1String("metadata")].toObject().contains(QLatin1String("deletionTimestamp")))
            continue;
        for (const QJsonValue &condition : pod[QLatin1String("status")][QLatin1String("conditions")].toArray()) {
            if (condition[QLatin1String("type")].toString() == QLatin1String("Ready") &&
                condition[QLatin1String("status")].toString() == QLatin1String("True"))
                ready.append(pod[QLatin1String("metadata")][QLatin1String("name")].toString());
        }
    }
    return ready;
}

// Waits until exactly COUNT pods of the deployment are ready, none of them
// one of GONE (pods just deleted, whose replacements are awaited). A scale
// or a deleted pod is no rollout of a new template: `rollout status` may
// answer before the controllers saw the change. Events are processed while
// waiting, so what a test follows keeps reading; the same patience as
// waitRolledOut for a cluster busy with other tests' pods.
inline bool waitReadyPods(
    const QString &context, const QString &ns, const QString &deployment, int count, const QStringList &gone = {})
{
    const QDeadlineTimer deadline(200000);
    QStringList ready;
    while (!deadline.hasExpired()) {
        ready = readyPods(context, ns, deployment);
        if (ready.size() == count &&
            std::none_of(ready.cbegin(), ready.cend(), [&](const QString &pod) { return gone.contains(pod); }))
            return true;
        QEventLoop pause;
        QTimer::singleShot(500, &pause, &QEventLoop::quit);
        pause.exec();
    }
    qWarning("deployment %s/%s: %lld ready pods (%s), not %d", qPrintable(ns), qPrintable(deployment),
        qlonglong(ready.size()), qPrintable(ready.join(QLatin1String(", "))), count);
    return false;
}

} // namespace LocalCluster
