// SPDX-License-Identifier: GPL-2.0-or-later
// The Metrics view against real servers: release records in a namespace of
// the local control plane, the monitoring query's series from a real
// Prometheus (fixture "prometheus") scraping what the test pushes.
#include "FixtureEnvironment.h"
#include "history/MetricsView.h"
#include "shell/WindowScreenshot.h"
#include "widgets/ColorScheme.h"

#include "http/CurlTransport.h"
#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/Kubeconfig.h"
#include "releases/ReleaseStore.h"

#include <QChart>
#include <QLineSeries>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "LocalCluster.h"

using namespace Shipyard;

class tst_MetricsViewLive : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_fixture;
    QString m_ns;

    bool push(const QByteArray &metrics) const
    {
        HttpRequest request;
        request.method = "POST";
        request.url = QUrl(m_fixture.value(QStringLiteral("PUSHGATEWAY_URL")) + QLatin1String("/metrics/job/") + m_ns);
        request.addHeader("Content-Type", "text/plain; version=0.0.4");
        request.body = metrics;
        return CurlTransport().send(request).isSuccess();
    }

    Ecosystem ecosystem(const QString &prometheus) const
    {
        Ecosystem ecosystem;
        ecosystem.name = QStringLiteral("Metrics Test");
        Environment environment;
        environment.name = QStringLiteral("prod");
        environment.kind = EnvironmentKind::Production;
        environment.context = QStringLiteral("local");
        environment.namespaceName = m_ns;
        ecosystem.environments = { environment };
        MonitoringTrigger monitoring;
        monitoring.prometheusUrl = prometheus;
        monitoring.query = QStringLiteral("sum(http_requests_total{service=\"%1\",code=~\"5..\"}) / "
                                          "sum(http_requests_total{service=\"%1\"})")
                               .arg(m_ns);
        monitoring.threshold = 0.05;
        monitoring.window = std::chrono::seconds(30);
        ecosystem.rollback.monitoring = monitoring;
        return ecosystem;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ColorScheme::Scheme scheme;
        if (ColorScheme::parse(qEnvironmentVariable("SHIPYARD_SCREENSHOT_SCHEME"), &scheme))
            ColorScheme::apply(scheme);
        m_fixture = readFixtureEnvironment(QStringLiteral(PROMETHEUS_STATE_FILE));
        QVERIFY2(m_fixture.contains(QStringLiteral("PROMETHEUS_URL")), "the prometheus fixture did not run");
        qputenv("KUBECONFIG", LocalCluster::kubeconfigPath().toUtf8());
        m_ns = QStringLiteral("ui-metrics-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void chartsReleasesAndTheMonitoringSeries()
    {
        QString error;
        const KubeClient client = ClusterAccess::load().client(QStringLiteral("local"), &error);
        QVERIFY2(client.isValid(), qPrintable(error));
        const ReleaseStore store(client, m_ns);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QList<std::pair<int, ReleaseRecord::Result>> releases { { -25, ReleaseRecord::Result::Succeeded },
            { -15, ReleaseRecord::Result::Failed }, { -8, ReleaseRecord::Result::Succeeded } };
        for (const auto &[seconds, result] : releases) {
            ReleaseRecord record;
            record.time = now.addSecs(seconds);
            record.id = ReleaseRecord::newId(record.time);
            record.who = QStringLiteral("ann@host");
            record.environment = QStringLiteral("prod");
            record.result = result;
            record.systems.append(
                { QStringLiteral("catalog"), QStringLiteral("demo/catalog:1"), {}, {}, {}, 1, {}, {} });
            QVERIFY(!store.save(record).isError());
        }

        // A changing error ratio, scraped every second.
        for (int i = 0; i < 6; ++i) {
            QVERIFY(push(QStringLiteral("# TYPE http_requests_total counter\n"
                                        "http_requests_total{service=\"%1\",code=\"200\"} %2\n"
                                        "http_requests_total{service=\"%1\",code=\"500\"} %3\n")
                    .arg(m_ns)
                    .arg(100 * (i + 1))
                    .arg(i % 3 == 2 ? 12 * (i + 1) : i + 1)
                    .toUtf8()));
            QTest::qWait(1200);
        }

        MetricsView view;
        view.resize(1400, 800);
        QSignalSpy loaded(&view, &MetricsView::loaded);
        view.setEcosystem(ecosystem(m_fixture.value(QStringLiteral("PROMETHEUS_URL"))), ClusterAccess::load());
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        QCOMPARE(view.summary().deployments, 3);
        QCOMPARE(view.summary().failures, 1);
        QCOMPARE(view.summary().restored, 1);
        QVERIFY2(view.showsMonitoring(), qPrintable(view.monitoringText()));

        int points = 0;
        int goodMarkers = 0;
        int failedMarkers = 0;
        for (QAbstractSeries *series : view.monitoringChart()->series()) {
            auto *line = qobject_cast<QLineSeries *>(series);
            QVERIFY(line);
            if (line->name() == QLatin1String("query"))
                points = int(line->count());
            goodMarkers += line->name() == QLatin1String("good release");
            failedMarkers += line->name() == QLatin1String("failed release");
        }
        QVERIFY2(points >= 2, qPrintable(QString::number(points)));
        QCOMPARE(goodMarkers, 2);
        QCOMPARE(failedMarkers, 1);

        const QString directory = qEnvironmentVariable("SHIPYARD_SCREENSHOT_DIR");
        if (!directory.isEmpty()) {
            const bool dark = qEnvironmentVariable("SHIPYARD_SCREENSHOT_SCHEME") == QLatin1String("dark");
            QVERIFY(WindowScreenshot::save(&view,
                QStringLiteral("%1/metrics-monitoring%2.png")
                    .arg(directory, dark ? QStringLiteral("-dark") : QString()))
                    .isEmpty());
        }

        // An unreachable Prometheus is said so, in place of the chart.
        loaded.clear();
        view.setEcosystem(ecosystem(QStringLiteral("http://127.0.0.1:1")), ClusterAccess::load());
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        QVERIFY(!view.showsMonitoring());
        QVERIFY2(view.monitoringText().contains(QStringLiteral("unavailable")), qPrintable(view.monitoringText()));
        QCOMPARE(view.summary().deployments, 3);
    }
};

QTEST_MAIN(tst_MetricsViewLive)
#include "tst_metricsview_live.moc"
