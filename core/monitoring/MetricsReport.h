// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "model/Ecosystem.h"
#include "monitoring/DoraMetrics.h"
#include "monitoring/PrometheusResult.h"
#include "releases/ReleaseRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Shipyard {

// What the Metrics view shows of one environment, read and computed at once:
// its release records, the DORA summary of the last days, and the monitoring
// query's series around the latest releases when the ecosystem names a
// Prometheus. read() blocks on the cluster, the disk and Prometheus: call it
// from a worker thread; the view only draws the report.
struct MetricsReport
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::MetricsReport)
public:
    // The monitoring series covers at most this many of the latest releases.
    static constexpr int latestReleasesShown = 5;

    QString environment;
    QList<ReleaseRecord> records; // newest first, as ReleaseStore lists them
    DoraMetrics::Summary summary;
    QString error; // the cluster or the records could not be read
    bool monitoringConfigured = false;
    QString query;
    double threshold = 0;
    QDateTime seriesFrom;
    QDateTime seriesTo;
    PrometheusResult series;

    // DAYS: the days counted, today included. CLIENT reaches ENVIRONMENT's
    // cluster; an invalid one makes a report holding only CLIENTERROR.
    static MetricsReport read(const Ecosystem &ecosystem, const Environment &environment, const KubeClient &client,
        const QString &clientError, int days);
};

} // namespace Shipyard
