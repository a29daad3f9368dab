// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeCluster.h"
#include "kube/KubeConnection.h"
#include "kube/KubeContext.h"
#include "kube/KubeUser.h"
#include "support/Diagnostic.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Shipyard {

// The merged view of one or more kubeconfig files, read with kubectl's rules
// (client-go clientcmd.ClientConfigLoadingRules):
//  - KUBECONFIG is a ':'-separated list; empty entries and duplicates are
//    dropped and missing files skipped; unset, it is ~/.kube/config.
//  - An explicit file (--kubeconfig) is loaded alone and must exist.
//  - The first file that defines a cluster, user or context name wins that
//    entry whole; later definitions are not merged into it.
//  - The first non-empty current-context wins.
//  - Relative paths (certificate-authority, client-certificate, client-key,
//    tokenFile, and exec commands holding a '/') resolve against the folder
//    of the file that holds them.
//  - A file that cannot be parsed, or names one entry twice, is an error for
//    the whole load, as in kubectl.
// load() adds the context "in-cluster" when running in a pod
// (InClusterConfig), unless a file names it; it becomes the current context
// when the files have none.
class Kubeconfig
{
public:
    // The files kubectl would read, in precedence order, before filtering
    // missing ones. `explicitFile` is --kubeconfig.
    static QStringList filesToLoad(const QString &explicitFile = {});
    static Kubeconfig load(const QString &explicitFile = {});
    static Kubeconfig loadFiles(const QStringList &files, bool filesMustExist = false);
    // What load() adds to the files: the context "in-cluster" of the pod
    // this runs in, if any (InClusterConfig).
    void addInClusterContext();

    bool isValid() const { return !hasErrors(m_diagnostics); }
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    QString errorString() const;

    // Files that existed and were read, in precedence order.
    const QStringList &loadedFiles() const { return m_loadedFiles; }
    const QString &currentContext() const { return m_currentContext; }

    // Sorted by name, as `kubectl config view` prints them.
    QList<KubeContext> contexts() const;
    std::optional<KubeContext> context(const QString &name) const;
    std::optional<KubeCluster> cluster(const QString &name) const;
    std::optional<KubeUser> user(const QString &name) const;

    // Resolves a context (the current one when empty) into what a client
    // needs; nullopt with `error` set when a piece is missing.
    std::optional<KubeConnection> connection(const QString &contextName, QString *error) const;

private:
    void loadFile(const QString &path);

    QStringList m_loadedFiles;
    QString m_currentContext;
    QHash<QString, KubeCluster> m_clusters;
    QHash<QString, KubeUser> m_users;
    QHash<QString, KubeContext> m_contexts;
    Diagnostics m_diagnostics;
    // Why the service account of the pod could not be read.
    QString m_inClusterError;
};

} // namespace Shipyard
