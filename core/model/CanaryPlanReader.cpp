// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/CanaryPlanReader.h"

#include "support/Duration.h"
#include "support/YamlMappingReader.h"

#include <yaml-cpp/yaml.h>

namespace Shipyard {

std::optional<CanaryPlan> readCanaryPlan(
    YamlMappingReader &r, const YAML::Node &owner, DiagnosticSink &sink, bool allowOff)
{
    if (!r.has("canary"))
        return std::nullopt;
    const SourceLocation where = r.valueLocation("canary");
    const QString what = r.what() + QStringLiteral(": canary");
    if (const YAML::Node off = owner["canary"]; allowOff && off.IsScalar() && off.Scalar() == "false")
        return CanaryPlan { {}, {}, false, where };
    const YAML::Node node = r.mapping("canary");
    if (!node.IsDefined())
        return std::nullopt;
    CanaryPlan plan;
    plan.location = where;
    YamlMappingReader c(node, what, sink);
    bool ok = true;
    const YAML::Node steps = c.sequence("steps", YamlMappingReader::Presence::Required);
    ok &= steps.IsDefined();
    if (steps.IsDefined() && steps.size() == 0) {
        sink.error(c.valueLocation("steps"), QStringLiteral("%1: 'steps' must name at least 100").arg(what));
        ok = false;
    }
    for (const YAML::Node &step : steps) {
        bool isNumber = false;
        const int share = step.IsScalar() ? QString::fromStdString(step.Scalar()).toInt(&isNumber) : 0;
        if (!isNumber || share < 1 || share > 100) {
            sink.error(toLocation(step.Mark()),
                QStringLiteral("%1: a step is a share of the pods from 1 to 100 (per cent), not %2")
                    .arg(what, describeScalar(step)));
            ok = false;
            continue;
        }
        if (!plan.steps.isEmpty() && share <= plan.steps.last()) {
            sink.error(toLocation(step.Mark()),
                QStringLiteral("%1: steps must grow: %2 after %3").arg(what).arg(share).arg(plan.steps.last()));
            ok = false;
            continue;
        }
        plan.steps.append(share);
    }
    if (ok && plan.steps.last() != 100) {
        sink.error(toLocation(steps[steps.size() - 1].Mark()),
            QStringLiteral("%1: the last step must be 100, when the new version replaces the old").arg(what));
        ok = false;
    }
    if (const auto pause = c.string("pause", YamlMappingReader::Presence::Required)) {
        if (*pause == QLatin1String("manual")) {
            plan.manual = true;
        } else if (const auto duration = parseDuration(*pause); duration && duration->count() > 0) {
            plan.pause = *duration;
        } else {
            sink.error(c.valueLocation("pause"),
                QStringLiteral("%1: 'pause' must be a duration such as '30s' or '2m', or 'manual', not '%2'")
                    .arg(what, *pause));
            ok = false;
        }
    } else {
        ok = false;
    }
    c.reportUnknownKeys({ QStringLiteral("steps"), QStringLiteral("pause") });
    return ok ? std::optional(plan) : std::nullopt;
}

} // namespace Shipyard
