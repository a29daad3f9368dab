// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/InClusterConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Shipyard {

QString InClusterConfig::serviceAccountDirectory()
{
    const QString overridden = qEnvironmentVariable("SHIPYARD_SERVICEACCOUNT_DIR");
    return overridden.isEmpty() ? QStringLiteral("/var/run/secrets/kubernetes.io/serviceaccount") : overridden;
}

bool InClusterConfig::isInCluster()
{
    return !qEnvironmentVariableIsEmpty("KUBERNETES_SERVICE_HOST") &&
        !qEnvironmentVariableIsEmpty("KUBERNETES_SERVICE_PORT");
}

std::optional<InClusterConfig> InClusterConfig::load(QString *error)
{
    if (!isInCluster())
        return std::nullopt;
    const QDir directory(serviceAccountDirectory());
    const QString tokenFile = directory.filePath(QStringLiteral("token"));
    // client-go reads the token once here and fails without it; later reads
    // go through the user's tokenFile.
    QFile token(tokenFile);
    if (!token.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("KUBERNETES_SERVICE_HOST is set, but the service account token %1 cannot be "
                                    "read: %2 (is automountServiceAccountToken off?)")
                         .arg(tokenFile, token.errorString());
        return std::nullopt;
    }
    const QString caFile = directory.filePath(QStringLiteral("ca.crt"));
    if (!QFileInfo::exists(caFile)) {
        if (error)
            *error = QStringLiteral("KUBERNETES_SERVICE_HOST is set, but the service account has no certificate "
                                    "authority %1")
                         .arg(caFile);
        return std::nullopt;
    }

    QString host = qEnvironmentVariable("KUBERNETES_SERVICE_HOST");
    if (host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('[')))
        host = QLatin1Char('[') + host + QLatin1Char(']'); // net.JoinHostPort
    InClusterConfig config;
    config.cluster.name = contextName();
    config.cluster.server = QStringLiteral("https://%1:%2").arg(host, qEnvironmentVariable("KUBERNETES_SERVICE_PORT"));
    config.cluster.certificateAuthority = caFile;
    config.cluster.locationOfOrigin = directory.path();
    config.user.name = contextName();
    config.user.tokenFile = tokenFile;
    config.user.locationOfOrigin = directory.path();
    config.context.name = contextName();
    config.context.cluster = contextName();
    config.context.user = contextName();
    QFile ns(directory.filePath(QStringLiteral("namespace")));
    if (ns.open(QIODevice::ReadOnly))
        config.context.ns = QString::fromUtf8(ns.readAll()).trimmed();
    config.context.locationOfOrigin = directory.path();
    return config;
}

} // namespace Shipyard
