// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorCheck.h"

#include <QStringList>

namespace Shipyard {

// A program deliveries run, found where they would find it and asked its
// version: buildah for images, helm for charts, kubectl (or kustomize) for
// Kustomizations. Only the tools the ecosystem's systems need are checked.
class ToolCheck : public DoctorCheck
{
public:
    enum class Tool { Buildah, Helm, Kustomize };

    // SYSTEMS: the systems that need it, for the remedy; SEARCHPATH: a PATH
    // value, this process's PATH when empty.
    ToolCheck(Tool tool, const QStringList &systems, const QString &searchPath = {});
    DoctorResult run(const Context &context) const override;

private:
    Tool m_tool;
    QStringList m_systems;
    QString m_searchPath;
};

} // namespace Shipyard
