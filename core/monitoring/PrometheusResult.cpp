// SPDX-License-Identifier: GPL-2.0-or-later
#include "monitoring/PrometheusResult.h"

#include <QCoreApplication>

#include <cmath>

namespace Shipyard {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::PrometheusResult)
};
} // namespace

std::optional<double> PrometheusResult::singleValue(QString *error) const
{
    if (isError()) {
        if (error)
            *error = errorText;
        return std::nullopt;
    }
    if (resultType != QLatin1String("vector") && resultType != QLatin1String("scalar")) {
        if (error)
            *error = Tr::tr("the query gives a %1, not a number").arg(resultType);
        return std::nullopt;
    }
    if (samples.size() > 1) {
        if (error)
            *error =
                Tr::tr("the query gives %1 series, not one number; aggregate it (e.g. with sum)").arg(samples.size());
        return std::nullopt;
    }
    if (error)
        error->clear();
    if (samples.isEmpty() || std::isnan(samples.constFirst().value))
        return std::nullopt;
    return samples.constFirst().value;
}

} // namespace Shipyard
