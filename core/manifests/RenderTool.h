// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Shipyard {

// A program that renders objects, found as kubectl finds its plugins: the
// first executable file of that name in the directories of PATH, in order.
// Shipyard never ships or downloads these tools: it runs the ones the team
// already runs, so what it applies is what they would render by hand.
struct RenderTool
{
    QString program; // absolute path; empty when not found
    QStringList arguments; // before the tool's own: "kustomize" for kubectl
    QString name; // "helm", "kubectl kustomize"
    QString missing; // why there is none and how to get it; empty when found

    bool found() const { return !program.isEmpty(); }

    // The first executable NAME in the directories of SEARCHPATH (a PATH
    // value; this process's PATH when empty); empty when there is none.
    static QString findOnPath(const QString &name, const QString &searchPath = {});
    // Helm 3.8 or later, or 4.
    static RenderTool helm(const QString &searchPath = {});
    // `kubectl kustomize`, else `kustomize build`.
    static RenderTool kustomize(const QString &searchPath = {});
};

} // namespace Shipyard
