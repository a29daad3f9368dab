// SPDX-License-Identifier: GPL-2.0-or-later
// The Tasks board on a real git repository, the file tracker and
// Reviewed-by trailers: a column per status, a card per task with its
// gates, actions enabled only where the gates allow (the reason otherwise),
// and a rescan after the tracker moves a task changes only that card.
#include "tasks/TaskActionController.h"
#include "tasks/TaskBoardModel.h"
#include "tasks/TaskBoardView.h"

#include "model/EcosystemLoader.h"
#include "pipeline/AutotestResults.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;
using Action = TaskBoardModel::Action;

namespace {

bool git(const QString &dir, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Alice"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("alice@example.org"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Alice"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("alice@example.org"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("git"), arguments);
    return process.waitForFinished(30000) && process.exitCode() == 0;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

bool commit(const QString &repo, const QString &file, const QString &message)
{
    return writeFile(repo + QLatin1Char('/') + file, message.toUtf8()) &&
        git(repo, { QStringLiteral("add"), QStringLiteral(".") }) &&
        git(repo, { QStringLiteral("commit"), QStringLiteral("-qm"), message });
}

QString gateState(const QModelIndex &card, const QString &gate)
{
    for (const QVariant &value : card.data(TaskBoardModel::GatesRole).toList()) {
        const QVariantMap verdict = value.toMap();
        if (verdict.value(QStringLiteral("gate")).toString() == gate)
            return verdict.value(QStringLiteral("state")).toString();
    }
    return {};
}

} // namespace

class tst_TaskBoardModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void boardFollowsGates()
    {
        QTemporaryDir dir;
        // Two systems; SHOP-1 has a branch in both, reviewed in both.
        for (const QString &system : { QStringLiteral("api"), QStringLiteral("web") }) {
            const QString repo = dir.filePath(system);
            QVERIFY(QDir().mkpath(repo));
            QVERIFY(git(
                repo, { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") }));
            QVERIFY(commit(repo, QStringLiteral("README"), QStringLiteral("Start")));
            QVERIFY(git(repo,
                { QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("feature/SHOP-1-prices"),
                    QStringLiteral("main") }));
            QVERIFY(commit(
                repo, QStringLiteral("prices"), QStringLiteral("Show prices\n\nReviewed-by: Bob <bob@example.org>")));
        }
        const QString api = dir.filePath(QStringLiteral("api"));
        // SHOP-2: in progress, not reviewed.
        QVERIFY(git(api,
            { QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("feature/SHOP-2-photos"),
                QStringLiteral("main") }));
        QVERIFY(commit(api, QStringLiteral("photos"), QStringLiteral("Larger photos")));
        // No task key at all.
        QVERIFY(git(api,
            { QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("experiment"),
                QStringLiteral("main") }));
        // SHOP-3 conflicts with main: approved and in the merge status, still not mergeable.
        QVERIFY(git(api,
            { QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("feature/SHOP-3-readme"),
                QStringLiteral("main") }));
        QVERIFY(commit(api, QStringLiteral("README"),
            QStringLiteral("Readme, branch side\n\nReviewed-by: Carol <carol@example.org>")));
        QVERIFY(git(api, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main") }));
        QVERIFY(commit(api, QStringLiteral("README"), QStringLiteral("Readme, main side")));

        const QString tasks = dir.filePath(QStringLiteral("tasks.yaml"));
        QVERIFY(writeFile(tasks,
            "tasks:\n"
            "  - {key: SHOP-1, title: Show prices, status: For Delivery, assignee: alice}\n"
            "  - {key: SHOP-2, title: Larger photos, status: In Progress, assignee: bob}\n"
            "  - {key: SHOP-3, title: Readme, status: For Delivery}\n"));
        const QString ecosystemPath = dir.filePath(QStringLiteral("eco.yaml"));
        QVERIFY(writeFile(ecosystemPath,
            "name: Shop\n"
            "gating: {taskKey: 'SHOP-[0-9]+', reviewsRequired: 1, branchUpdateStatuses: [In Progress],"
            " mergeStatuses: [For Delivery]}\n"
            "tracker: {kind: file, file: tasks.yaml}\n"
            "systems:\n"
            "  - {name: api, template: backend, repository: api, image: shop/api, manifests: [deploy/]}\n"
            "  - {name: web, template: frontend, repository: web, image: shop/web, manifests: [deploy/]}\n"
            "environments:\n  - {name: staging, kind: staging, context: staging, namespace: shop}\n"
            "  - {name: production, kind: production, context: production, namespace: shop, approvals: 2}\n"));
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(ecosystemPath);
        QVERIFY(loaded.ecosystem);

        TaskBoardModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TaskBoardView view(&model);
        QSignalSpy scanned(&model, &TaskBoardModel::scanFinished);
        model.setEcosystem(*loaded.ecosystem);
        // The scan runs in a worker thread.
        QVERIFY(model.isScanning());
        QVERIFY(scanned.wait(60000));

        // Columns: the gating and robot statuses in order, then the special ones as needed.
        QCOMPARE(model.index(0, 0).data(TaskBoardModel::StatusRole).toString(), QStringLiteral("In Progress"));
        const QModelIndex forDelivery = model.columnIndex(QStringLiteral("For Delivery"));
        QVERIFY(forDelivery.isValid());
        QCOMPARE(model.rowCount(forDelivery), 2);
        QCOMPARE(forDelivery.data().toString(), QStringLiteral("For Delivery (2)"));
        QVERIFY(model.columnIndex(QStringLiteral("No task")).isValid());

        const QModelIndex shop1 = model.cardIndex(QStringLiteral("SHOP-1"));
        QCOMPARE(shop1.parent(), forDelivery);
        QCOMPARE(shop1.data(TaskBoardModel::TitleRole).toString(), QStringLiteral("Show prices"));
        QCOMPARE(shop1.data(TaskBoardModel::BranchesRole).toStringList(),
            QStringList(
                { QStringLiteral("api: feature/SHOP-1-prices"), QStringLiteral("web: feature/SHOP-1-prices") }));
        QCOMPARE(shop1.data(TaskBoardModel::ApprovalsRole).toInt(), 1);
        QCOMPARE(shop1.data(TaskBoardModel::ApprovalsRequiredRole).toInt(), 1);
        QCOMPARE(gateState(shop1, QStringLiteral("approvals")), QStringLiteral("passed"));
        QCOMPARE(gateState(shop1, QStringLiteral("merge-status")), QStringLiteral("passed"));
        QVERIFY(shop1.data(TaskBoardModel::MergeableRole).toBool());
        QVERIFY(shop1.data(TaskBoardModel::DeliverEnabledRole).toBool());
        // Production asks for two reviews, more than the ecosystem's one.
        QVERIFY(!shop1.data(TaskBoardModel::MergeEnabledRole).toBool());
        QCOMPARE(shop1.data(TaskBoardModel::MergeReasonRole).toString(),
            QStringLiteral("1 of 2 required approvals for production"));
        // A showroom is how QA sees a task at any status.
        QVERIFY(shop1.data(TaskBoardModel::ShowroomEnabledRole).toBool());
        QVERIFY(shop1.data(Qt::ToolTipRole).toString().contains(QStringLiteral("1 of 1 required approvals")));

        const QModelIndex shop2 = model.cardIndex(QStringLiteral("SHOP-2"));
        QCOMPARE(shop2.parent(), model.columnIndex(QStringLiteral("In Progress")));
        QCOMPARE(shop2.data(TaskBoardModel::ApprovalsRole).toInt(), 0);
        QCOMPARE(gateState(shop2, QStringLiteral("approvals")), QStringLiteral("failed"));
        QVERIFY(shop2.data(TaskBoardModel::ShowroomEnabledRole).toBool());
        QVERIFY(!shop2.data(TaskBoardModel::MergeEnabledRole).toBool());
        QVERIFY(shop2.data(TaskBoardModel::MergeReasonRole).toString().contains(QStringLiteral("0 of 1")));

        const QModelIndex shop3 = model.cardIndex(QStringLiteral("SHOP-3"));
        QCOMPARE(gateState(shop3, QStringLiteral("clean-integration")), QStringLiteral("failed"));
        QVERIFY(!shop3.data(TaskBoardModel::MergeableRole).toBool());
        QVERIFY(!shop3.data(TaskBoardModel::DeliverEnabledRole).toBool());
        QVERIFY(shop3.data(TaskBoardModel::DeliverReasonRole).toString().contains(QStringLiteral("README")));
        QVERIFY(!shop3.data(TaskBoardModel::ShowroomEnabledRole).toBool());
        QVERIFY(shop3.data(TaskBoardModel::ShowroomReasonRole).toString().contains(QStringLiteral("README")));

        const QModelIndex experiment = model.cardIndex(QStringLiteral("api:experiment"));
        QCOMPARE(experiment.parent(), model.columnIndex(QStringLiteral("No task")));
        QVERIFY(!experiment.data(TaskBoardModel::ShowroomEnabledRole).toBool());

        // The view: a list per column, the buttons follow the selected card.
        QListView *column = view.columnView(QStringLiteral("For Delivery"));
        QVERIFY(column);
        QCOMPARE(column->model()->rowCount(column->rootIndex()), 2);
        view.selectCard(QStringLiteral("SHOP-1"));
        QCOMPARE(view.selectedKey(), QStringLiteral("SHOP-1"));
        QVERIFY(view.actionButton(Action::Deliver)->isEnabled());
        QVERIFY(view.actionButton(Action::DeliverToShowroom)->isEnabled());
        QVERIFY(!view.actionButton(Action::Merge)->isEnabled());
        QVERIFY(view.actionButton(Action::Merge)->toolTip().contains(QStringLiteral("for production")));
        QVERIFY(view.disabledReasons().contains(QStringLiteral("1 of 2 required approvals")));
        view.selectCard(QStringLiteral("SHOP-2"));
        QVERIFY(!view.actionButton(Action::Deliver)->isEnabled());
        QVERIFY(view.actionButton(Action::DeliverToShowroom)->isEnabled());
        QSignalSpy requested(&view, &TaskBoardView::actionRequested);
        view.actionButton(Action::DeliverToShowroom)->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("SHOP-2"));

        // The tracker moves SHOP-2 on and it gets its review: it moves column; SHOP-1 is untouched.
        QVERIFY(
            git(api, { QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("feature/SHOP-2-photos") }));
        QVERIFY(git(api,
            { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("--allow-empty"), QStringLiteral("-m"),
                QStringLiteral("Photos reviewed\n\nReviewed-by: Dave <dave@example.org>") }));
        QVERIFY(writeFile(tasks,
            "tasks:\n"
            "  - {key: SHOP-1, title: Show prices, status: For Delivery, assignee: alice}\n"
            "  - {key: SHOP-2, title: Larger photos, status: For Delivery, assignee: bob}\n"
            "  - {key: SHOP-3, title: Readme, status: For Delivery}\n"));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.refresh();
        QVERIFY(scanned.wait(60000));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        const QModelIndex moved = model.cardIndex(QStringLiteral("SHOP-2"));
        QCOMPARE(moved.parent(), forDelivery);
        QVERIFY(moved.data(TaskBoardModel::DeliverEnabledRole).toBool());
        QCOMPARE(moved.data(TaskBoardModel::ApprovalsRole).toInt(), 1);
        QCOMPARE(model.rowCount(model.columnIndex(QStringLiteral("In Progress"))), 0);
        // Only the column titles changed otherwise: no card other than SHOP-2 was repainted.
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const QModelIndex topLeft = signal.at(0).toModelIndex();
            QVERIFY2(!topLeft.parent().isValid(), qPrintable(topLeft.data(TaskBoardModel::KeyRole).toString()));
        }

        // The filter hides the cards that do not match, in every column,
        // also those that arrive or change later.
        QListView *inProgress = view.columnView(QStringLiteral("In Progress"));
        QVERIFY(inProgress);
        view.setFilterText(QStringLiteral("alice"));
        QVERIFY(!column->isRowHidden(model.cardIndex(QStringLiteral("SHOP-1")).row()));
        QVERIFY(column->isRowHidden(model.cardIndex(QStringLiteral("SHOP-2")).row()));
        QVERIFY(column->isRowHidden(model.cardIndex(QStringLiteral("SHOP-3")).row()));
        view.setFilterText(QStringLiteral("web: feature"));
        QVERIFY(!column->isRowHidden(model.cardIndex(QStringLiteral("SHOP-1")).row()));
        QVERIFY(column->isRowHidden(model.cardIndex(QStringLiteral("SHOP-3")).row()));
        QVERIFY(writeFile(tasks,
            "tasks:\n"
            "  - {key: SHOP-1, title: Show prices, status: For Delivery, assignee: alice}\n"
            "  - {key: SHOP-2, title: Larger photos, status: In Progress, assignee: bob}\n"
            "  - {key: SHOP-3, title: Readme, status: For Delivery}\n"));
        view.setFilterText(QStringLiteral("photos"));
        model.refresh();
        QVERIFY(scanned.wait(60000));
        const QModelIndex back = model.cardIndex(QStringLiteral("SHOP-2"));
        QCOMPARE(back.parent(), model.columnIndex(QStringLiteral("In Progress")));
        QVERIFY(!inProgress->isRowHidden(back.row()));
        QVERIFY(column->isRowHidden(model.cardIndex(QStringLiteral("SHOP-1")).row()));
        view.setFilterText(QString());
        QVERIFY(!column->isRowHidden(model.cardIndex(QStringLiteral("SHOP-1")).row()));
    }

    // The robot's autotest verdicts of the heads show as a "tests" chip; a
    // failed one offers Test Again, which forgets the verdict in the
    // results file (as `shipyardctl autotest retry` does) and rescans.
    void testAgain()
    {
        QTemporaryDir dir;
        const QString api = dir.filePath(QStringLiteral("api"));
        QVERIFY(QDir().mkpath(api));
        QVERIFY(
            git(api, { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") }));
        QVERIFY(commit(api, QStringLiteral("README"), QStringLiteral("Start")));
        QVERIFY(git(api,
            { QStringLiteral("checkout"), QStringLiteral("-qb"), QStringLiteral("feature/SHOP-7-cart"),
                QStringLiteral("main") }));
        QVERIFY(commit(api, QStringLiteral("cart"), QStringLiteral("Cart")));
        QProcess head;
        head.setWorkingDirectory(api);
        head.start(QStringLiteral("git"), { QStringLiteral("rev-parse"), QStringLiteral("HEAD") });
        QVERIFY(head.waitForFinished());
        const QString commitId = QString::fromLatin1(head.readAllStandardOutput().trimmed());
        QVERIFY(writeFile(dir.filePath(QStringLiteral("tasks.yaml")),
            "tasks:\n  - {key: SHOP-7, title: Cart, status: In Progress}\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("eco.yaml")),
            "name: Shop\n"
            "gating: {taskKey: 'SHOP-[0-9]+', autotests: {results: results.json}}\n"
            "tracker: {kind: file, file: tasks.yaml}\n"
            "systems:\n  - {name: api, template: backend, repository: api, image: shop/api, manifests: [deploy/]}\n"
            "environments:\n  - {name: staging, kind: staging, context: staging, namespace: shop}\n"));
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(dir.filePath(QStringLiteral("eco.yaml")));
        QVERIFY(loaded.ecosystem);
        AutotestResults results(dir.filePath(QStringLiteral("results.json")));
        QCOMPARE(AutotestResults::pathFor(*loaded.ecosystem), results.path());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(results.store({ QStringLiteral("api"), commitId, { QStringLiteral("feature/SHOP-7-cart") },
                     AutotestResult::Verdict::Failed, QStringLiteral("test"), QStringLiteral("cart_test: 1 failure"),
                     QStringLiteral("robot:1"), now, now }),
            QString());

        TaskBoardModel model;
        TaskBoardView view(&model);
        QSignalSpy scanned(&model, &TaskBoardModel::scanFinished);
        model.setEcosystem(*loaded.ecosystem);
        QVERIFY(scanned.wait(60000));
        const QModelIndex card = model.cardIndex(QStringLiteral("SHOP-7"));
        QCOMPARE(gateState(card, QStringLiteral("autotests")), QStringLiteral("failed"));
        QVERIFY(card.data(Qt::ToolTipRole).toString().contains(QStringLiteral("cart_test: 1 failure")));
        QCOMPARE(
            card.data(TaskBoardModel::RetestRole).toStringList(), QStringList { QStringLiteral("api ") + commitId });
        view.selectCard(QStringLiteral("SHOP-7"));
        QVERIFY(!view.testAgainButton()->isHidden());

        TaskActionController actions(nullptr, &view);
        actions.setEcosystem(*loaded.ecosystem, ClusterAccess());
        connect(&view, &TaskBoardView::testAgainRequested, &actions, &TaskActionController::requestTestAgain);
        connect(&actions, &TaskActionController::autotestsForgotten, &model, &TaskBoardModel::refresh);
        QSignalSpy forgotten(&actions, &TaskActionController::autotestsForgotten);
        view.testAgainButton()->click();
        QVERIFY(forgotten.wait(10000));
        QCOMPARE(actions.statusText(),
            QStringLiteral("SHOP-7: the robot's next pass tests api at %1 again.").arg(commitId.left(12)));
        QVERIFY(!results.find(QStringLiteral("api"), commitId));
        QVERIFY(scanned.wait(60000));
        QCOMPARE(gateState(model.cardIndex(QStringLiteral("SHOP-7")), QStringLiteral("autotests")), QString());
        QVERIFY(view.testAgainButton()->isHidden());
    }
};

QTEST_MAIN(tst_TaskBoardModel)
#include "tst_taskboardmodel.moc"
