// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"
#include "monitoring/DoraMetrics.h"

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace Shipyard {

class EnvironmentComboBox;

struct MetricsReport;

// The Metrics view: the DORA measures of an environment over the last days,
// a chart of its deployments per day (succeeded and failed), and the
// monitoring query's series around the latest releases with each release
// marked, when the ecosystem names a Prometheus. It draws a MetricsReport,
// read off the UI thread.
class MetricsView : public QWidget
{
    Q_OBJECT
public:
    explicit MetricsView(QWidget *parent = nullptr);
    ~MetricsView() override;

    // CLUSTER: the clusters the window reads, for the environments' clients.
    void setEcosystem(const Ecosystem &ecosystem, const ClusterAccess &cluster);
    QString environment() const;
    bool setEnvironment(const QString &name);
    void setDays(int days);
    void refresh();

    bool isLoading() const { return m_loading; }
    const DoraMetrics::Summary &summary() const { return m_summary; }
    QString errorText() const { return m_error; }
    // The monitoring chart shows a series (true), or the placeholder.
    bool showsMonitoring() const;
    QString monitoringText() const;
    QChart *monitoringChart() const;

Q_SIGNALS:
    void loaded();

private:
    void show(const MetricsReport &snapshot);
    void showDeployments(const DoraMetrics::Summary &summary);
    void showMonitoring(const MetricsReport &snapshot);
    void styleChart(QChart *chart) const;
    // The value's label; DETAIL receives the small line below it.
    QLabel *addCard(QGridLayout *grid, int column, const QString &caption, QLabel **detail);

    Ecosystem m_ecosystem;
    ClusterAccess m_cluster;
    EnvironmentComboBox *m_environment = nullptr;
    QComboBox *m_days = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_frequency = nullptr;
    QLabel *m_failureRate = nullptr;
    QLabel *m_restore = nullptr;
    QLabel *m_leadTime = nullptr;
    QLabel *m_frequencyDetail = nullptr;
    QLabel *m_failureRateDetail = nullptr;
    QLabel *m_restoreDetail = nullptr;
    QLabel *m_leadTimeDetail = nullptr;
    QChartView *m_deployments = nullptr;
    QStackedWidget *m_monitoringStack = nullptr;
    QChartView *m_monitoring = nullptr;
    QLabel *m_monitoringPlaceholder = nullptr;
    bool m_loading = false;
    int m_generation = 0;
    DoraMetrics::Summary m_summary;
    QString m_error;
};

} // namespace Shipyard
