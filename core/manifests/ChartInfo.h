// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Shipyard {

// What a chart's Chart.yaml says about it: enough to tell people which
// chart, in which version, an environment runs.
struct ChartInfo
{
    QString name;
    QString version;
    QString appVersion;

    // From DIRECTORY/Chart.yaml; empty fields when it cannot be read (helm
    // then says why, in its own words).
    static ChartInfo read(const QString &directory);
    // "storefront 0.3.0", or "" when unknown.
    QString describe() const;
};

} // namespace Shipyard
