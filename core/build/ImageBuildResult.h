// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "support/Fault.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <chrono>

namespace Shipyard {

// How ImageBuilder's work on one system ended. Texts are masked already.
struct ImageBuildResult
{
    enum class Outcome { Succeeded, Failed, Cancelled };

    Outcome outcome = Outcome::Failed;
    QString system;
    QString image; // "registry/repository:commit"
    QString digest; // "sha256:…" of the pushed manifest
    QString errorText; // which step failed and why
    // The build command or the Dockerfile failing is the branch's; a missing
    // buildah, a push the registry refuses or a bad image name is not.
    Fault fault = Fault::Environment;
    QStringList lastLines; // the end of the failed step's output
    std::chrono::milliseconds buildDuration { 0 }; // the system's build command
    std::chrono::milliseconds imageDuration { 0 }; // buildah bud
    std::chrono::milliseconds pushDuration { 0 }; // buildah push

    bool succeeded() const { return outcome == Outcome::Succeeded; }
};

} // namespace Shipyard

Q_DECLARE_METATYPE(Shipyard::ImageBuildResult)
