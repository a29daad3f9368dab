// SPDX-License-Identifier: GPL-2.0-or-later
// Migrations delivered and rolled back with their release, against the local
// control plane, whose kwok completes Job pods, or fails a migration's pod
// when its pod template says so (resources/kwok/pod-stages.yaml):
//  - `up` runs as a Job with the new image and the Deployment's settings
//    before the rollout, and the record keeps its result and log;
//  - a failed `up` ends the delivery before anything is applied, and one
//    after another system's successful `up` runs that one's `down`;
//  - a failure after a successful `up` runs `down` before the old release
//    is restored;
//  - a failed `down` stops the rollback: nothing restored, the release left
//    in progress, audited, and the next delivery refuses to go over it;
//  - a release interrupted while its `up` ran is undone with its `down`;
//  - a person's rollback runs the `down` of the release it replaces.
#include "DeliveryTestWorld.h"

#include "pipeline/MigrationJob.h"
#include "pipeline/ReleaseRollback.h"
#include "releases/ReleaseStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestDeliveryMigrations : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;

    static const QStringList &upCommand()
    {
        static const QStringList command { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("bin/migrate up") };
        return command;
    }
    static const QStringList &downCommand()
    {
        static const QStringList command { QStringLiteral("bin/migrate"), QStringLiteral("down") };
        return command;
    }

    // The world's ecosystem for NS, storefront with a migration and a
    // setting in its Deployment that the migration must see too.
    Ecosystem ecosystemFor(const QString &ns)
    {
        Ecosystem ecosystem = m_world.ecosystemFor(ns);
        Migration migration;
        migration.up = upCommand();
        migration.down = downCommand();
        migration.timeout = std::chrono::seconds(60);
        ecosystem.systems.first().migration = migration;
        Q_ASSERT(ecosystem.systems.first().name == QLatin1String("storefront"));
        editDeployment(ns, QStringLiteral("storefront"),
            QStringLiteral("s|^          image: demo/storefront$|          image: demo/storefront\\n          env:\\n"
                           "            - name: SHOP_DATABASE\\n              value: postgres://db/shop|"));
        return ecosystem;
    }

    // Has kwok fail SYSTEM's migration PHASE from the next delivery on.
    void failMigration(const QString &ns, const QString &phase, const QString &system = QStringLiteral("storefront"))
    {
        editDeployment(ns, system,
            QStringLiteral("s|^      labels:$|      annotations:\\n        kwok.shipyard.dev/fail-migration: %1\\n"
                           "      labels:|")
                .arg(phase));
    }

    void editDeployment(const QString &ns, const QString &system, const QString &sedScript)
    {
        DeliveryTestWorld::run(QStringLiteral("sed -i '%1' deploy/deployment.yaml").arg(sedScript),
            m_world.filePath(ns) + QStringLiteral("/systems/") + system);
    }

    static QList<Delivery::Target> storefront(const QString &tag)
    {
        return { { QStringLiteral("storefront"), {}, QStringLiteral("demo/storefront:%1").arg(tag) } };
    }

    static QJsonObject job(const QString &ns, const QString &name)
    {
        return QJsonDocument::fromJson(kubectl(QStringLiteral("local"),
                                           { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("job"),
                                               name, QStringLiteral("-o"), QStringLiteral("json") }))
            .object();
    }

    static QJsonObject containerOf(const QJsonObject &job)
    {
        return job[QLatin1String("spec")][QLatin1String("template")][QLatin1String("spec")][QLatin1String("containers")]
                  [0]
                      .toObject();
    }

    static ReleaseRecord newest(const QString &ns)
    {
        KubeError error;
        const QList<ReleaseRecord> records = DeliveryTestWorld::storeFor(ns).list(&error);
        if (error.isError() || records.isEmpty())
            qFatal("no release records in %s: %s", qPrintable(ns), qPrintable(error.message));
        return records.first();
    }

    QStringList auditResults() const
    {
        QFile journal(m_world.options().auditJournal);
        if (!journal.open(QIODevice::ReadOnly))
            return {};
        QStringList results;
        for (const QByteArray &line : journal.readAll().trimmed().split('\n')) {
            const QJsonObject audited = QJsonDocument::fromJson(line).object();
            results.append(audited.value(QLatin1String("what")).toString() + QStringLiteral(": ") +
                audited.value(QLatin1String("result")).toString());
        }
        return results;
    }

private Q_SLOTS:
    void upRunsBeforeTheRollout()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = ecosystemFor(ns);
        // A credential of this process that the migration's log happens to
        // show: the record keeps it masked, like every text of a delivery.
        qputenv("SHOP_MIGRATION_PASSWORD", "shipyard-local.svc/shop");
        QString log;
        const Delivery::Result result =
            DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v1")), m_world.options(), &log);
        qunsetenv("SHOP_MIGRATION_PASSWORD");
        QVERIFY2(result.succeeded(), qPrintable(result.reason));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v1"));

        const ReleaseRecord record = newest(ns);
        QCOMPARE(record.id, result.releaseId);
        QCOMPARE(record.migrations.size(), 1);
        const ReleaseRecord::Migration &up = record.migrations.first();
        QCOMPARE(up.phase, QStringLiteral("up"));
        QCOMPARE(up.result, ReleaseRecord::Migration::Result::Succeeded);
        QCOMPARE(up.job, MigrationJob::jobName(QStringLiteral("storefront"), record.id, QStringLiteral("up")));
        QCOMPARE(up.down, downCommand());
        const QString upLog = up.log.join(QLatin1Char('\n'));
        QVERIFY2(upLog.contains(QStringLiteral("migrate: running 0042_orders_add_status")), qPrintable(upLog));
        QVERIFY2(upLog.contains(QStringLiteral("migrate: connected to postgres.***")), qPrintable(upLog));
        QVERIFY2(!upLog.contains(QStringLiteral("shipyard-local.svc/shop")), qPrintable(upLog));

        // The Job: the new image, the Deployment's settings, once, bounded, labelled.
        const QJsonObject ran = job(ns, up.job);
        const QJsonObject container = containerOf(ran);
        QCOMPARE(container.value(QLatin1String("image")).toString(), QStringLiteral("demo/storefront:v1"));
        QCOMPARE(container.value(QLatin1String("command")).toArray(), QJsonArray::fromStringList(upCommand()));
        QCOMPARE(container[QLatin1String("env")][0][QLatin1String("value")].toString(),
            QStringLiteral("postgres://db/shop"));
        QCOMPARE(ran[QLatin1String("spec")][QLatin1String("backoffLimit")].toInt(), 0);
        QCOMPARE(ran[QLatin1String("spec")][QLatin1String("activeDeadlineSeconds")].toInt(), 60);
        QCOMPARE(
            ran[QLatin1String("spec")][QLatin1String("template")][QLatin1String("spec")][QLatin1String("restartPolicy")]
                .toString(),
            QStringLiteral("Never"));
        const QJsonObject labels = ran[QLatin1String("metadata")][QLatin1String("labels")].toObject();
        QCOMPARE(labels.value(QLatin1String("shipyard.dev/migration")).toString(), QStringLiteral("up"));
        QCOMPARE(labels.value(QLatin1String("shipyard.dev/release")).toString(), record.id);
        // The Job ended before the first object was applied.
        const qsizetype done = log.indexOf(QStringLiteral("migration up runs as Job"));
        QVERIFY2(done >= 0, qPrintable(log));
        QVERIFY2(log.indexOf(QStringLiteral(" applied in ")) > done, qPrintable(log));
        // The step table has the migration, between verify and deploy.
        QStringList steps;
        for (const Delivery::StepState &state : Delivery::stepsFromJson(record.steps))
            steps.append(Delivery::keyword(state.step) + QLatin1Char('=') + Delivery::keyword(state.state));
        QCOMPARE(steps.mid(4, 3),
            QStringList({ QStringLiteral("verify=skipped"), QStringLiteral("migrate=succeeded"),
                QStringLiteral("deploy=succeeded") }));
    }

    void prunedReleasesTakeTheirJobs()
    {
        const QString ns = m_world.newNamespace();
        Ecosystem ecosystem = ecosystemFor(ns);
        ecosystem.rollback.keepReleases = 2;
        // A Job of a release no longer recorded, as earlier Shipyards left them.
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("create"), QStringLiteral("job"), QStringLiteral("left-behind"),
                QStringLiteral("--image=demo/storefront:v0") });
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("label"), QStringLiteral("job"), QStringLiteral("left-behind"),
                QStringLiteral("shipyard.dev/migration=up"), QStringLiteral("shipyard.dev/release=gone"),
                QStringLiteral("app.kubernetes.io/managed-by=shipyard") });
        // Not Shipyard's: never touched.
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("create"), QStringLiteral("job"),
                QStringLiteral("nightly-report"), QStringLiteral("--image=demo/report:1") });

        // The second delivery deletes the Job left behind, the third v1's.
        QStringList releases;
        QString log;
        for (const QString &tag : { QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v3") }) {
            log.clear();
            const Delivery::Result result =
                DeliveryTestWorld::deliver(ecosystem, storefront(tag), m_world.options(), &log);
            QVERIFY2(result.succeeded(), qPrintable(result.reason));
            releases.append(result.releaseId);
        }
        QVERIFY2(
            log.contains(QStringLiteral("migration Jobs of releases no longer recorded deleted: 1")), qPrintable(log));

        const QByteArray names = kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("jobs"), QStringLiteral("-o"),
                QStringLiteral("jsonpath={.items[*].metadata.name}") });
        QStringList jobs = QString::fromUtf8(names).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        jobs.sort();
        QStringList expected { MigrationJob::jobName(QStringLiteral("storefront"), releases[1], QStringLiteral("up")),
            MigrationJob::jobName(QStringLiteral("storefront"), releases[2], QStringLiteral("up")),
            QStringLiteral("nightly-report") };
        expected.sort();
        QCOMPARE(jobs, expected);
        // Their pods went with them (kube-controller-manager's garbage collector).
        QTRY_VERIFY_WITH_TIMEOUT(
            kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"),
                    QStringLiteral("shipyard.dev/release=%1").arg(releases[0]), QStringLiteral("-o"),
                    QStringLiteral("name") })
                .trimmed()
                .isEmpty(),
            30000);
    }

    void failedUpEndsTheDeliveryBeforeTheRollout()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = ecosystemFor(ns);
        QVERIFY(DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v1")), m_world.options()).succeeded());
        const QByteArray before = kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"),
                QStringLiteral("storefront"), QStringLiteral("-o"),
                QStringLiteral("jsonpath={.metadata.generation}") });

        failMigration(ns, QStringLiteral("up"));
        const Delivery::Result result =
            DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v2")), m_world.options());
        QCOMPARE(result.outcome, Delivery::Outcome::Failed);
        QCOMPARE(result.failedStep, QStringLiteral("migrate"));
        QCOMPARE(result.fault, Fault::Branch);
        QVERIFY2(result.reason.contains(QStringLiteral("migration up failed (Job storefront-up-")),
            qPrintable(result.reason));
        QVERIFY2(result.reason.contains(QStringLiteral("exit code 1")), qPrintable(result.reason));
        QVERIFY2(result.reason.contains(QStringLiteral("migrate: running 0042_orders_add_status")),
            qPrintable(result.reason));
        // Nothing of the app was applied.
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v1"));
        QCOMPARE(kubectl(QStringLiteral("local"),
                     { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"),
                         QStringLiteral("storefront"), QStringLiteral("-o"),
                         QStringLiteral("jsonpath={.metadata.generation}") }),
            before);

        const ReleaseRecord record = newest(ns);
        QCOMPARE(record.id, result.releaseId);
        QCOMPARE(record.result, ReleaseRecord::Result::Failed);
        QCOMPARE(record.migrations.size(), 1);
        QCOMPARE(record.migrations.first().result, ReleaseRecord::Migration::Result::Failed);
        QVERIFY(record.migrations.first().log.join(QLatin1Char('\n')).contains(QStringLiteral("migrate: running")));
        // A failed up is not undone: there is no down Job.
        int code = 0;
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("job"),
                MigrationJob::jobName(QStringLiteral("storefront"), record.id, QStringLiteral("down")) },
            &code);
        QVERIFY(code != 0);
    }

    void laterFailureRunsDownBeforeTheRestore()
    {
        const QString ns = m_world.newNamespace();
        Ecosystem ecosystem = ecosystemFor(ns);
        QVERIFY(DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v1")), m_world.options()).succeeded());

        ecosystem.systems.first().smokeCommands = { QStringLiteral("false") };
        QString log;
        const Delivery::Result result =
            DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v2")), m_world.options(), &log);
        QCOMPARE(result.outcome, Delivery::Outcome::RolledBack);
        QCOMPARE(result.failedStep, QStringLiteral("smoke"));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v1"));

        const ReleaseRecord record = newest(ns);
        QCOMPARE(record.id, result.releaseId);
        QCOMPARE(record.migrations.size(), 2);
        QCOMPARE(record.migrations[0].phase, QStringLiteral("up"));
        QCOMPARE(record.migrations[1].phase, QStringLiteral("down"));
        QCOMPARE(record.migrations[1].result, ReleaseRecord::Migration::Result::Succeeded);
        // Down with the new image, the one that knows the schema.
        const QJsonObject down = job(ns, record.migrations[1].job);
        QCOMPARE(containerOf(down).value(QLatin1String("image")).toString(), QStringLiteral("demo/storefront:v2"));
        QCOMPARE(
            containerOf(down).value(QLatin1String("command")).toArray(), QJsonArray::fromStringList(downCommand()));
        // ... while the new release still ran: nothing was restored before it ended.
        const qsizetype rollingBack = log.indexOf(QStringLiteral("rolling back to release"));
        const qsizetype undone = log.indexOf(QStringLiteral("storefront: migration down done"));
        QVERIFY2(rollingBack >= 0 && undone > rollingBack, qPrintable(log));
        QVERIFY2(!log.mid(rollingBack, undone - rollingBack).contains(QStringLiteral(" applied in ")), qPrintable(log));
        QVERIFY2(log.indexOf(QStringLiteral(" applied in "), undone) > undone, qPrintable(log));
    }

    void failedDownStopsTheRollback()
    {
        const QString ns = m_world.newNamespace();
        Ecosystem ecosystem = ecosystemFor(ns);
        QVERIFY(DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v1")), m_world.options()).succeeded());

        failMigration(ns, QStringLiteral("down"));
        ecosystem.systems.first().smokeCommands = { QStringLiteral("false") };
        const Delivery::Result result =
            DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v2")), m_world.options());
        QCOMPARE(result.outcome, Delivery::Outcome::Failed);
        QCOMPARE(result.failedStep, QStringLiteral("smoke"));
        const QString downJob =
            MigrationJob::jobName(QStringLiteral("storefront"), result.releaseId, QStringLiteral("down"));
        for (const QString &said : { QStringLiteral("not rolled back, a person must decide"),
                 QStringLiteral("migration down of release %1 failed (Job %2").arg(result.releaseId, downJob),
                 QStringLiteral("migrate: running 0042_orders_add_status"),
                 QStringLiteral("kubectl -n %1 delete job %2").arg(ns, downJob) })
            QVERIFY2(result.reason.contains(said), qPrintable(result.reason));
        // Not half rolled back: the new release still runs, with its schema.
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v2"));
        const ReleaseRecord record = newest(ns);
        QCOMPARE(record.id, result.releaseId);
        QCOMPARE(record.result, ReleaseRecord::Result::InProgress);
        QVERIFY2(record.reason.contains(QStringLiteral("the rollback stopped")), qPrintable(record.reason));
        QCOMPARE(record.migrations.size(), 2);
        QCOMPARE(record.migrations[1].result, ReleaseRecord::Migration::Result::Failed);
        const QStringList audited = auditResults();
        QVERIFY2(std::ranges::any_of(audited,
                     [](const QString &line) { return line.startsWith(QStringLiteral("rollback: stopped: ")); }),
            qPrintable(audited.join(QLatin1Char('\n'))));

        // The next delivery finds the release unfinished and tries its down
        // again: the failed Job stands, so it is refused until a person acts.
        ecosystem.systems.first().smokeCommands.clear();
        const Delivery::Result next =
            DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v3")), m_world.options());
        QCOMPARE(next.outcome, Delivery::Outcome::Failed);
        QVERIFY2(next.reason.contains(QStringLiteral("undoing its migrations stopped")), qPrintable(next.reason));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v2"));
    }

    // Two systems delivered together: the second one's up fails after the
    // first one's changed the schema, so the first one's down runs.
    void failedUpOfTheSecondSystemUndoesTheFirst()
    {
        const QString ns = m_world.newNamespace();
        Ecosystem ecosystem = ecosystemFor(ns);
        ecosystem.systems[1].migration = ecosystem.systems.first().migration;
        QCOMPARE(ecosystem.systems[1].name, QStringLiteral("catalog"));
        const auto both = [](const QString &tag) {
            return QList<Delivery::Target> { { QStringLiteral("storefront"), {},
                                                 QStringLiteral("demo/storefront:") + tag },
                { QStringLiteral("catalog"), {}, QStringLiteral("demo/catalog:") + tag } };
        };
        QVERIFY(DeliveryTestWorld::deliver(ecosystem, both(QStringLiteral("v1")), m_world.options()).succeeded());

        failMigration(ns, QStringLiteral("up"), QStringLiteral("catalog"));
        const Delivery::Result result =
            DeliveryTestWorld::deliver(ecosystem, both(QStringLiteral("v2")), m_world.options());
        QCOMPARE(result.outcome, Delivery::Outcome::RolledBack);
        QCOMPARE(result.failedStep, QStringLiteral("migrate"));
        QVERIFY2(result.reason.contains(QStringLiteral("catalog: migration up failed")), qPrintable(result.reason));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v1"));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v1"));
        const ReleaseRecord record = newest(ns);
        QCOMPARE(record.id, result.releaseId);
        QStringList ran;
        for (const ReleaseRecord::Migration &migration : record.migrations)
            ran.append(QStringLiteral("%1 %2 %3")
                    .arg(migration.system, migration.phase, ReleaseRecord::keyword(migration.result)));
        QCOMPARE(ran,
            QStringList({ QStringLiteral("storefront up succeeded"), QStringLiteral("catalog up failed"),
                QStringLiteral("storefront down succeeded") }));
    }

    // A delivery killed while its up ran leaves it "running" in its record:
    // the next delivery waits for that Job, and runs its down since it
    // completed, before restoring the last good release over it.
    void interruptedReleaseIsUndoneWithItsDown()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = ecosystemFor(ns);
        QVERIFY(DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v1")), m_world.options()).succeeded());
        const Delivery::Result second =
            DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v2")), m_world.options());
        QVERIFY(second.succeeded());
        ReleaseRecord killed = newest(ns);
        QCOMPARE(killed.id, second.releaseId);
        killed.result = ReleaseRecord::Result::InProgress;
        killed.migrations.first().result = ReleaseRecord::Migration::Result::Running;
        killed.migrations.first().log.clear();
        QVERIFY(!DeliveryTestWorld::storeFor(ns).save(killed).isError());

        QString log;
        const Delivery::Result third =
            DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v3")), m_world.options(), &log);
        QVERIFY2(third.succeeded(), qPrintable(third.reason));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v3"));
        const qsizetype undone = log.indexOf(QStringLiteral("storefront: migration down done"));
        QVERIFY2(undone >= 0 && log.indexOf(QStringLiteral("storefront: migration up runs as Job")) > undone,
            qPrintable(log));
        const QList<ReleaseRecord> records = DeliveryTestWorld::storeFor(ns).list();
        const auto interrupted =
            std::ranges::find_if(records, [&](const ReleaseRecord &record) { return record.id == second.releaseId; });
        QVERIFY(interrupted != records.end());
        QCOMPARE(interrupted->result, ReleaseRecord::Result::Interrupted);
        QCOMPARE(interrupted->migrations.size(), 2);
        // The up's end was looked up again, its log with it.
        QCOMPARE(interrupted->migrations[0].result, ReleaseRecord::Migration::Result::Succeeded);
        QVERIFY(!interrupted->migrations[0].log.isEmpty());
        QCOMPARE(interrupted->migrations[1].phase, QStringLiteral("down"));
        QCOMPARE(interrupted->migrations[1].result, ReleaseRecord::Migration::Result::Succeeded);
        QCOMPARE(containerOf(job(ns, interrupted->migrations[1].job)).value(QLatin1String("image")).toString(),
            QStringLiteral("demo/storefront:v2"));
    }

    void aPersonsRollbackRunsDown()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = ecosystemFor(ns);
        const Delivery::Result first =
            DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v1")), m_world.options());
        QVERIFY(first.succeeded());
        const Delivery::Result second =
            DeliveryTestWorld::deliver(ecosystem, storefront(QStringLiteral("v2")), m_world.options());
        QVERIFY(second.succeeded());

        ReleaseRollback::Options options;
        options.cluster = m_world.options().cluster;
        options.auditJournal = m_world.options().auditJournal;
        const ReleaseRollback::Result rolledBack = ReleaseRollback(ecosystem, QStringLiteral("test"), options).run();
        QVERIFY2(rolledBack.ok, qPrintable(rolledBack.error));
        QCOMPARE(rolledBack.restoredId, first.releaseId);
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v1"));

        const QList<ReleaseRecord> records = DeliveryTestWorld::storeFor(ns).list();
        QCOMPARE(records[0].restoredFrom, first.releaseId);
        // The restored release's own migrations are not the new record's.
        QVERIFY(records[0].migrations.isEmpty());
        QCOMPARE(records[1].id, second.releaseId);
        QCOMPARE(records[1].result, ReleaseRecord::Result::RolledBack);
        QCOMPARE(records[1].migrations.size(), 2);
        QCOMPARE(records[1].migrations[1].phase, QStringLiteral("down"));
        QCOMPARE(records[1].migrations[1].result, ReleaseRecord::Migration::Result::Succeeded);
        const QJsonObject down = job(ns, records[1].migrations[1].job);
        QCOMPARE(containerOf(down).value(QLatin1String("image")).toString(), QStringLiteral("demo/storefront:v2"));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryMigrations)
#include "tst_delivery_migrations.moc"
