// SPDX-License-Identifier: GPL-2.0-or-later
// The Pipeline, History and Metrics views against the local control plane:
// deliveries started from the pipeline view (directly and through its
// dialogs) reach the cluster, the history lists them, a rollback confirmed
// in the history view puts the earlier image back, the metrics count them.
#include "audit/AuditJournal.h"
#include "delivery/CanaryDecisionBar.h"
#include "delivery/DeliverDialog.h"
#include "delivery/DeliveryLogView.h"
#include "delivery/DeliveryPipelineModel.h"
#include "delivery/PipelineView.h"
#include "environments/EnvironmentMatrixModel.h"
#include "history/HistoryView.h"
#include "history/MetricsView.h"
#include "history/ReleaseHistoryModel.h"
#include "kube/ClusterAccess.h"
#include "shell/MainWindow.h"
#include "shell/WindowScreenshot.h"
#include "widgets/ColorScheme.h"
#include "widgets/ConfirmationDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "LocalCluster.h"

using namespace Shipyard;

namespace {

QString kubectlOutput(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("kubectl"),
        QStringList { QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath(), QStringLiteral("--context"),
            QStringLiteral("local") } +
            arguments);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace

class tst_PipelineViewLive : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ns;

    QString imageOfApp() const
    {
        return kubectlOutput(
            { QStringLiteral("-n"), m_ns, QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("app"),
                QStringLiteral("-o"), QStringLiteral("jsonpath={.spec.template.spec.containers[0].image}") });
    }

    // Answers the dialogs that open while FUNCTION runs, as a person would.
    static void answeringDialogs(const std::function<void()> &function, const QString &image, const QString &typed)
    {
        int answered = 0;
        QTimer answer;
        answer.setInterval(50);
        QObject::connect(&answer, &QTimer::timeout, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *deliver = qobject_cast<DeliverDialog *>(modal)) {
                deliver->setTarget(QStringLiteral("app"), image);
                deliver->accept();
                ++answered;
            } else if (auto *confirm = qobject_cast<ConfirmationDialog *>(modal)) {
                // Protected: the button waits for the name.
                if (!confirm->nameField() || confirm->actionButton()->isEnabled()) {
                    qWarning("the confirmation did not ask for the name");
                    confirm->reject();
                    return;
                }
                QTest::keyClicks(confirm->nameField(), typed);
                const QString directory = qEnvironmentVariable("SHIPYARD_SCREENSHOT_DIR");
                if (!directory.isEmpty() && !image.isEmpty())
                    confirm->grab().save(directory + QStringLiteral("/deliver-confirmation.png"));
                QTest::mouseClick(confirm->actionButton(), Qt::LeftButton);
                ++answered;
            }
        });
        answer.start();
        function();
        answer.stop();
        QVERIFY(answered > 0);
    }

    // SHIPYARD_SCREENSHOT_DIR set: the views with this test's real data,
    // for the documentation (SHIPYARD_SCREENSHOT_SCHEME: light or dark).
    static void screenshot(MainWindow &window, const QString &view)
    {
        const QString directory = qEnvironmentVariable("SHIPYARD_SCREENSHOT_DIR");
        if (directory.isEmpty())
            return;
        window.resize(1400, 900);
        QVERIFY(window.showView(view));
        const QString scheme = qEnvironmentVariable("SHIPYARD_SCREENSHOT_SCHEME", QStringLiteral("light"));
        const QString suffix = scheme == QLatin1String("dark") ? QStringLiteral("-dark") : QString();
        const QString error =
            WindowScreenshot::save(&window, QStringLiteral("%1/%2%3.png").arg(directory, view, suffix));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

private Q_SLOTS:
    void initTestCase()
    {
        ColorScheme::Scheme scheme;
        if (ColorScheme::parse(qEnvironmentVariable("SHIPYARD_SCREENSHOT_SCHEME"), &scheme))
            ColorScheme::apply(scheme);
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        if (!QFile::exists(LocalCluster::kubeconfigPath()))
            QFAIL("the local cluster is not up (packaging/localcluster/cluster up)");
        qputenv("KUBECONFIG", LocalCluster::kubeconfigPath().toUtf8());
        qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
        m_ns = QStringLiteral("ui-pipeline-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
        // Pods are refused until the namespace's default service account exists.
        QTRY_VERIFY_WITH_TIMEOUT(
            !kubectlOutput({ QStringLiteral("-n"), m_ns, QStringLiteral("get"), QStringLiteral("serviceaccount"),
                               QStringLiteral("default"), QStringLiteral("-o"), QStringLiteral("name") })
                .isEmpty(),
            20000);
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    // A freeze window holding now: the matrix and the Pipeline view say so,
    // and Deliver… goes ahead only with a reason, which the audit keeps.
    void frozenEnvironmentAsksWhy()
    {
        const QString repository = m_dir.filePath(QStringLiteral("frozen/systems/app"));
        QVERIFY(QDir().mkpath(repository + QStringLiteral("/deploy")));
        QFile manifest(repository + QStringLiteral("/deploy/deployment.yaml"));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: frozen-app\nspec:\n  replicas: 1\n"
                       "  selector:\n    matchLabels: {app: frozen-app}\n  template:\n"
                       "    metadata:\n      labels: {app: frozen-app}\n    spec:\n      containers:\n"
                       "        - name: app\n          image: demo/app\n");
        manifest.close();
        // A namespace of its own: the other test counts the releases of its.
        const QString ns = m_ns + QStringLiteral("-frozen");
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), ns }));
        QTRY_VERIFY_WITH_TIMEOUT(
            !kubectlOutput({ QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("serviceaccount"),
                               QStringLiteral("default"), QStringLiteral("-o"), QStringLiteral("name") })
                .isEmpty(),
            20000);
        const QDate today = QDateTime::currentDateTimeUtc().date();
        QFile file(m_dir.filePath(QStringLiteral("frozen/ecosystem.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("apiVersion: shipyard/v1\nname: Frozen Test\n"
                                  "rollback:\n  rolloutTimeout: 60s\n"
                                  "systems:\n  - name: app\n    template: backend\n    repository: systems/app\n"
                                  "    image: demo/app\n    manifests: [deploy/]\n"
                                  "environments:\n  - name: ui\n    kind: local\n    context: local\n"
                                  "    namespace: %1\n    freezes:\n      - from: \"%2\"\n        to: \"%3\"\n"
                                  "        reason: the spring launch\n")
                .arg(ns, today.addDays(-1).toString(Qt::ISODate), today.addDays(2).toString(Qt::ISODate))
                .toUtf8());
        file.close();

        MainWindow window;
        QVERIFY(window.openEcosystem(file.fileName()));
        const QString header =
            window.environmentMatrixModel()->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString();
        QVERIFY2(header.contains(QStringLiteral("❄ frozen until")), qPrintable(header));
        QVERIFY(window.environmentMatrixModel()
                ->headerData(0, Qt::Horizontal, EnvironmentMatrixModel::FrozenRole)
                .toBool());
        QVERIFY(window.environmentMatrixModel()
                ->headerData(0, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("the spring launch")));
        PipelineView *pipeline = window.pipelineView();
        QVERIFY2(pipeline->freezeText().contains(QStringLiteral("Frozen until")), qPrintable(pipeline->freezeText()));

        QSignalSpy finished(pipeline, &PipelineView::deliveryFinished);
        bool askedWhy = false;
        QTimer answer;
        answer.setInterval(50);
        QObject::connect(&answer, &QTimer::timeout, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *deliver = qobject_cast<DeliverDialog *>(modal)) {
                deliver->setTarget(QStringLiteral("app"), QStringLiteral("demo/app:1.0"));
                deliver->accept();
            } else if (auto *confirm = qobject_cast<ConfirmationDialog *>(modal)) {
                // No reason, no delivery: the button waits for one.
                askedWhy = confirm->reasonField() && !confirm->actionButton()->isEnabled();
                if (!askedWhy) {
                    confirm->reject();
                    return;
                }
                QTest::keyClicks(confirm->reasonField(), QStringLiteral("   "));
                QVERIFY(!confirm->actionButton()->isEnabled());
                QTest::keyClicks(confirm->reasonField(), QStringLiteral("SHOP-7 stops the checkout"));
                QTest::mouseClick(confirm->actionButton(), Qt::LeftButton);
            }
        });
        answer.start();
        pipeline->requestDelivery();
        answer.stop();
        QVERIFY2(askedWhy, "the confirmation did not ask why the delivery cannot wait");
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 90000);
        const auto result = finished[0][0].value<Delivery::Result>();
        QVERIFY2(result.succeeded(), qPrintable(result.reason + QLatin1Char('\n') + pipeline->logView()->text()));
        QVERIFY2(pipeline->logView()->text().contains(QStringLiteral("SHOP-7 stops the checkout")),
            qPrintable(pipeline->logView()->text()));
        // The reason is in the audit journal, as the person gave it.
        QFile audit(AuditJournal::defaultPath());
        QVERIFY2(audit.open(QIODevice::ReadOnly), qPrintable(AuditJournal::defaultPath()));
        const QByteArray journal = audit.readAll();
        QVERIFY(journal.contains("\"freezeOverride\":\"SHOP-7 stops the checkout\""));
        LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false") });
    }

    // A canary that waits for a person: the view offers Promote while it
    // waits, and a click (the protected name typed) lets the delivery
    // finish with the new version, the decision in the audit journal.
    void promoteWaitingCanary()
    {
        const QString repository = m_dir.filePath(QStringLiteral("canary/systems/app"));
        QVERIFY(QDir().mkpath(repository + QStringLiteral("/deploy")));
        QFile manifest(repository + QStringLiteral("/deploy/deployment.yaml"));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 2\n"
                       "  selector:\n    matchLabels: {app: app}\n  template:\n"
                       "    metadata:\n      labels: {app: app}\n    spec:\n      containers:\n"
                       "        - name: app\n          image: demo/app\n");
        manifest.close();
        // A namespace of its own: the other test counts the releases of its.
        const QString ns = m_ns + QStringLiteral("-canary");
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), ns }));
        QTRY_VERIFY_WITH_TIMEOUT(
            !kubectlOutput({ QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("serviceaccount"),
                               QStringLiteral("default"), QStringLiteral("-o"), QStringLiteral("name") })
                .isEmpty(),
            20000);
        QFile file(m_dir.filePath(QStringLiteral("canary/ecosystem.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("apiVersion: shipyard/v1\nname: Canary Test\n"
                                  "rollback:\n  rolloutTimeout: 60s\n"
                                  "systems:\n  - name: app\n    template: backend\n    repository: systems/app\n"
                                  "    image: demo/app\n    manifests: [deploy/]\n"
                                  "environments:\n  - name: ui\n    kind: local\n    context: local\n"
                                  "    namespace: %1\n    protected: true\n"
                                  "    canary: {steps: [50, 100], pause: manual}\n")
                .arg(ns)
                .toUtf8());
        file.close();
        const auto imageIn = [&](const QString &deployment) {
            return kubectlOutput({ QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"),
                deployment, QStringLiteral("-o"), QStringLiteral("jsonpath={.spec.template.spec.containers[0].image}"),
                QStringLiteral("--ignore-not-found") });
        };

        MainWindow window;
        QVERIFY(window.openEcosystem(file.fileName()));
        // The buttons follow the cluster while the view is shown.
        window.show();
        QVERIFY(window.showView(QStringLiteral("pipeline")));
        PipelineView *pipeline = window.pipelineView();
        CanaryDecisionBar *decisions = pipeline->canaryDecisions();
        QVERIFY(!decisions->isVisibleTo(&window));

        // Nothing runs yet to put a canary beside: v1 is delivered at once.
        Delivery::Options options;
        options.cluster = ClusterAccess::load(LocalCluster::kubeconfigPath());
        QSignalSpy finished(pipeline, &PipelineView::deliveryFinished);
        QVERIFY(pipeline->startDelivery(
            QStringLiteral("ui"), { { QStringLiteral("app"), {}, QStringLiteral("demo/app:1.0") } }, options));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 90000);
        const auto first = finished[0][0].value<Delivery::Result>();
        QVERIFY2(first.succeeded(), qPrintable(first.reason + QLatin1Char('\n') + pipeline->logView()->text()));

        // v2 through Deliver…: the canary's first step waits for a person.
        answeringDialogs([&] { pipeline->requestDelivery(); }, QStringLiteral("demo/app:2.0"), QStringLiteral("ui"));
        QTRY_VERIFY_WITH_TIMEOUT(decisions->isVisibleTo(&window) && decisions->promoteButton()->isEnabled(), 90000);
        QVERIFY(decisions->waiting());
        QCOMPARE(decisions->waiting()->system, QStringLiteral("app"));
        QCOMPARE(decisions->waiting()->share, 50);
        QCOMPARE(imageIn(QStringLiteral("app-canary")), QStringLiteral("demo/app:2.0"));
        QCOMPARE(imageIn(QStringLiteral("app")), QStringLiteral("demo/app:1.0"));
        QCOMPARE(finished.size(), 1);

        // Another window, as on another machine: the record says who runs the
        // delivery and where it stands, and the matrix shows the canary.
        {
            MainWindow other;
            QVERIFY(other.openEcosystem(file.fileName()));
            QTRY_VERIFY_WITH_TIMEOUT(
                other.pipelineView()->statusText().contains(QStringLiteral("In progress, run by")), 30000);
            QVERIFY2(other.pipelineView()->statusText().contains(QStringLiteral("Canary of app")),
                qPrintable(other.pipelineView()->statusText()));
            EnvironmentMatrixModel *matrix = other.environmentMatrixModel();
            const QModelIndex cell = matrix->index(0, 0);
            QCOMPARE(cell.data(EnvironmentMatrixModel::SystemNameRole).toString(), QStringLiteral("app"));
            QTRY_VERIFY_WITH_TIMEOUT(
                cell.data(Qt::DisplayRole).toString().contains(QStringLiteral("‖ canary 50 % · 2.0")), 30000);
            QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("step 1 of 2")),
                qPrintable(cell.data(Qt::ToolTipRole).toString()));
            QVERIFY2(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("waits for a person")),
                qPrintable(cell.data(Qt::ToolTipRole).toString()));
        }

        answeringDialogs(
            [&] { QTest::mouseClick(decisions->promoteButton(), Qt::LeftButton); }, {}, QStringLiteral("ui"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
        const auto promoted = finished[1][0].value<Delivery::Result>();
        QVERIFY2(promoted.succeeded(), qPrintable(promoted.reason + QLatin1Char('\n') + pipeline->logView()->text()));
        QCOMPARE(imageIn(QStringLiteral("app")), QStringLiteral("demo/app:2.0"));
        QCOMPARE(imageIn(QStringLiteral("app-canary")), QString());
        const QList<CanaryStepResult> steps = pipeline->delivery()->canary().value(QStringLiteral("app"));
        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps.first().verdict, CanaryStepResult::Verdict::Promoted);
        QVERIFY2(steps.first().message.startsWith(QStringLiteral("promoted by ")), qPrintable(steps.first().message));
        QTRY_VERIFY_WITH_TIMEOUT(!decisions->isVisibleTo(&window), 10000);

        QFile audit(AuditJournal::defaultPath());
        QVERIFY2(audit.open(QIODevice::ReadOnly), qPrintable(AuditJournal::defaultPath()));
        const QByteArray journal = audit.readAll();
        QVERIFY2(journal.contains("\"what\":\"canary.promote\""), journal.constData());
        QVERIFY(journal.contains("\"result\":\"requested\""));
        LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false") });
    }

    void deliverHistoryRollbackMetrics()
    {
        const QString repository = m_dir.filePath(QStringLiteral("systems/app"));
        QVERIFY(QDir().mkpath(repository + QStringLiteral("/deploy")));
        QFile manifest(repository + QStringLiteral("/deploy/deployment.yaml"));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 2\n"
                       "  progressDeadlineSeconds: 15\n  selector:\n    matchLabels: {app: app}\n  template:\n"
                       "    metadata:\n      labels: {app: app}\n    spec:\n      containers:\n"
                       "        - name: app\n          image: demo/app\n");
        manifest.close();
        QFile file(m_dir.filePath(QStringLiteral("ecosystem.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("apiVersion: shipyard/v1\nname: Pipeline Test\n"
                                  "rollback:\n  rolloutTimeout: 60s\n"
                                  "systems:\n  - name: app\n    template: backend\n    repository: systems/app\n"
                                  "    image: demo/app\n    manifests: [deploy/]\n"
                                  "environments:\n  - name: ui\n    kind: local\n    context: local\n"
                                  "    namespace: %1\n    protected: true\n")
                .arg(m_ns)
                .toUtf8());
        file.close();

        MainWindow window;
        QVERIFY(window.openEcosystem(file.fileName()));
        PipelineView *pipeline = window.pipelineView();
        QAbstractItemModelTester pipelineTester(
            pipeline->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(pipeline->environment(), QStringLiteral("ui"));

        // 1. Straight from the view's code path.
        Delivery::Options options;
        options.cluster = ClusterAccess::load(LocalCluster::kubeconfigPath());
        options.auditJournal = m_dir.filePath(QStringLiteral("audit.jsonl"));
        QSignalSpy finished(pipeline, &PipelineView::deliveryFinished);
        QVERIFY(pipeline->startDelivery(
            QStringLiteral("ui"), { { QStringLiteral("app"), {}, QStringLiteral("demo/app:1.0") } }, options));
        QVERIFY(!pipeline->startDelivery(
            QStringLiteral("ui"), { { QStringLiteral("app"), {}, QStringLiteral("demo/app:9") } }, options));
        DeliveryPipelineModel *model = pipeline->model();
        QCOMPARE(model->rowCount(), 1);
        const int deploy = int(DeliveryPipelineModel::stepColumns().indexOf(Delivery::Step::Deploy));
        const auto deployState = [&] {
            return Delivery::State(model->index(0, deploy).data(DeliveryPipelineModel::StateRole).toInt());
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            deployState() != Delivery::State::Pending && deployState() != Delivery::State::Running, 90000);
        QVERIFY2(deployState() == Delivery::State::Succeeded,
            qPrintable(model->index(0, deploy).data(Qt::ToolTipRole).toString() + QLatin1Char('\n') +
                pipeline->logView()->text()));
        QVERIFY(model->index(0, deploy).data(DeliveryPipelineModel::DurationRole).toLongLong() >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const auto first = finished[0][0].value<Delivery::Result>();
        QVERIFY2(first.succeeded(), qPrintable(first.reason + QLatin1Char('\n') + pipeline->logView()->text()));
        qInfo("first delivery of one system from the pipeline view: %lld ms", qint64(first.duration.count()));
        // After the end, the steps that never ran say so.
        const int merge = int(DeliveryPipelineModel::stepColumns().indexOf(Delivery::Step::Merge));
        QCOMPARE(model->index(0, merge).data(DeliveryPipelineModel::StateRole).toInt(), int(Delivery::State::Skipped));
        QVERIFY(pipeline->logView()->lineCount() > 2);
        QVERIFY(pipeline->logView()->text().contains(QStringLiteral("delivery succeeded")));
        QVERIFY(pipeline->statusText().contains(first.releaseId));
        QCOMPARE(imageOfApp(), QStringLiteral("demo/app:1.0"));

        // 2. Through Deliver… and the typed-name confirmation.
        answeringDialogs([&] { pipeline->requestDelivery(); }, QStringLiteral("demo/app:2.0"), QStringLiteral("ui"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 90000);
        const auto second = finished[1][0].value<Delivery::Result>();
        QVERIFY2(second.succeeded(), qPrintable(second.reason));
        QCOMPARE(imageOfApp(), QStringLiteral("demo/app:2.0"));

        // 3. An image that never becomes ready: deploy fails (after the 15 s progress deadline, long
        // enough for a loaded machine), the rollback restores 2.0.
        QVERIFY(pipeline->startDelivery(
            QStringLiteral("ui"), { { QStringLiteral("app"), {}, QStringLiteral("demo/app:3.0-broken") } }, options));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 120000);
        const auto broken = finished[2][0].value<Delivery::Result>();
        QVERIFY2(broken.outcome == Delivery::Outcome::RolledBack,
            qPrintable(broken.reason + QLatin1Char('\n') + pipeline->logView()->text()));
        QCOMPARE(model->index(0, deploy).data(DeliveryPipelineModel::StateRole).toInt(), int(Delivery::State::Failed));
        const int rollbackStep = int(DeliveryPipelineModel::stepColumns().indexOf(Delivery::Step::Rollback));
        QCOMPARE(model->index(0, rollbackStep).data(DeliveryPipelineModel::StateRole).toInt(),
            int(Delivery::State::Succeeded));
        QCOMPARE(imageOfApp(), QStringLiteral("demo/app:2.0"));
        QCOMPARE(pipeline->logView()->find(QStringLiteral("rolling back to release")), 1);
        pipeline->logView()->find(QString());
        screenshot(window, QStringLiteral("pipeline"));

        // Another window, as on another machine, shows that delivery from its record.
        {
            MainWindow other;
            QVERIFY(other.openEcosystem(file.fileName()));
            DeliveryPipelineModel *recorded = other.pipelineView()->model();
            QTRY_VERIFY_WITH_TIMEOUT(recorded->rowCount() == 1, 30000);
            QCOMPARE(recorded->index(0, deploy).data(DeliveryPipelineModel::StateRole).toInt(),
                int(Delivery::State::Failed));
            QCOMPARE(recorded->index(0, rollbackStep).data(DeliveryPipelineModel::StateRole).toInt(),
                int(Delivery::State::Succeeded));
            QVERIFY2(other.pipelineView()->titleText().contains(broken.releaseId),
                qPrintable(other.pipelineView()->titleText()));
            // With its log, as the record keeps it.
            const QString recordedLog = other.pipelineView()->logView()->text();
            QVERIFY2(recordedLog.contains(QStringLiteral("rolling back to release")), qPrintable(recordedLog));
            QVERIFY(recordedLog.contains(QStringLiteral("applied in %1").arg(m_ns)));
            QVERIFY(other.pipelineView()->logView()->lineCount() > 2);
        }

        // 4. The history lists them, newest first (and the state found before the first).
        HistoryView *history = window.historyView();
        ReleaseHistoryModel *releases = history->model();
        QAbstractItemModelTester historyTester(releases, QAbstractItemModelTester::FailureReportingMode::QtTest);
        history->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(releases->rowCount(), 4, 30000);
        QCOMPARE(releases->index(0, 0).data(ReleaseHistoryModel::IdRole).toString(), broken.releaseId);
        QCOMPARE(releases->index(0, 0).data(ReleaseHistoryModel::ResultRole).toString(), QStringLiteral("failed"));
        QCOMPARE(releases->index(1, 0).data(ReleaseHistoryModel::IdRole).toString(), second.releaseId);
        QCOMPARE(releases->index(2, 0).data(ReleaseHistoryModel::IdRole).toString(), first.releaseId);
        QCOMPARE(releases->index(1, ReleaseHistoryModel::SystemsColumn).data().toString(),
            QStringLiteral("app → demo/app:2.0"));
        history->filterField()->setText(QStringLiteral("app:1.0"));
        QCOMPARE(history->filterModel()->rowCount(), 1);
        history->filterField()->clear();

        // 5. Roll back to the first delivery from the history view.
        QVERIFY(history->selectRelease(first.releaseId));
        QSignalSpy rolledBack(history, &HistoryView::rollbackFinished);
        QSignalSpy progressed(history, &HistoryView::rollbackProgressed);
        answeringDialogs([&] { history->requestRollback(); }, {}, QStringLiteral("ui"));
        QVERIFY(history->isRollingBack());
        QTRY_COMPARE_WITH_TIMEOUT(rolledBack.size(), 1, 90000);
        // The status line followed it: the rollout it waited for.
        QStringList lines;
        for (const QList<QVariant> &signal : std::as_const(progressed))
            lines.append(signal.constFirst().toString());
        QVERIFY2(lines.filter(QStringLiteral("deployment/app")).size() > 0, qPrintable(lines.join(QLatin1Char('\n'))));
        const auto rollback = rolledBack[0][0].value<ReleaseRollback::Result>();
        QVERIFY2(rollback.ok, qPrintable(rollback.error));
        QCOMPARE(rollback.restoredId, first.releaseId);
        qInfo("rollback from the history view: %lld ms", qint64(rollback.duration.count()));
        QCOMPARE(imageOfApp(), QStringLiteral("demo/app:1.0"));
        QTRY_COMPARE_WITH_TIMEOUT(releases->rowCount(), 5, 30000);
        QCOMPARE(releases->index(0, 0).data(ReleaseHistoryModel::IdRole).toString(), rollback.newReleaseId);
        QCOMPARE(releases->index(2, 0).data(ReleaseHistoryModel::ResultRole).toString(), QStringLiteral("rolled-back"));
        QVERIFY(history->selectRelease(first.releaseId));
        screenshot(window, QStringLiteral("history"));

        // 6. The metrics: three deliveries; the broken one failed, the second
        // was rolled back; the rollback restored both.
        MetricsView *metrics = window.metricsView();
        QSignalSpy metricsLoaded(metrics, &MetricsView::loaded);
        metrics->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!metricsLoaded.isEmpty() && !metrics->isLoading(), 30000);
        QVERIFY2(metrics->errorText().isEmpty(), qPrintable(metrics->errorText()));
        QCOMPARE(metrics->summary().deployments, 3);
        QCOMPARE(metrics->summary().failures, 2);
        QCOMPARE(metrics->summary().restored, 2);
        QCOMPARE(metrics->summary().unrestored, 0);
        int failedInChart = 0;
        for (const DoraMetrics::Day &day : metrics->summary().days)
            failedInChart += day.failed;
        QCOMPARE(failedInChart, 2);
        QVERIFY(!metrics->showsMonitoring());
        QVERIFY(metrics->monitoringText().contains(QStringLiteral("No monitoring configured")));
        screenshot(window, QStringLiteral("metrics"));

        // 7. Cancel, clicked while deploy waits for an image that never becomes ready:
        // what was applied goes back.
        QVERIFY(pipeline->startDelivery(
            QStringLiteral("ui"), { { QStringLiteral("app"), {}, QStringLiteral("demo/app:4.0-broken") } }, options));
        QTRY_VERIFY_WITH_TIMEOUT(deployState() == Delivery::State::Running, 60000);
        QPushButton *cancel = nullptr;
        for (QPushButton *button : pipeline->findChildren<QPushButton *>()) {
            if (button->accessibleName() == QLatin1String("Cancel the running delivery"))
                cancel = button;
        }
        QVERIFY(cancel && cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 90000);
        QCOMPARE(finished[3][0].value<Delivery::Result>().outcome, Delivery::Outcome::Cancelled);
        QVERIFY(!cancel->isEnabled());
        QCOMPARE(imageOfApp(), QStringLiteral("demo/app:1.0"));

        // 8. The lock holder, as another machine holds it (renewed just now), seen by the queue's watch.
        QSignalSpy holder(pipeline, &PipelineView::lockHolderChanged);
        const QString renewed = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
        QVERIFY(LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            QStringLiteral("apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: shipyard-delivery, "
                           "namespace: %1}\nspec: {holderIdentity: ci@elsewhere/7, leaseDurationSeconds: 15, "
                           "renewTime: \"%2\"}\n")
                .arg(m_ns, renewed)
                .toUtf8()));
        QTRY_COMPARE_WITH_TIMEOUT(pipeline->lockHolder(), QStringLiteral("ci@elsewhere/7"), 10000);
    }
};

QTEST_MAIN(tst_PipelineViewLive)
#include "tst_pipelineview_live.moc"
