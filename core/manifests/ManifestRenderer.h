// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "manifests/ClusterCapabilities.h"
#include "model/Ecosystem.h"
#include "support/Fault.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <optional>

namespace Shipyard {

struct RenderTool;

// A system's objects for one environment, from its source as it is at one
// commit:
//  - files: read in name order, each ${NAME} replaced by its variable first;
//  - kustomize: `kubectl kustomize` (or `kustomize build`) of the folder,
//    "{environment}" in its path naming the overlay, placeholders replaced in
//    the output when the source asks for it;
//  - helm: `helm template RELEASE CHART --namespace NS` as `helm install`
//    would render it (CRDs included, test hooks left out, the cluster's
//    version and APIs when setCapabilities() gave them), with the value
//    files ("{environment}" in their names) and the `set` values (${NAME}
//    replaced) in the order written.
// The variables are Ecosystem::variablesFor's. Secret settings are never
// read: objects name the environment's Secret (${ENVIRONMENT_SECRET}).
//
// Whatever the source, a delivery then puts its image and annotations into
// the same objects (renderForDelivery), so that the drift diff, the release
// record and an exact rollback treat all sources alike.
//
// Blocking: the tools run to their end (or the timeout) in the calling thread.
class ManifestRenderer
{
public:
    struct Result
    {
        QList<QJsonObject> objects;
        // Names the system, the source, the environment and, for a tool,
        // its own words; empty on success.
        QString error;
        // A source that does not render is the branch's fault; a missing
        // tool or one that hangs, the machine's.
        Fault fault = Fault::Branch;
        // What was rendered: "chart storefront 0.3.0", "kustomization
        // deploy/overlays/staging", "manifests deploy/".
        QString source;
        // Rendered objects Shipyard leaves out, and why: a chart's hooks.
        QStringList warnings;
        std::chrono::milliseconds toolTime { 0 };
        bool ok() const { return error.isEmpty(); }
    };

    // Renders for ENVIRONMENT, delivered into NS (for TASK's showroom).
    ManifestRenderer(const Ecosystem &ecosystem, const Environment &environment, QString ns, QString task = {});

    static constexpr std::chrono::seconds defaultTimeout { 120 };
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    // The cluster's version and APIs, for charts (see ClusterCapabilities);
    // Helm's defaults when not given.
    void setCapabilities(const ClusterCapabilities &capabilities) { m_capabilities = capabilities; }
    // Where the tools are looked for; this process's PATH by default.
    void setSearchPath(const QString &searchPath) { m_searchPath = searchPath; }

    // SYSTEM's objects, from its files in DIRECTORY (its repository, or one
    // commit of it exported).
    Result render(const System &system, const QString &directory) const;
    // render() as a delivery applies it: IMAGE in every container that runs
    // the system's image, ANNOTATIONS on every object's metadata. An error
    // too when there is nothing to apply or no container runs the image.
    Result renderForDelivery(const System &system, const QString &directory, const QString &image,
        const QList<QPair<QString, QString>> &annotations) const;
    // What renderForDelivery does after render(), to RENDERED: to put
    // several images into objects rendered once.
    Result forDelivery(Result rendered, const System &system, const QString &image,
        const QList<QPair<QString, QString>> &annotations) const;

    // The source's description for this environment, without rendering:
    // "kustomization deploy/overlays/staging", "chart chart/".
    QString describeSource(const System &system) const;
    // The variables SYSTEM's source sees here.
    Variables variables(const System &system) const;

private:
    Result renderFiles(const System &system, const QString &directory) const;
    Result renderKustomization(const System &system, const QString &directory) const;
    Result renderChart(const System &system, const QString &directory) const;
    QString where(const System &system) const;
    // TOOL's output for ARGUMENTS, run in DIRECTORY; nothing, with RESULT's
    // error and fault set and WHAT ("helm template of chart") named, when it failed.
    std::optional<QByteArray> runTool(const RenderTool &tool, const QStringList &arguments, const QString &directory,
        const QString &what, const System &system, Result &result) const;

    const Ecosystem &m_ecosystem;
    const Environment &m_environment;
    QString m_ns;
    QString m_task;
    QString m_searchPath;
    std::chrono::milliseconds m_timeout { defaultTimeout };
    const std::atomic_bool *m_cancel = nullptr;
    ClusterCapabilities m_capabilities;
};

} // namespace Shipyard
