// SPDX-License-Identifier: GPL-2.0-or-later
// Delivering from the window while alerts fire: refused, then "Deliver
// Anyway…" asks why and delivers, the reason audited. Against the local
// control plane and the real Prometheus and Alertmanager (fixture
// `prometheus`).
#include "audit/AuditJournal.h"
#include "delivery/DeliveryLogView.h"
#include "delivery/PipelineView.h"
#include "kube/ClusterAccess.h"
#include "shell/MainWindow.h"
#include "widgets/ConfirmationDialog.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "FiringAlerts.h"
#include "LocalCluster.h"

using namespace Shipyard;

class tst_PipelineViewAlertsLive : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ns;
    FiringAlerts m_alerts { QStringLiteral(PROMETHEUS_STATE_FILE) };

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        if (!QFile::exists(LocalCluster::kubeconfigPath()))
            QFAIL("the local cluster is not up (packaging/localcluster/cluster up)");
        QVERIFY2(m_alerts.isValid(), "the prometheus fixture did not run");
        qputenv("KUBECONFIG", LocalCluster::kubeconfigPath().toUtf8());
        qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
        m_ns = QStringLiteral("ui-alerts-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
        // Pods are refused until the namespace's default service account exists.
        QTRY_VERIFY_WITH_TIMEOUT(LocalCluster::kubectl(QStringLiteral("local"),
                                     { QStringLiteral("-n"), m_ns, QStringLiteral("get"),
                                         QStringLiteral("serviceaccount"), QStringLiteral("default") }),
            20000);
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void deliverAnywaySaysWhy()
    {
        const QByteArray shop = m_alerts.newShop();
        const QString repository = m_dir.filePath(QStringLiteral("systems/app"));
        QVERIFY(QDir().mkpath(repository + QStringLiteral("/deploy")));
        QFile manifest(repository + QStringLiteral("/deploy/deployment.yaml"));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 1\n"
                       "  selector:\n    matchLabels: {app: app}\n  template:\n"
                       "    metadata:\n      labels: {app: app}\n    spec:\n      containers:\n"
                       "        - name: app\n          image: demo/app\n");
        manifest.close();
        QFile file(m_dir.filePath(QStringLiteral("ecosystem.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("apiVersion: shipyard/v1\nname: Alerts Test\n"
                                  "variables: {SHOP: %2}\n"
                                  "rollback:\n  rolloutTimeout: 60s\n  alerts:\n    alertmanager: %3\n"
                                  "    matchers: ['shop=\"${SHOP}\"', 'service=\"${SYSTEM}\"']\n"
                                  "    window: 2s\n    interval: 1s\n"
                                  "systems:\n  - name: app\n    template: backend\n    repository: systems/app\n"
                                  "    image: demo/app\n    manifests: [deploy/]\n"
                                  "environments:\n  - name: ui\n    kind: staging\n    context: local\n"
                                  "    namespace: %1\n    protected: true\n")
                .arg(m_ns, QString::fromLatin1(shop), m_alerts.alertmanager())
                .toUtf8());
        file.close();
        QVERIFY(m_alerts.fire(shop, "app"));

        MainWindow window;
        QVERIFY(window.openEcosystem(file.fileName()));
        PipelineView *pipeline = window.pipelineView();
        QSignalSpy finished(pipeline, &PipelineView::deliveryFinished);
        Delivery::Options options;
        options.cluster = ClusterAccess::load(LocalCluster::kubeconfigPath());
        QVERIFY(pipeline->startDelivery(
            QStringLiteral("ui"), { { QStringLiteral("app"), {}, QStringLiteral("demo/app:1.0") } }, options));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const auto refused = finished[0][0].value<Delivery::Result>();
        QVERIFY2(refused.refusedByAlerts, qPrintable(refused.reason));
        QVERIFY(pipeline->deliverAnywayButton()->isVisible() || !pipeline->deliverAnywayButton()->isHidden());

        bool askedWhy = false;
        QTimer answer;
        answer.setInterval(50);
        QObject::connect(&answer, &QTimer::timeout, [&] {
            auto *confirm = qobject_cast<ConfirmationDialog *>(QApplication::activeModalWidget());
            if (!confirm)
                return;
            // Nothing goes without the name and a reason.
            askedWhy = confirm->reasonField() && confirm->nameField() && !confirm->actionButton()->isEnabled();
            if (!askedWhy) {
                confirm->reject();
                return;
            }
            QTest::keyClicks(confirm->nameField(), QStringLiteral("ui"));
            QVERIFY(!confirm->actionButton()->isEnabled());
            QTest::keyClicks(confirm->reasonField(), QStringLiteral("the fix for this very alert"));
            QTest::mouseClick(confirm->actionButton(), Qt::LeftButton);
        });
        answer.start();
        QTest::mouseClick(pipeline->deliverAnywayButton(), Qt::LeftButton);
        answer.stop();
        QVERIFY2(askedWhy, "the confirmation did not ask for the name and a reason");
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
        const auto delivered = finished[1][0].value<Delivery::Result>();
        QVERIFY2(delivered.succeeded(), qPrintable(delivered.reason + QLatin1Char('\n') + pipeline->logView()->text()));
        QVERIFY(pipeline->deliverAnywayButton()->isHidden());
        QFile audit(AuditJournal::defaultPath());
        QVERIFY(audit.open(QIODevice::ReadOnly));
        QVERIFY(audit.readAll().contains("\"alertOverride\":\"the fix for this very alert\""));
    }
};

QTEST_MAIN(tst_PipelineViewAlertsLive)
#include "tst_pipelineview_alerts_live.moc"
