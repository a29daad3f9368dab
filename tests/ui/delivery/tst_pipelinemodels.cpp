// SPDX-License-Identifier: GPL-2.0-or-later
// The Pipeline and History views' models, fed the way Delivery and
// ReleaseStore feed them, under QAbstractItemModelTester; the log view, the
// delivery summary and the typed-name confirmation.
#include "delivery/CanaryStepsView.h"
#include "delivery/DeliverDialog.h"
#include "delivery/DeliveryCanaryModel.h"
#include "delivery/DeliveryLogHighlighter.h"
#include "delivery/DeliveryLogView.h"
#include "delivery/DeliveryPipelineModel.h"
#include "delivery/PipelineGraphView.h"
#include "history/ReleaseHistoryModel.h"
#include "widgets/ConfirmationDialog.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTimeZone>

using namespace Shipyard;
using Step = Delivery::Step;
using State = Delivery::State;

namespace {

QList<Delivery::StepState> pendingSteps(const QStringList &systems)
{
    QList<Delivery::StepState> steps { { Step::Lock, {}, State::Pending, {}, {}, {} } };
    for (Step step : DeliveryPipelineModel::stepColumns()) {
        if (step == Step::Lock)
            continue;
        for (const QString &system : systems)
            steps.append({ step, system, State::Pending, {}, {}, {} });
    }
    return steps;
}

void setState(
    QList<Delivery::StepState> &steps, Step step, const QString &system, State state, const QString &message = {})
{
    for (Delivery::StepState &entry : steps) {
        if (entry.step == step && entry.system == system) {
            entry.state = state;
            if (state == State::Running)
                entry.started = QDateTime::currentDateTimeUtc().addMSecs(-1500);
            else
                entry.finished = QDateTime::currentDateTimeUtc();
            entry.message = message;
        }
    }
}

ReleaseRecord record(const QString &id, ReleaseRecord::Result result = ReleaseRecord::Result::Succeeded)
{
    ReleaseRecord r;
    r.id = id;
    r.time = QDateTime::fromString(id.left(15), QStringLiteral("yyyyMMdd-hhmmss"));
    r.time.setTimeZone(QTimeZone::UTC);
    r.who = QStringLiteral("ann@host");
    r.tasks = { QStringLiteral("SHOP-1") };
    r.result = result;
    ReleaseRecord::SystemRelease system;
    system.system = QStringLiteral("catalog");
    system.image = QStringLiteral("demo/catalog:") + id.right(4);
    r.systems.append(system);
    return r;
}

ReleaseRecord::Migration migrationRun(const QString &phase, ReleaseRecord::Migration::Result result)
{
    ReleaseRecord::Migration migration;
    migration.system = QStringLiteral("storefront");
    migration.phase = phase;
    migration.job = QStringLiteral("storefront-%1-r2").arg(phase);
    migration.result = result;
    return migration;
}

} // namespace

class tst_PipelineModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pipelineModelChangesOneCell()
    {
        DeliveryPipelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 12);

        QList<Delivery::StepState> steps = pendingSteps({ QStringLiteral("storefront"), QStringLiteral("catalog") });
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.applySteps(steps);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("catalog"));
        const int deploy = int(DeliveryPipelineModel::stepColumns().indexOf(Step::Deploy));
        QCOMPARE(deploy, 6);
        QCOMPARE(model.headerData(deploy - 1, Qt::Horizontal).toString(), QStringLiteral("Migrate"));
        QCOMPARE(model.headerData(deploy, Qt::Horizontal).toString(), QStringLiteral("Deploy"));
        QCOMPARE(model.index(0, deploy).data().toString(), QStringLiteral("pending"));
        QCOMPARE(model.index(0, deploy).data(DeliveryPipelineModel::DurationRole).toLongLong(), -1);

        // The lock is one cell for the environment: its column changes.
        setState(steps, Step::Lock, {}, State::Succeeded, QStringLiteral("held by me"));
        changed.clear();
        model.applySteps(steps);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex(), model.index(0, 0));
        QCOMPARE(changed[0][1].toModelIndex(), model.index(1, 0));
        QCOMPARE(model.index(1, 0).data(DeliveryPipelineModel::MessageRole).toString(), QStringLiteral("held by me"));

        // A step of one system: exactly its cell.
        setState(steps, Step::Deploy, QStringLiteral("catalog"), State::Running);
        changed.clear();
        model.applySteps(steps);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex(), model.index(1, deploy));
        QCOMPARE(changed[0][1].toModelIndex(), model.index(1, deploy));
        QVERIFY(changed[0][2].value<QList<int>>().contains(DeliveryPipelineModel::StateRole));
        QCOMPARE(
            model.index(1, deploy).data(DeliveryPipelineModel::StateKeywordRole).toString(), QStringLiteral("running"));
        QVERIFY(model.index(1, deploy).data(DeliveryPipelineModel::DurationRole).toLongLong() >= 1500);
        QVERIFY(model.hasRunningStep());
        QCOMPARE(model.index(0, deploy).data().toString(), QStringLiteral("pending"));

        setState(steps, Step::Deploy, QStringLiteral("catalog"), State::Failed, QStringLiteral("rollout timed out"));
        changed.clear();
        model.applySteps(steps);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!model.hasRunningStep());
        QVERIFY(model.index(1, deploy).data().toString().startsWith(QStringLiteral("failed\n")));
        QVERIFY(model.index(1, deploy).data(Qt::ToolTipRole).toString().contains(QStringLiteral("rollout timed out")));

        // Nothing changed, nothing signalled.
        changed.clear();
        model.applySteps(steps);
        QCOMPARE(changed.size(), 0);

        // Another delivery with other systems replaces the rows.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.applySteps(pendingSteps({ QStringLiteral("mailer") }));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("mailer"));
        QCOMPARE(reset.size(), 0);
    }

    void canaryModelChangesOneRow()
    {
        DeliveryCanaryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<CanaryStepResult> steps;
        // Two old pods: one new beside them at 10 %, two at 50 %.
        steps.append({ 10, 1, 2, CanaryStepResult::Verdict::Pending, {} });
        steps.append({ 50, 2, 2, CanaryStepResult::Verdict::Pending, {} });
        steps.append({ 100, 2, 0, CanaryStepResult::Verdict::Pending, {} });
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applySteps(QStringLiteral("catalog"), steps);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("catalog · 10 %: 1 new beside 2 old"));
        QCOMPARE(model.index(0).data(DeliveryCanaryModel::PodShareRole).toInt(), 33);
        QCOMPARE(model.index(2).data(DeliveryCanaryModel::PodShareRole).toInt(), 100);

        steps[0].verdict = CanaryStepResult::Verdict::Passed;
        steps[0].message = QStringLiteral("monitoring stayed at or below 0.05");
        steps[1].verdict = CanaryStepResult::Verdict::Holding;
        model.applySteps(QStringLiteral("catalog"), steps);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed[0][0].toModelIndex(), model.index(0));
        QCOMPARE(changed[1][0].toModelIndex(), model.index(1));
        QCOMPARE(model.index(1).data(DeliveryCanaryModel::VerdictKeywordRole).toString(), QStringLiteral("holding"));
        QVERIFY(model.index(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("0.05")));

        // Another system's canary comes after it.
        model.applySteps(QStringLiteral("mailer"), { steps[2] });
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(3).data(DeliveryCanaryModel::SystemRole).toString(), QStringLiteral("mailer"));

        CanaryStepsView view;
        view.setModel(&model);
        view.resize(view.sizeHint());
        QVERIFY(view.barRect(1).top() > view.barRect(0).bottom());
        QVERIFY(view.barRect(0).width() >= 40);
        view.grab(); // paints every verdict without complaint
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void graphViewDrawsCells()
    {
        DeliveryPipelineModel model;
        PipelineGraphView view;
        view.setModel(&model);
        view.resize(1200, 300);
        QList<Delivery::StepState> steps = pendingSteps({ QStringLiteral("storefront"), QStringLiteral("catalog") });
        setState(steps, Step::Build, QStringLiteral("catalog"), State::Running);
        model.applySteps(steps);
        const QRect lock = view.cellRect(0, 0);
        const QRect build = view.cellRect(1, 2);
        QVERIFY(lock.isValid() && build.isValid());
        QVERIFY(build.left() > lock.right());
        QVERIFY(build.top() > lock.bottom());
        QVERIFY(view.cellRect(1, 8).right() <= view.width());
        // The running box is drawn in the running colour.
        const QImage image = view.grab().toImage();
        const QColor border = image.pixelColor(build.center().x(), build.top() + 1);
        QVERIFY2(border.blue() > border.red() + 60, qPrintable(border.name()));
    }

    void historyModelShowsMigrations()
    {
        ReleaseHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The History view's migrations: what ran, and a failed one's Job and log.
        const ReleaseRecord plain = record(QStringLiteral("20260301-100000-0001"));
        ReleaseRecord migrated = record(QStringLiteral("20260301-110000-0002"));
        ReleaseRecord::Migration down = migrationRun(QStringLiteral("down"), ReleaseRecord::Migration::Result::Failed);
        down.message = QStringLiteral("exit code 1");
        down.log = { QStringLiteral("migrate: connected"), QStringLiteral("migrate: cannot drop orders.status") };
        migrated.migrations = { migrationRun(QStringLiteral("up"), ReleaseRecord::Migration::Result::Succeeded), down };
        model.setRecords({ migrated, plain });

        const int column = ReleaseHistoryModel::MigrationsColumn;
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), QStringLiteral("Migrations"));
        QCOMPARE(
            model.index(0, column).data().toString(), QStringLiteral("storefront up done, storefront down failed"));
        QCOMPARE(model.index(1, column).data().toString(), QString());
        const QString tooltip = model.index(0, column).data(Qt::ToolTipRole).toString();
        QVERIFY2(tooltip.contains(QStringLiteral("storefront down failed — Job storefront-down-r2: exit code 1")),
            qPrintable(tooltip));
        QVERIFY2(tooltip.contains(QStringLiteral("migrate: cannot drop orders.status")), qPrintable(tooltip));
        QCOMPARE(model.index(0, column).data(Qt::ForegroundRole).value<QColor>(), QColor(0xc0, 0x1c, 0x28));
        QVERIFY(!model.index(1, column).data(Qt::ForegroundRole).isValid());

        // A down that ran later repaints the row.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        migrated.migrations.append(migrationRun(QStringLiteral("down"), ReleaseRecord::Migration::Result::Succeeded));
        model.setRecords({ migrated, plain });
        QCOMPARE(changed.size(), 1);
        QVERIFY(model.index(0, column).data().toString().endsWith(QStringLiteral("storefront down done")));
    }

    void historyModelMergesRefreshes()
    {
        ReleaseHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        const ReleaseRecord first = record(QStringLiteral("20260101-100000-0001"));
        const ReleaseRecord second = record(QStringLiteral("20260102-100000-0002"));
        model.setRecords({ second, first });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ReleaseHistoryModel::IdColumn).data().toString(), second.id);
        QCOMPARE(model.index(0, ReleaseHistoryModel::SystemsColumn).data().toString(),
            QStringLiteral("catalog → demo/catalog:0002"));
        QCOMPARE(model.index(0, ReleaseHistoryModel::TasksColumn).data().toString(), QStringLiteral("SHOP-1"));

        // A new release on top, the one before it now rolled back.
        inserted.clear();
        changed.clear();
        ReleaseRecord rolledBack = second;
        rolledBack.result = ReleaseRecord::Result::RolledBack;
        rolledBack.reason = QStringLiteral("rolled back by ann@host");
        ReleaseRecord restore = record(QStringLiteral("20260103-100000-0003"));
        restore.restoredFrom = first.id;
        model.setRecords({ restore, rolledBack, first });
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted[0][1].toInt(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex().row(), 1);
        QCOMPARE(model.index(1, ReleaseHistoryModel::ResultColumn).data(ReleaseHistoryModel::ResultRole).toString(),
            QStringLiteral("rolled-back"));
        QVERIFY(model.index(0, ReleaseHistoryModel::ReasonColumn).data().toString().contains(first.id));

        // Pruned records go.
        model.setRecords({ restore, rolledBack });
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(reset.size(), 0);

        QSortFilterProxyModel filter;
        filter.setSourceModel(&model);
        filter.setFilterKeyColumn(-1);
        filter.setFilterCaseSensitivity(Qt::CaseInsensitive);
        filter.setFilterFixedString(QStringLiteral("ROLLED BACK"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setFilterFixedString(QStringLiteral("catalog:0003"));
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data().toString(), restore.id);
    }

    void logIsBoundedAndSearchable()
    {
        DeliveryLogView log;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < DeliveryLogView::maximumLines + 50; ++i)
            log.appendLine(QStringLiteral("line %1").arg(i));
        qInfo("%d log lines appended in %lld ms", DeliveryLogView::maximumLines + 50, qint64(clock.elapsed()));
        QCOMPARE(log.lineCount(), DeliveryLogView::maximumLines);
        QVERIFY(log.text().startsWith(QStringLiteral("line 50\n")));
        log.appendLine(QStringLiteral("$ kubectl apply"));
        log.appendLine(QStringLiteral("error: rollout of catalog timed out"));
        QCOMPARE(log.find(QStringLiteral("ROLLOUT")), 1);
        QVERIFY(log.editor()->textCursor().hasSelection());
        QCOMPARE(log.find(QStringLiteral("line 1999")), 11); // 1999 and 19990…19999
        QCOMPARE(log.find(QStringLiteral("nothing like this")), 0);

        QCOMPARE(
            DeliveryLogHighlighter::classify(QStringLiteral("$ make test")), DeliveryLogHighlighter::Kind::Command);
        QCOMPARE(DeliveryLogHighlighter::classify(QStringLiteral("catalog: rollout failed")),
            DeliveryLogHighlighter::Kind::Error);
        QCOMPARE(DeliveryLogHighlighter::classify(QStringLiteral("delivery failed: deploy")),
            DeliveryLogHighlighter::Kind::Error);
        QCOMPARE(DeliveryLogHighlighter::classify(QStringLiteral("delivery succeeded in 900 ms")),
            DeliveryLogHighlighter::Kind::Outcome);
        QCOMPARE(DeliveryLogHighlighter::classify(QStringLiteral("applied deployment/catalog")),
            DeliveryLogHighlighter::Kind::Plain);
    }

    void confirmationWantsTheNameTyped()
    {
        ConfirmationDialog plain(QStringLiteral("t"), QStringLiteral("text"), QStringLiteral("Go"), {});
        QVERIFY(!plain.nameField());
        QVERIFY(plain.actionButton()->isEnabled());

        ConfirmationDialog guarded(
            QStringLiteral("t"), QStringLiteral("text"), QStringLiteral("Go"), QStringLiteral("production"));
        QVERIFY(!guarded.actionButton()->isEnabled());
        QTest::keyClicks(guarded.nameField(), QStringLiteral("productio"));
        QVERIFY(!guarded.actionButton()->isEnabled());
        QTest::keyClicks(guarded.nameField(), QStringLiteral("n"));
        QVERIFY(guarded.actionButton()->isEnabled());
        QTest::keyClicks(guarded.nameField(), QStringLiteral("x"));
        QVERIFY(!guarded.actionButton()->isEnabled());
    }

    void deliverySummarySaysWhatHappens()
    {
        Ecosystem ecosystem;
        System catalog;
        catalog.name = QStringLiteral("catalog");
        catalog.repository = QStringLiteral("systems/catalog");
        catalog.image = QStringLiteral("demo/catalog");
        System mailer = catalog;
        mailer.name = QStringLiteral("mailer");
        ecosystem.systems = { catalog, mailer };
        Environment production;
        production.name = QStringLiteral("production");
        production.kind = EnvironmentKind::Production;
        production.context = QStringLiteral("prod");
        production.namespaceName = QStringLiteral("shop");
        production.isProtected = true;
        production.systems = { QStringLiteral("catalog") };
        ecosystem.environments = { production };

        const QString text = DeliverDialog::summary(ecosystem, QStringLiteral("production"),
            { { QStringLiteral("catalog"), {}, QStringLiteral("demo/catalog:1.2") } });
        for (const char *part : { "<b>production</b>", "<tt>prod</tt>", "<tt>shop</tt>", "demo/catalog:1.2",
                 "merge the delivered branches", "last good release", "This changes production" })
            QVERIFY2(text.contains(QLatin1String(part)), part);

        DeliverDialog dialog(ecosystem, QStringLiteral("production"));
        QVERIFY(dialog.targets().isEmpty());
        dialog.setTarget(QStringLiteral("mailer"), QStringLiteral("demo/mailer:1")); // not delivered there
        dialog.setTarget(QStringLiteral("catalog"), QStringLiteral("demo/catalog:1.2"));
        QCOMPARE(dialog.targets().size(), 1);
        QCOMPARE(dialog.targets().first().image, QStringLiteral("demo/catalog:1.2"));
        QVERIFY(dialog.targets().first().usesUpstream());
        dialog.setTarget(QStringLiteral("catalog"), {}, QStringLiteral("SHOP-7-prices"));
        QCOMPARE(dialog.targets().first().branch, QStringLiteral("SHOP-7-prices"));
        const QString branchText = DeliverDialog::summary(ecosystem, QStringLiteral("production"), dialog.targets());
        QVERIFY2(
            branchText.contains(QStringLiteral("feature branch <tt>SHOP-7-prices</tt>, brought onto <tt>main</tt>")),
            qPrintable(branchText));
        QVERIFY(branchText.contains(QStringLiteral("build and test the images")));
    }
};

QTEST_MAIN(tst_PipelineModels)
#include "tst_pipelinemodels.moc"
