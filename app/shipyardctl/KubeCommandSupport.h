// SPDX-License-Identifier: GPL-2.0-or-later
// The options every cluster command shares (--kubeconfig, --context, -n),
// kept in a header because app/CMakeLists.txt only globs *Command.cpp.
#pragma once

#include "Output.h"

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "support/FutureWait.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Shipyard::Ctl {

inline void addKubeOptions(QCommandLineParser &parser, bool withNamespace = true)
{
    parser.addOption({ QStringLiteral("kubeconfig"),
        QCoreApplication::translate("shipyardctl", "read only this kubeconfig file"), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("context"),
        QCoreApplication::translate("shipyardctl", "the kubeconfig context to use"), QStringLiteral("CONTEXT") });
    if (withNamespace)
        parser.addOption({ { QStringLiteral("n"), QStringLiteral("namespace") },
            QCoreApplication::translate("shipyardctl", "the namespace (default: the context's)"),
            QStringLiteral("NAMESPACE") });
}

// Prints why on failure and returns an invalid client.
inline KubeClient kubeClientFor(const QCommandLineParser &parser, const QString &command)
{
    // The command's one reading of the kubeconfig.
    const ClusterAccess cluster = ClusterAccess::load(parser.value(QStringLiteral("kubeconfig")));
    QString error;
    KubeClient client = cluster.client(parser.value(QStringLiteral("context")), &error);
    if (!client.isValid())
        err() << command << ": " << error << '\n';
    return client;
}

inline QString namespaceFor(const QCommandLineParser &parser, const KubeClient &client)
{
    const QString ns = parser.value(QStringLiteral("namespace"));
    return ns.isEmpty() ? client.defaultNamespace() : ns;
}

inline int reportError(const QString &command, const KubeError &error)
{
    err() << command << ": " << error.message << '\n';
    err().flush();
    return 1;
}

} // namespace Shipyard::Ctl
