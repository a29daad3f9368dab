// SPDX-License-Identifier: GPL-2.0-or-later
#include "history/MetricsView.h"

#include "widgets/EnvironmentComboBox.h"

#include "widgets/BackgroundTask.h"

#include "kube/KubeClient.h"
#include "monitoring/MetricsReport.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace Shipyard {

namespace {

const QColor succeededColor(0x2e, 0x9d, 0x55);
const QColor failedColor(0xd6, 0x45, 0x45);

} // namespace

MetricsView::MetricsView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *bar = new QHBoxLayout;
    auto *environmentLabel = new QLabel(tr("E&nvironment:"));
    m_environment = new EnvironmentComboBox;
    m_environment->setSettingsKey(QStringLiteral("metrics"));
    m_environment->setAccessibleName(tr("Environment of the metrics"));
    environmentLabel->setBuddy(m_environment);
    bar->addWidget(environmentLabel);
    bar->addWidget(m_environment);
    auto *daysLabel = new QLabel(tr("&Over:"));
    m_days = new QComboBox;
    m_days->setAccessibleName(tr("Period of the metrics"));
    for (int days : { 7, 14, 30, 90 })
        m_days->addItem(tr("the last %n day(s)", nullptr, days), days);
    m_days->setCurrentIndex(1);
    daysLabel->setBuddy(m_days);
    bar->addSpacing(12);
    bar->addWidget(daysLabel);
    bar->addWidget(m_days);
    bar->addStretch(1);
    m_status = new QLabel;
    m_status->setAccessibleName(tr("State of the metrics"));
    bar->addWidget(m_status);
    m_refresh = new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Re&fresh"));
    m_refresh->setAccessibleName(tr("Read the releases and the monitoring again"));
    bar->addWidget(m_refresh);
    layout->addLayout(bar);

    auto *cards = new QGridLayout;
    m_frequency = addCard(cards, 0, tr("Deployment frequency"), &m_frequencyDetail);
    m_failureRate = addCard(cards, 1, tr("Change failure rate"), &m_failureRateDetail);
    m_restore = addCard(cards, 2, tr("Time to restore"), &m_restoreDetail);
    m_leadTime = addCard(cards, 3, tr("Lead time for changes"), &m_leadTimeDetail);
    layout->addLayout(cards);

    auto *charts = new QHBoxLayout;
    m_deployments = new QChartView;
    m_deployments->setAccessibleName(tr("Deployments per day"));
    m_deployments->setRenderHint(QPainter::Antialiasing);
    m_deployments->setMinimumHeight(260);
    charts->addWidget(m_deployments, 1);
    m_monitoringStack = new QStackedWidget;
    m_monitoring = new QChartView;
    m_monitoring->setAccessibleName(tr("Monitoring around the latest releases"));
    m_monitoring->setRenderHint(QPainter::Antialiasing);
    m_monitoringPlaceholder = new QLabel;
    m_monitoringPlaceholder->setAccessibleName(tr("Monitoring around the latest releases"));
    m_monitoringPlaceholder->setAlignment(Qt::AlignCenter);
    m_monitoringPlaceholder->setWordWrap(true);
    m_monitoringPlaceholder->setFrameShape(QFrame::StyledPanel);
    m_monitoringPlaceholder->setMargin(24);
    m_monitoringStack->addWidget(m_monitoring);
    m_monitoringStack->addWidget(m_monitoringPlaceholder);
    charts->addWidget(m_monitoringStack, 1);
    layout->addLayout(charts, 1);

    connect(m_environment, &QComboBox::currentIndexChanged, this, &MetricsView::refresh);
    connect(m_days, &QComboBox::currentIndexChanged, this, &MetricsView::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &MetricsView::refresh);
    m_status->setText(tr("Open an ecosystem to see its metrics."));
    showDeployments({});
    m_monitoringPlaceholder->setText(tr("No environment chosen."));
    m_monitoringStack->setCurrentWidget(m_monitoringPlaceholder);
}

MetricsView::~MetricsView() = default;

QLabel *MetricsView::addCard(QGridLayout *grid, int column, const QString &caption, QLabel **detail)
{
    auto *frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    layout->setSpacing(2);
    auto *title = new QLabel(caption);
    auto *value = new QLabel(QStringLiteral("–"));
    value->setAccessibleName(caption);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    value->setFont(big);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    *detail = new QLabel;
    (*detail)->setAccessibleName(tr("%1, details").arg(caption));
    (*detail)->setWordWrap(true);
    (*detail)->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(title);
    layout->addWidget(value);
    layout->addWidget(*detail);
    // Values line up across the cards whatever the length of their details.
    layout->addStretch(1);
    grid->addWidget(frame, 0, column);
    return value;
}

void MetricsView::setEcosystem(const Ecosystem &ecosystem, const ClusterAccess &cluster)
{
    m_ecosystem = ecosystem;
    m_cluster = cluster;
    // Production's numbers matter most: show them first.
    m_environment->setEcosystem(ecosystem, EnvironmentKind::Production);
    refresh();
}

QString MetricsView::environment() const
{
    return m_environment->environment();
}

bool MetricsView::setEnvironment(const QString &name)
{
    return m_environment->setEnvironment(name);
}

void MetricsView::setDays(int days)
{
    const int index = m_days->findData(days);
    if (index >= 0)
        m_days->setCurrentIndex(index);
}

bool MetricsView::showsMonitoring() const
{
    return m_monitoringStack->currentWidget() == m_monitoring;
}

QChart *MetricsView::monitoringChart() const
{
    return m_monitoring->chart();
}

QString MetricsView::monitoringText() const
{
    return showsMonitoring() ? m_monitoring->chart()->title() : m_monitoringPlaceholder->text();
}

void MetricsView::refresh()
{
    const Environment *environment = m_ecosystem.environment(this->environment());
    if (!environment)
        return;
    m_loading = true;
    m_refresh->setEnabled(false);
    m_status->setText(tr("Reading the releases of %1…").arg(environment->name));
    const int generation = ++m_generation;
    const int days = m_days->currentData().toInt();
    QString clientError;
    const KubeClient client = m_cluster.client(environment->context, &clientError);
    runInBackground([ecosystem = m_ecosystem, environment = *environment, client, clientError, days] {
        return MetricsReport::read(ecosystem, environment, client, clientError, days);
    }).then(this, [this, generation](const MetricsReport &report) {
        if (generation != m_generation)
            return;
        show(report);
    });
}

void MetricsView::show(const MetricsReport &report)
{
    m_loading = false;
    m_refresh->setEnabled(true);
    m_error = report.error;
    m_summary = report.summary;
    const DoraMetrics::Summary &summary = report.summary;
    const QLocale locale;
    if (!report.error.isEmpty()) {
        m_status->setText(report.error);
    } else {
        m_status->setText(tr("%n deployment(s) of %1 since %2.", nullptr, summary.deployments)
                .arg(report.environment, locale.toString(summary.from.toLocalTime().date(), QLocale::ShortFormat)));
    }

    m_frequency->setText(summary.perDay >= 1 ? tr("%1 per day").arg(locale.toString(summary.perDay, 'f', 1))
                                             : tr("%1 per week").arg(locale.toString(summary.perWeek, 'f', 1)));
    m_frequencyDetail->setText(
        tr("%n deployment(s) in %1 day(s)", nullptr, summary.deployments).arg(summary.days.size()));
    m_failureRate->setText(summary.changeFailureRate
            ? tr("%1 %").arg(locale.toString(*summary.changeFailureRate * 100, 'f', 0))
            : tr("–"));
    m_failureRateDetail->setText(summary.deployments > 0
            ? tr("%1 of %n deployment(s) failed or were rolled back", nullptr, summary.deployments)
                  .arg(summary.failures)
            : tr("no deployments"));
    m_restore->setText(summary.timeToRestore ? DoraMetrics::formatDuration(*summary.timeToRestore) : tr("–"));
    m_restoreDetail->setText(summary.failures == 0 ? tr("no failures")
            : summary.unrestored == 0
            ? tr("mean over %n failure(s), to the next good release", nullptr, summary.restored)
            : tr("%1 restored, %2 not yet").arg(summary.restored).arg(summary.unrestored));
    m_leadTime->setText(summary.leadTime ? DoraMetrics::formatDuration(*summary.leadTime) : tr("unknown"));
    m_leadTimeDetail->setText(summary.leadTime
            ? tr("median from commit to release over %n commit(s)", nullptr, summary.leadTimeSamples)
            : summary.leadTimeUnknown > 0 ? tr("the delivered commits are not in a repository on this machine")
                                          : tr("no delivered commits: the images were given"));

    showDeployments(summary);
    showMonitoring(report);
    Q_EMIT loaded();
}

void MetricsView::styleChart(QChart *chart) const
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette().base());
    chart->setTitleBrush(palette().text());
    chart->legend()->setLabelColor(palette().color(QPalette::Text));
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->setAnimationOptions(QChart::NoAnimation);
}

void MetricsView::showDeployments(const DoraMetrics::Summary &summary)
{
    auto *chart = new QChart;
    styleChart(chart);
    chart->setTitle(tr("Deployments per day"));
    auto *succeeded = new QBarSet(tr("succeeded"));
    auto *failed = new QBarSet(tr("failed or rolled back"));
    succeeded->setColor(succeededColor);
    succeeded->setBorderColor(succeededColor);
    failed->setColor(failedColor);
    failed->setBorderColor(failedColor);
    QStringList days;
    int highest = 0;
    for (const DoraMetrics::Day &day : summary.days) {
        *succeeded << day.succeeded;
        *failed << day.failed;
        highest = std::max(highest, day.succeeded + day.failed);
        days << day.date.toString(QStringLiteral("MM-dd"));
    }
    auto *series = new QStackedBarSeries;
    series->append(succeeded);
    series->append(failed);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(days);
    x->setLabelsAngle(days.size() > 14 ? -90 : 0);
    x->setTruncateLabels(false);
    auto *y = new QValueAxis;
    y->setRange(0, std::max(4, highest + 1));
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(std::max(1, (highest + 1) / 4));
    y->setLabelFormat(QStringLiteral("%d"));
    for (QAbstractAxis *axis : { static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y) }) {
        axis->setLabelsColor(palette().color(QPalette::Text));
        QColor grid = palette().color(QPalette::Text);
        grid.setAlpha(40);
        axis->setGridLineColor(grid);
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChart *old = m_deployments->chart();
    m_deployments->setChart(chart);
    delete old;
}

void MetricsView::showMonitoring(const MetricsReport &report)
{
    if (!report.monitoringConfigured) {
        m_monitoringPlaceholder->setText(
            tr("<p><b>No monitoring configured.</b></p><p>Name a Prometheus and a query under "
               "<tt>rollback.monitoring</tt> in the ecosystem file to see the error rate around each release "
               "here, and to roll back automatically when it exceeds its threshold.</p>"));
        m_monitoringStack->setCurrentWidget(m_monitoringPlaceholder);
        return;
    }
    if (report.series.isError()) {
        m_monitoringPlaceholder->setText(tr("<p><b>Monitoring unavailable.</b></p><p>%1</p><p><tt>%2</tt></p>")
                .arg(report.series.errorText.toHtmlEscaped(), report.query.toHtmlEscaped()));
        m_monitoringStack->setCurrentWidget(m_monitoringPlaceholder);
        return;
    }

    auto *chart = new QChart;
    styleChart(chart);
    chart->setTitle(tr("Monitoring query around the latest releases"));
    auto *x = new QDateTimeAxis;
    const qint64 span = report.seriesFrom.secsTo(report.seriesTo);
    x->setFormat(span >= 86400 ? QStringLiteral("dd MMM HH:mm")
            : span >= 600      ? QStringLiteral("HH:mm")
                               : QStringLiteral("HH:mm:ss"));
    x->setRange(report.seriesFrom.toLocalTime(), report.seriesTo.toLocalTime());
    x->setTickCount(6);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    double highest = report.threshold;
    // One line per series the query gives (usually one).
    QMap<QString, QLineSeries *> lines;
    for (const PrometheusResult::Sample &sample : report.series.samples) {
        if (!std::isfinite(sample.value))
            continue;
        QStringList labels;
        for (auto it = sample.labels.cbegin(); it != sample.labels.cend(); ++it)
            labels << it.key() + QLatin1Char('=') + it.value();
        const QString key = labels.join(QLatin1Char(','));
        QLineSeries *&line = lines[key];
        if (!line) {
            line = new QLineSeries;
            line->setName(key.isEmpty() ? tr("query") : key);
            // Not the theme's first colour: that green would read as a good release.
            const bool dark = palette().color(QPalette::Base).lightness() < 128;
            line->setPen(QPen(dark ? QColor(0x5a, 0xa0, 0xff) : QColor(0x1f, 0x5f, 0xbf), 2));
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
        }
        line->append(sample.timestamp * 1000.0, sample.value);
        highest = std::max(highest, sample.value);
    }
    const double top = highest > 0 ? highest * 1.15 : 1.0;
    y->setRange(0, top);

    auto *threshold = new QLineSeries;
    threshold->setName(tr("threshold %1").arg(report.threshold));
    threshold->append(double(report.seriesFrom.toMSecsSinceEpoch()), report.threshold);
    threshold->append(double(report.seriesTo.toMSecsSinceEpoch()), report.threshold);
    threshold->setPen(QPen(QColor(0xd9, 0x8b, 0x1a), 1.5, Qt::DashLine));
    chart->addSeries(threshold);
    threshold->attachAxis(x);
    threshold->attachAxis(y);

    // Each release as a vertical line, coloured by how it ended.
    bool firstGood = true;
    bool firstBad = true;
    for (const ReleaseRecord &record : report.records) {
        if (!DoraMetrics::isDeployment(record) || record.time < report.seriesFrom)
            continue;
        auto *marker = new QLineSeries;
        const double at = double(record.time.toMSecsSinceEpoch());
        marker->append(at, 0);
        marker->append(at, top);
        marker->setPen(QPen(record.isGood() ? succeededColor : failedColor, 2));
        chart->addSeries(marker);
        marker->attachAxis(x);
        marker->attachAxis(y);
        bool &first = record.isGood() ? firstGood : firstBad;
        marker->setName(record.isGood() ? tr("good release") : tr("failed release"));
        // One legend entry per kind of marker.
        if (!first) {
            for (QLegendMarker *legend : chart->legend()->markers(marker))
                legend->setVisible(false);
        }
        first = false;
    }
    if (lines.isEmpty())
        chart->setTitle(tr("Monitoring query around the latest releases — no data"));
    for (QAbstractAxis *axis : { static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y) }) {
        axis->setLabelsColor(palette().color(QPalette::Text));
        QColor grid = palette().color(QPalette::Text);
        grid.setAlpha(40);
        axis->setGridLineColor(grid);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChart *old = m_monitoring->chart();
    m_monitoring->setChart(chart);
    delete old;
    m_monitoringStack->setCurrentWidget(m_monitoring);
}

} // namespace Shipyard
