// SPDX-License-Identifier: GPL-2.0-or-later
#include "monitoring/MetricsReport.h"

#include "monitoring/PrometheusClient.h"
#include "releases/ReleaseStore.h"

#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace Shipyard {

MetricsReport MetricsReport::read(const Ecosystem &ecosystem, const Environment &environment, const KubeClient &client,
    const QString &clientError, int days)
{
    MetricsReport report;
    report.environment = environment.name;
    if (!client.isValid()) {
        report.error = tr("%1: %2").arg(environment.name, clientError);
        return report;
    }
    KubeError listError;
    report.records = ReleaseStore(client, environment.namespaceName).list(&listError);
    if (listError.isError())
        report.error = tr("release records of %1: %2").arg(environment.name, listError.message);
    const QDateTime to = QDateTime::currentDateTimeUtc();
    const QDateTime from = QDateTime(to.date().addDays(-(days - 1)), QTime(0, 0), QTimeZone::UTC);
    report.summary = DoraMetrics::compute(report.records, from, to, DoraMetrics::localRepositories(ecosystem));

    if (!ecosystem.rollback.monitoring)
        return report;
    const MonitoringTrigger &monitoring = *ecosystem.rollback.monitoring;
    report.monitoringConfigured = true;
    report.query = monitoring.query;
    report.threshold = monitoring.threshold;
    // From a window before the oldest of the latest releases to now (at
    // most a week); the last hour when there are none.
    QDateTime start;
    int shown = 0;
    for (const ReleaseRecord &record : std::as_const(report.records)) {
        if (!DoraMetrics::isDeployment(record))
            continue;
        start = record.time.addSecs(-qint64(monitoring.window.count()));
        if (++shown == latestReleasesShown)
            break;
    }
    if (!start.isValid())
        start = to.addSecs(-3600);
    start = std::max(start, to.addDays(-7));
    report.seriesFrom = start;
    report.seriesTo = to;
    PrometheusClient prometheus(QUrl(monitoring.prometheusUrl));
    prometheus.setTimeout(10000);
    prometheus.setCredentials(monitoring.credentials);
    // About 240 points across the chart.
    report.series = prometheus.queryRange(monitoring.query, start, to, std::max<int>(1, int(start.secsTo(to) / 240)));
    return report;
}

} // namespace Shipyard
