// SPDX-License-Identifier: GPL-2.0-or-later
// The Tasks board's buttons against the local control plane, real git
// repositories and a file tracker (ShowroomWorld): a task delivered to its
// showroom from its card, the Pipeline view following that delivery, the
// showroom torn down from the Delivery menu, and the task's branch delivered
// into staging from its card, merged into upstream. kubectl checks that the
// deployments run the branch's commit.
#include "delivery/DeliveryLogView.h"
#include "delivery/DeliveryPipelineModel.h"
#include "delivery/PipelineView.h"
#include "shell/MainWindow.h"
#include "shell/WindowScreenshot.h"
#include "tasks/TaskActionController.h"
#include "tasks/TaskBoardModel.h"
#include "tasks/TaskBoardView.h"
#include "widgets/ConfirmationDialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "ShowroomWorld.h"

using namespace Shipyard;
using Action = TaskBoardModel::Action;

namespace {

QString kubectlOutput(const QString &context, const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.start(QStringLiteral("kubectl"),
        QStringList {
            QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath(), QStringLiteral("--context"), context } +
            arguments);
    process.waitForFinished(60000);
    if (exitCode)
        *exitCode = process.exitCode();
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

QString deploymentField(const QString &context, const QString &ns, const QString &name, const QString &jsonPath)
{
    return kubectlOutput(context,
        { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"), name, QStringLiteral("-o"),
            QStringLiteral("jsonpath={%1}").arg(jsonPath) });
}

QString gitSha(const QString &context, const QString &ns, const QString &name)
{
    return deploymentField(context, ns, name, QStringLiteral(".metadata.annotations.shipyard\\.dev/git-sha"));
}

// Answers the dialogs that open, as a person would: a confirmation is read
// (its text kept) and confirmed, typing the name when it asks for it; a
// list offers the item that contains `choice`.
class DialogAnswerer
{
public:
    explicit DialogAnswerer(const QString &typedName = {}, const QString &choice = {})
    {
        m_timer.setInterval(50);
        QObject::connect(&m_timer, &QTimer::timeout, [this, typedName, choice] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *confirm = qobject_cast<ConfirmationDialog *>(modal)) {
                QString text;
                for (const QLabel *label : confirm->findChildren<QLabel *>())
                    text += label->text() + QLatin1Char('\n');
                texts.append(text);
                const QString directory = qEnvironmentVariable("SHIPYARD_SCREENSHOT_DIR");
                if (!directory.isEmpty())
                    confirm->grab().save(QStringLiteral("%1/%2.png")
                            .arg(directory,
                                confirm->objectName().isEmpty() ? QStringLiteral("deliver-confirmation")
                                                                : confirm->objectName()));
                if (confirm->nameField())
                    QTest::keyClicks(confirm->nameField(), typedName);
                if (!confirm->actionButton()->isEnabled()) {
                    qInfo("the confirmation's button stays disabled: cancelled");
                    confirm->reject();
                    return;
                }
                QTest::mouseClick(confirm->actionButton(), Qt::LeftButton);
            } else if (auto *input = qobject_cast<QInputDialog *>(modal)) {
                items = input->comboBoxItems();
                for (const QString &item : std::as_const(items)) {
                    if (item.contains(choice)) {
                        input->setTextValue(item);
                        input->accept();
                        return;
                    }
                }
                input->reject();
            }
        });
        m_timer.start();
    }

    QStringList texts; // every confirmation's text, in order
    QStringList items; // what the last list offered

private:
    QTimer m_timer;
};

} // namespace

class tst_TaskActionsLive : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<ShowroomWorld> m_world;
    QString m_staging;
    QString m_production;

    static void waitForBoard(MainWindow &window, const QString &task)
    {
        TaskBoardModel *board = window.taskBoardModel();
        QTRY_VERIFY_WITH_TIMEOUT(!board->isScanning() && board->cardIndex(task).isValid(), 60000);
    }

    // SHIPYARD_SCREENSHOT_DIR set: the window as this test leaves it, to look at.
    static void screenshot(MainWindow &window, const QString &name)
    {
        const QString directory = qEnvironmentVariable("SHIPYARD_SCREENSHOT_DIR");
        if (directory.isEmpty())
            return;
        window.resize(1400, 900);
        const QString error = WindowScreenshot::save(&window, QStringLiteral("%1/%2.png").arg(directory, name));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    static int deployColumn() { return int(DeliveryPipelineModel::stepColumns().indexOf(Delivery::Step::Deploy)); }

    // The task's branch of SYSTEM with one reviewed commit; its head.
    QString reviewedBranch(const QString &system, const QString &task)
    {
        const QString branch = QStringLiteral("feature/%1-work").arg(task);
        m_world->addBranch(system, task);
        if (!ShowroomWorld::run(QStringLiteral("git checkout -q %1 && echo reviewed >> src/%2.txt && git -c "
                                               "user.name=Test -c user.email=test@example.org commit -qam "
                                               "'Reviewed' -m 'Reviewed-by: Bob <bob@example.org>' && "
                                               "git checkout -q main")
                                    .arg(branch, task),
                m_world->repositoryOf(system)))
            return {};
        return m_world->head(system, branch);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        if (!QFile::exists(LocalCluster::kubeconfigPath()))
            QFAIL("the local cluster is not up (packaging/localcluster/cluster up)");
        qputenv("KUBECONFIG", LocalCluster::kubeconfigPath().toUtf8());
        qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
        m_staging = QStringLiteral("ui-taskactions-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("world"))));
        ShowroomWorld::Settings settings;
        settings.stagingNamespace = m_staging;
        // Nothing here waits for a rollout to fail: room for a cluster busy with other people's tests.
        settings.progressDeadline = 60;
        m_world.emplace(m_dir.filePath(QStringLiteral("world")), settings);
        // Production, on the other cluster, protected as production is by default.
        m_production = QStringLiteral("ui-taskactions-prod-%1").arg(QCoreApplication::applicationPid());
        QFile ecosystem(m_world->ecosystemPath());
        QVERIFY(ecosystem.open(QIODevice::Append));
        ecosystem.write(QStringLiteral("  - name: production\n    kind: production\n    context: production\n"
                                       "    namespace: %1\n")
                .arg(m_production)
                .toUtf8());
        ecosystem.close();
        for (const auto &[context, ns] : { std::pair(QStringLiteral("staging"), m_staging),
                 std::pair(QStringLiteral("production"), m_production) }) {
            QVERIFY(LocalCluster::kubectl(context, { QStringLiteral("create"), QStringLiteral("namespace"), ns }));
            // Pods are refused until the namespace's default service account exists.
            QTRY_VERIFY_WITH_TIMEOUT(
                !kubectlOutput(context,
                    { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("serviceaccount"),
                        QStringLiteral("default"), QStringLiteral("-o"), QStringLiteral("name") })
                    .isEmpty(),
                20000);
        }
    }

    void cleanupTestCase()
    {
        if (m_world)
            m_world->deleteShowrooms();
        LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_staging, QStringLiteral("--wait=false") });
        LocalCluster::kubectl(QStringLiteral("production"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_production, QStringLiteral("--wait=false") });
    }

    void showroomFromTheCardThenTeardownFromTheMenu()
    {
        const QString task = ShowroomWorld::task(1);
        const QString ns = ShowroomWorld::namespaceOf(task);
        const QString branch = QStringLiteral("feature/%1-work").arg(task);
        const QString branchHead = m_world->addBranch(QStringLiteral("catalog"), task);
        m_world->setTasks({ { task, QStringLiteral("In Progress") } });

        MainWindow window;
        QVERIFY(window.openEcosystem(m_world->ecosystemPath()));
        TaskActionController *actions = window.taskActionController();
        QCOMPARE(actions->showroomEnvironment(), m_world->environment());
        // Images given, as shipyardctl's --image: this world has no registry to build into.
        actions->setImages({ { QStringLiteral("storefront"), QStringLiteral("demo/storefront:1.0") },
            { QStringLiteral("catalog"), QStringLiteral("demo/catalog:shop-branch") },
            { QStringLiteral("mailer"), QStringLiteral("demo/mailer:1.0") } });
        PipelineView *pipeline = window.pipelineView();
        QAbstractItemModelTester tester(pipeline->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        waitForBoard(window, task);
        QVERIFY(window.showView(QStringLiteral("tasks")));
        TaskBoardView *board = window.taskBoardView();
        board->selectCard(task);
        QCOMPARE(board->selectedKey(), task);
        QPushButton *showroom = board->actionButton(Action::DeliverToShowroom);
        QVERIFY2(showroom->isEnabled(), qPrintable(board->disabledReasons()));
        // In Progress: the merge gates say no, and why.
        QVERIFY(!board->actionButton(Action::Deliver)->isEnabled());
        QVERIFY(!board->teardownButton()->isEnabled());

        // 1. Deliver to Showroom, clicked on the card; the confirmation says what will happen.
        QSignalSpy up(actions, &TaskActionController::showroomFinished);
        QElapsedTimer clock;
        clock.start();
        {
            DialogAnswerer answer;
            QTest::mouseClick(showroom, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(up.size(), 1, 180000);
            QCOMPARE(answer.texts.size(), 1);
            const QString text = answer.texts.constFirst();
            QVERIFY2(text.contains(ns), qPrintable(text));
            QVERIFY2(text.contains(branch), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("lives for 2 h ")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("created for it")), qPrintable(text));
        }
        qInfo("showroom from the board's card: %lld ms", qint64(clock.elapsed()));
        QVERIFY2(up[0][1].toBool(), qPrintable(up[0][2].toString() + QLatin1Char('\n') + pipeline->logView()->text()));

        // The Pipeline view followed it: shown, every system's deploy succeeded, the log streamed.
        QCOMPARE(window.findChild<QTabWidget *>()->currentWidget(), pipeline);
        DeliveryPipelineModel *model = pipeline->model();
        QCOMPARE(model->rowCount(), 3);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(Delivery::State(model->index(row, deployColumn()).data(DeliveryPipelineModel::StateRole).toInt()),
                Delivery::State::Succeeded);
        QVERIFY(pipeline->logView()->text().contains(QStringLiteral("namespace %1 created").arg(ns)));
        QVERIFY(pipeline->titleText().contains(ns));
        QVERIFY(!pipeline->isBusy());
        screenshot(window, QStringLiteral("pipeline-showroom"));

        // The cluster: the branch's commit in catalog, upstream elsewhere.
        QCOMPARE(gitSha(QStringLiteral("showroom"), ns, QStringLiteral("catalog")), branchHead);
        QCOMPARE(deploymentField(QStringLiteral("showroom"), ns, QStringLiteral("catalog"),
                     QStringLiteral(".spec.template.spec.containers[0].image")),
            QStringLiteral("demo/catalog:shop-branch"));
        QCOMPARE(gitSha(QStringLiteral("showroom"), ns, QStringLiteral("storefront")),
            m_world->head(QStringLiteral("storefront")));

        // The card now offers to tear its showroom down.
        QVERIFY(window.showView(QStringLiteral("tasks")));
        board->selectCard(task);
        QTRY_VERIFY_WITH_TIMEOUT(board->teardownButton()->isEnabled(), 30000);
        QVERIFY(actions->showroomTasks().contains(task));
        screenshot(window, QStringLiteral("tasks-showroom"));

        // 2. Tear Down Showroom… from the Delivery menu (the palette lists the same action):
        // the list offers it, the confirmation names the namespace.
        QAction *teardown = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->text() == QStringLiteral("&Tear Down Showroom…"))
                teardown = action;
        }
        QVERIFY(teardown);
        QSignalSpy down(actions, &TaskActionController::teardownFinished);
        clock.restart();
        {
            DialogAnswerer answer({}, ns);
            teardown->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, 300000);
            QVERIFY2(answer.items.size() >= 1 && answer.items.constFirst().contains(task),
                qPrintable(answer.items.join(QLatin1Char('\n'))));
            QCOMPARE(answer.texts.size(), 1);
            QVERIFY2(answer.texts.constFirst().contains(ns), qPrintable(answer.texts.constFirst()));
        }
        qInfo("showroom torn down from the menu: %lld ms", qint64(clock.elapsed()));
        QVERIFY2(down[0][1].toBool(), qPrintable(down[0][2].toString()));
        int code = 0;
        kubectlOutput(QStringLiteral("showroom"), { QStringLiteral("get"), QStringLiteral("namespace"), ns }, &code);
        QVERIFY(code != 0);
        QTRY_VERIFY_WITH_TIMEOUT(!board->teardownButton()->isEnabled(), 30000);

        // 3. Up again, and down from the card's own button this time.
        up.clear();
        {
            DialogAnswerer answer;
            actions->requestShowroom(task);
            QTRY_COMPARE_WITH_TIMEOUT(up.size(), 1, 180000);
        }
        QVERIFY2(up[0][1].toBool(), qPrintable(up[0][2].toString()));
        QVERIFY(window.showView(QStringLiteral("tasks")));
        board->selectCard(task);
        QTRY_VERIFY_WITH_TIMEOUT(board->teardownButton()->isEnabled(), 30000);
        down.clear();
        {
            DialogAnswerer answer;
            QTest::mouseClick(board->teardownButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, 300000);
            QCOMPARE(answer.texts.size(), 1);
            QVERIFY2(answer.texts.constFirst().contains(ns), qPrintable(answer.texts.constFirst()));
        }
        QVERIFY2(down[0][1].toBool(), qPrintable(down[0][2].toString()));
        kubectlOutput(QStringLiteral("showroom"), { QStringLiteral("get"), QStringLiteral("namespace"), ns }, &code);
        QVERIFY(code != 0);
    }

    void showroomCancelledFromThePipelineView()
    {
        const QString task = ShowroomWorld::task(4);
        const QString ns = ShowroomWorld::namespaceOf(task);
        m_world->addBranch(QStringLiteral("catalog"), task);
        m_world->setTasks({ { task, QStringLiteral("In Progress") } });

        MainWindow window;
        QVERIFY(window.openEcosystem(m_world->ecosystemPath()));
        TaskActionController *actions = window.taskActionController();
        // kwok never makes an image ending in -broken ready: the rollout waits until cancelled.
        actions->setImages({ { QStringLiteral("storefront"), QStringLiteral("demo/storefront:1.0") },
            { QStringLiteral("catalog"), QStringLiteral("demo/catalog:1.0-broken") },
            { QStringLiteral("mailer"), QStringLiteral("demo/mailer:1.0") } });
        PipelineView *pipeline = window.pipelineView();
        waitForBoard(window, task);
        QVERIFY(window.showView(QStringLiteral("tasks")));
        TaskBoardView *board = window.taskBoardView();
        board->selectCard(task);
        QVERIFY(!pipeline->cancelButton()->isEnabled());

        QSignalSpy up(actions, &TaskActionController::showroomFinished);
        {
            DialogAnswerer answer;
            QTest::mouseClick(board->actionButton(Action::DeliverToShowroom), Qt::LeftButton);
            // The rollout is under way; the person changes their mind.
            QTRY_VERIFY_WITH_TIMEOUT(
                pipeline->logView()->text().contains(QStringLiteral("[deploy catalog] running")), 120000);
            QVERIFY(pipeline->cancelButton()->isEnabled());
            QTest::mouseClick(pipeline->cancelButton(), Qt::LeftButton);
            QVERIFY(!pipeline->cancelButton()->isEnabled());
            QVERIFY2(pipeline->statusText().contains(QStringLiteral("Cancelling")), qPrintable(pipeline->statusText()));
            QTRY_COMPARE_WITH_TIMEOUT(up.size(), 1, 180000);
        }
        QVERIFY(!up[0][1].toBool());
        QVERIFY2(up[0][2].toString().contains(QStringLiteral("cancelled")),
            qPrintable(up[0][2].toString() + QLatin1Char('\n') + pipeline->logView()->text()));
        QVERIFY(!pipeline->isBusy());
        QVERIFY(!pipeline->cancelButton()->isEnabled());
        // Nothing of it runs, and a cancel returns no task to its developer.
        QCOMPARE(kubectlOutput(QStringLiteral("showroom"),
                     { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"),
                         QStringLiteral("--ignore-not-found"), QStringLiteral("-o"), QStringLiteral("name") }),
            QString());
        QVERIFY2(
            m_world->tasksFile().contains(QStringLiteral("status: In Progress")), qPrintable(m_world->tasksFile()));
    }

    void deliverFromTheCardIntoStaging()
    {
        const QString task = ShowroomWorld::task(2);
        const QString branch = QStringLiteral("feature/%1-work").arg(task);
        // Reviewed, and the tracker says it may merge.
        const QString branchHead = reviewedBranch(QStringLiteral("catalog"), task);
        QVERIFY(!branchHead.isEmpty());
        m_world->setTasks({ { task, QStringLiteral("For Delivery") } });

        MainWindow window;
        QVERIFY(window.openEcosystem(m_world->ecosystemPath()));
        window.taskActionController()->setImages(
            { { QStringLiteral("catalog"), QStringLiteral("demo/catalog:staged") } });
        PipelineView *pipeline = window.pipelineView();
        QAbstractItemModelTester tester(pipeline->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        waitForBoard(window, task);
        QVERIFY(window.showView(QStringLiteral("tasks")));
        TaskBoardView *board = window.taskBoardView();
        board->selectCard(task);
        QPushButton *deliver = board->actionButton(Action::Deliver);
        QVERIFY2(deliver->isEnabled(), qPrintable(board->disabledReasons()));
        QSignalSpy finished(pipeline, &PipelineView::deliveryFinished);
        QElapsedTimer clock;
        clock.start();
        {
            DialogAnswerer answer;
            QTest::mouseClick(deliver, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 180000);
            QCOMPARE(answer.texts.size(), 1);
            const QString text = answer.texts.constFirst();
            QVERIFY2(text.contains(m_staging) && text.contains(branch) && text.contains(QStringLiteral("merge")),
                qPrintable(text));
            // Only the systems with a branch for the task.
            QVERIFY2(!text.contains(QStringLiteral("storefront")), qPrintable(text));
        }
        qInfo("delivery into staging from the board's card: %lld ms", qint64(clock.elapsed()));
        const auto result = finished[0][0].value<Delivery::Result>();
        QVERIFY2(result.succeeded(), qPrintable(result.reason + QLatin1Char('\n') + pipeline->logView()->text()));
        QCOMPARE(window.findChild<QTabWidget *>()->currentWidget(), pipeline);
        DeliveryPipelineModel *model = pipeline->model();
        QCOMPARE(model->rowCount(), 1);
        const int catalog = model->rowOfSystem(QStringLiteral("catalog"));
        QVERIFY(catalog >= 0);
        QCOMPARE(Delivery::State(model->index(catalog, deployColumn()).data(DeliveryPipelineModel::StateRole).toInt()),
            Delivery::State::Succeeded);
        const int merge = int(DeliveryPipelineModel::stepColumns().indexOf(Delivery::Step::Merge));
        QCOMPARE(Delivery::State(model->index(catalog, merge).data(DeliveryPipelineModel::StateRole).toInt()),
            Delivery::State::Succeeded);

        // Staging runs the branch's commit, and upstream has it now.
        QCOMPARE(gitSha(QStringLiteral("staging"), m_staging, QStringLiteral("catalog")), branchHead);
        QCOMPARE(m_world->upstreamHead(QStringLiteral("catalog")), branchHead);
        int code = 0;
        kubectlOutput(QStringLiteral("staging"),
            { QStringLiteral("-n"), m_staging, QStringLiteral("get"), QStringLiteral("deployment"),
                QStringLiteral("storefront") },
            &code);
        QVERIFY(code != 0);
    }

    void mergeFromTheCardIntoProduction()
    {
        const QString task = ShowroomWorld::task(3);
        const QString branch = QStringLiteral("feature/%1-work").arg(task);
        const QString branchHead = reviewedBranch(QStringLiteral("mailer"), task);
        QVERIFY(!branchHead.isEmpty());
        m_world->setTasks({ { task, QStringLiteral("For Delivery") } });

        MainWindow window;
        QVERIFY(window.openEcosystem(m_world->ecosystemPath()));
        window.taskActionController()->setImages(
            { { QStringLiteral("mailer"), QStringLiteral("demo/mailer:released") } });
        PipelineView *pipeline = window.pipelineView();
        waitForBoard(window, task);
        TaskBoardView *board = window.taskBoardView();
        board->selectCard(task);
        QPushButton *merge = board->actionButton(Action::Merge);
        QVERIFY2(merge->isEnabled(), qPrintable(board->disabledReasons()));

        // A wrong name keeps production as it is.
        QSignalSpy finished(pipeline, &PipelineView::deliveryFinished);
        {
            DialogAnswerer answer(QStringLiteral("prod"));
            QTest::mouseClick(merge, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(answer.texts.size(), 1, 30000);
            QTRY_VERIFY_WITH_TIMEOUT(
                window.taskActionController()->statusText().contains(QStringLiteral("not delivered")), 10000);
        }
        QVERIFY(!pipeline->isBusy());
        QCOMPARE(finished.size(), 0);

        // Merge: production, the name typed.
        QElapsedTimer clock;
        clock.start();
        {
            DialogAnswerer answer(QStringLiteral("production"));
            QTest::mouseClick(merge, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 180000);
            QCOMPARE(answer.texts.size(), 1);
            const QString text = answer.texts.constFirst();
            QVERIFY2(text.contains(m_production) && text.contains(branch) && text.contains(QStringLiteral("protected")),
                qPrintable(text));
        }
        qInfo("merge into production from the board's card: %lld ms", qint64(clock.elapsed()));
        const auto result = finished[0][0].value<Delivery::Result>();
        QVERIFY2(result.succeeded(), qPrintable(result.reason + QLatin1Char('\n') + pipeline->logView()->text()));
        QCOMPARE(Delivery::State(pipeline->model()
                         ->index(pipeline->model()->rowOfSystem(QStringLiteral("mailer")), deployColumn())
                         .data(DeliveryPipelineModel::StateRole)
                         .toInt()),
            Delivery::State::Succeeded);
        QCOMPARE(gitSha(QStringLiteral("production"), m_production, QStringLiteral("mailer")), branchHead);
        QCOMPARE(m_world->upstreamHead(QStringLiteral("mailer")), branchHead);
    }
};

QTEST_MAIN(tst_TaskActionsLive)
#include "tst_taskactions_live.moc"
