// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace Shipyard {

// The answer to one instant query of the Prometheus HTTP API.
struct PrometheusResult
{
    // Credentials: Prometheus (or its proxy) refused Shipyard's, or wants
    // some, or the variables meant to hold them are not set; a fault of
    // the configuration rather than an outage.
    enum class ErrorKind { None, Unreachable, Credentials, BadQuery, Server, Protocol, Cancelled };

    struct Sample
    {
        QMap<QString, QString> labels;
        double timestamp = 0; // seconds since the epoch
        double value = 0; // may be NaN or ±infinity, as Prometheus says
    };

    ErrorKind errorKind = ErrorKind::None;
    QString errorText;
    QString resultType; // "vector", "scalar", "matrix" or "string"
    QList<Sample> samples; // a scalar is one sample without labels
    QStringList warnings;

    bool isError() const { return errorKind != ErrorKind::None; }
    // The one number a trigger's query should give: a scalar or a vector of
    // exactly one series. Empty when there is no data (no series, or NaN as
    // in 0/0 without traffic); set ERROR when the answer has several series.
    std::optional<double> singleValue(QString *error = nullptr) const;
};

} // namespace Shipyard
