// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Shipyard::TestSupport {

// The shell command that makes DIRECTORY (which exists) system NAME of the
// tests: the demo's code, Dockerfile and Makefile with plain manifests in
// deploy/ (tests/fixtures/manifests/NAME), which tests edit with sed. The
// demo itself shows charts and overlays; tests of those build their own.
inline QString copyTestSystemCommand(const QString &name, const QString &directory)
{
    return QStringLiteral("cp -r '%1/resources/demo/systems/%2/.' '%3' && rm -rf '%3/deploy' '%3/chart' && "
                          "cp -r '%1/tests/fixtures/manifests/%2' '%3/deploy'")
        .arg(QStringLiteral(SHIPYARD_SOURCE_DIR), name, directory);
}

} // namespace Shipyard::TestSupport
