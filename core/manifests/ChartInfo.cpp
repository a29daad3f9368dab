// SPDX-License-Identifier: GPL-2.0-or-later
#include "manifests/ChartInfo.h"

#include <QDir>
#include <QFile>

#include <yaml-cpp/yaml.h>

namespace Shipyard {

ChartInfo ChartInfo::read(const QString &directory)
{
    ChartInfo info;
    QFile file(QDir(directory).filePath(QStringLiteral("Chart.yaml")));
    // Chart.yaml is a few lines; one that is not is no chart to describe.
    if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024)
        return info;
    try {
        const YAML::Node chart = YAML::Load(file.readAll().toStdString());
        if (!chart.IsMap())
            return info;
        auto field = [&](const char *key) {
            // A missing key is an invalid node, which throws when asked its type.
            const YAML::Node node = chart[key];
            return node.IsDefined() && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
        };
        info.name = field("name");
        info.version = field("version");
        info.appVersion = field("appVersion");
    } catch (const YAML::Exception &) {
        return {};
    }
    return info;
}

QString ChartInfo::describe() const
{
    if (name.isEmpty())
        return {};
    return version.isEmpty() ? name : QStringLiteral("%1 %2").arg(name, version);
}

} // namespace Shipyard
