// SPDX-License-Identifier: GPL-2.0-or-later
// Deliveries end to end against the local control plane (fixture
// `localcluster`): each test case works in a namespace of its own.
#include "DeliveryTestWorld.h"

#include "kube/ClusterAccess.h"
#include "kube/LeaseLock.h"
#include "model/EcosystemLoader.h"
#include "pipeline/Delivery.h"
#include "pipeline/EnvironmentLock.h"
#include "pipeline/ReleaseRollback.h"
#include "releases/ReleaseStore.h"
#include "tracker/TrackerFactory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestDelivery : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;

    QString newNamespace() { return m_world.newNamespace(); }
    static void run(const QString &command, const QString &directory) { DeliveryTestWorld::run(command, directory); }
    Ecosystem ecosystemFor(const QString &ns, const QString &kind = QStringLiteral("local"),
        const QMap<QString, QString> &repositories = {})
    {
        return m_world.ecosystemFor(ns, kind, repositories);
    }
    Delivery::Options options() const { return m_world.options(); }
    static QList<Delivery::Target> images(const QString &tag) { return DeliveryTestWorld::images(tag); }
    static Delivery::Result deliver(const Ecosystem &ecosystem, const QList<Delivery::Target> &targets,
        const Delivery::Options &options, QString *log = nullptr)
    {
        return DeliveryTestWorld::deliver(ecosystem, targets, options, log);
    }
    static QString imageOf(const QString &ns, const QString &deployment)
    {
        return DeliveryTestWorld::imageOf(ns, deployment);
    }
    static ReleaseStore storeFor(const QString &ns) { return DeliveryTestWorld::storeFor(ns); }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
    }

    void healthyDeliveryRecordsARelease()
    {
        const QString ns = newNamespace();
        const Ecosystem ecosystem = ecosystemFor(ns);
        QElapsedTimer clock;
        clock.start();
        const Delivery::Result first = deliver(ecosystem, images(QStringLiteral("v1")), options());
        qInfo("delivery of 3 systems into an empty namespace: %lld ms", qint64(clock.elapsed()));
        QVERIFY2(first.succeeded(), qPrintable(first.reason));
        for (const QString &name :
            { QStringLiteral("storefront"), QStringLiteral("catalog"), QStringLiteral("mailer") })
            QCOMPARE(imageOf(ns, name), QStringLiteral("demo/%1:v1").arg(name));

        clock.restart();
        const Delivery::Result second = deliver(ecosystem, images(QStringLiteral("v2")), options());
        qInfo("delivery of 3 systems over a running release: %lld ms", qint64(clock.elapsed()));
        QVERIFY2(second.succeeded(), qPrintable(second.reason));
        QCOMPARE(imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v2"));
        const QString annotation = QString::fromUtf8(kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("catalog"),
                QStringLiteral("-o"), QStringLiteral("jsonpath={.metadata.annotations.shipyard\\.dev/release}") }));
        QCOMPARE(annotation, second.releaseId);

        KubeError error;
        const QList<ReleaseRecord> records = storeFor(ns).list(&error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        // The state before the first delivery, then the two deliveries, newest first.
        QCOMPARE(records.size(), 3);
        QCOMPARE(records[0].id, second.releaseId);
        QCOMPARE(records[1].id, first.releaseId);
        QVERIFY(records[2].system(QStringLiteral("catalog"))->objects.isEmpty());
        const ReleaseRecord::SystemRelease *catalog = records[0].system(QStringLiteral("catalog"));
        QVERIFY(catalog);
        QCOMPARE(catalog->image, QStringLiteral("demo/catalog:v2"));
        QCOMPARE(catalog->revision, 2);
        QCOMPARE(records[0].result, ReleaseRecord::Result::Succeeded);

        // A person goes back to the first release, exactly.
        ReleaseRollback::Options rollbackOptions;
        rollbackOptions.cluster = ClusterAccess::load(clusterKubeconfigPath());
        rollbackOptions.auditJournal = m_world.filePath(QStringLiteral("audit.jsonl"));
        clock.restart();
        const ReleaseRollback::Result rolledBack =
            ReleaseRollback(ecosystem, QStringLiteral("test"), rollbackOptions).run(first.releaseId);
        qInfo("manual rollback of 3 systems: %lld ms", qint64(clock.elapsed()));
        QVERIFY2(rolledBack.ok, qPrintable(rolledBack.error));
        for (const QString &name :
            { QStringLiteral("storefront"), QStringLiteral("catalog"), QStringLiteral("mailer") })
            QCOMPARE(imageOf(ns, name), QStringLiteral("demo/%1:v1").arg(name));
        const QList<ReleaseRecord> after = storeFor(ns).list();
        QCOMPARE(after.size(), 4);
        QCOMPARE(after[0].restoredFrom, first.releaseId);
        QCOMPARE(after[1].id, second.releaseId);
        QCOMPARE(after[1].result, ReleaseRecord::Result::RolledBack);
    }

    void brokenImageIsRolledBack()
    {
        const QString ns = newNamespace();
        const Ecosystem ecosystem = ecosystemFor(ns);
        QVERIFY(deliver(ecosystem, images(QStringLiteral("v1")), options()).succeeded());

        QList<Delivery::Target> targets = images(QStringLiteral("v2"));
        targets[1].image = QStringLiteral("demo/catalog:v2-broken");
        QElapsedTimer clock;
        clock.start();
        QString log;
        const Delivery::Result result = deliver(ecosystem, targets, options(), &log);
        qInfo("broken delivery, detection and rollback: %lld ms (rollback %lld ms)", qint64(clock.elapsed()),
            qint64(result.rollbackDuration.count()));
        QCOMPARE(result.outcome, Delivery::Outcome::RolledBack);
        QCOMPARE(result.failedStep, QStringLiteral("deploy"));
        QVERIFY2(result.reason.contains(QStringLiteral("catalog")), qPrintable(result.reason));
        for (const QString &name :
            { QStringLiteral("storefront"), QStringLiteral("catalog"), QStringLiteral("mailer") })
            QCOMPARE(imageOf(ns, name), QStringLiteral("demo/%1:v1").arg(name));
        const QList<ReleaseRecord> records = storeFor(ns).list();
        QCOMPARE(records.value(0).id, result.releaseId);
        QCOMPARE(records.value(0).result, ReleaseRecord::Result::Failed);
        QCOMPARE(records.value(0).system(QStringLiteral("catalog"))->image, QStringLiteral("demo/catalog:v2-broken"));
        QCOMPARE(storeFor(ns).latestGood()->id, result.previousReleaseId);
        // How it went, step by step, for any machine to show.
        bool deployFailed = false;
        for (const QJsonValue &step : records.value(0).steps) {
            if (step[QLatin1String("step")] == QLatin1String("deploy") &&
                step[QLatin1String("system")] == QLatin1String("catalog"))
                deployFailed = step[QLatin1String("state")] == QLatin1String("failed");
        }
        QVERIFY(deployFailed);
        // And its log up to the record, for any machine to show: what failed and the rollback.
        const QString kept = records.value(0).log.join(QLatin1Char('\n'));
        qInfo("log kept with the record: %lld lines, %lld bytes", qint64(records.value(0).log.size()),
            qint64(kept.toUtf8().size()));
        QVERIFY2(kept.contains(QStringLiteral("rolling back to release %1").arg(result.previousReleaseId)),
            qPrintable(kept));
        QVERIFY2(kept.contains(QStringLiteral("catalog")), qPrintable(kept));
        QVERIFY2(log.startsWith(kept), qPrintable(kept + QStringLiteral("\n---\n") + log));
        // When the rollback was done, for the time to restore.
        QVERIFY(records.value(0).restoredAt.isValid());
        QVERIFY(records.value(0).restoredAt >= records.value(0).time);
    }

    void conflictingBranchIsReturnedBeforeBuilding()
    {
        const QString ns = newNamespace();
        const QString root = m_world.filePath(ns + QStringLiteral("-git"));
        QDir().mkpath(root + QStringLiteral("/seed"));
        const QString git = QStringLiteral("git -c user.name=Test -c user.email=test@example.org ");
        run((copyTestSystemCommand(QStringLiteral("catalog"), QStringLiteral("seed")) +
                QStringLiteral(" && cd seed && git init -q -b main && %1 add -A && %1 commit -qm initial").arg(git)),
            root);
        run(QStringLiteral("git clone -q --bare seed upstream.git && git clone -q upstream.git clone"), root);
        run(QStringLiteral("git checkout -q -b feature/SHOP-7-prices && echo feature > src/price.txt && %1 add -A && "
                           "%1 commit -qm 'SHOP-7 prices'")
                .arg(git),
            root + QStringLiteral("/clone"));
        run(QStringLiteral("echo upstream > src/price.txt && %1 add -A && %1 commit -qm 'other prices' && git push -q "
                           "'%2' HEAD:main")
                .arg(git, root + QStringLiteral("/upstream.git")),
            root + QStringLiteral("/seed"));

        const Ecosystem ecosystem = ecosystemFor(
            ns, QStringLiteral("staging"), { { QStringLiteral("catalog"), root + QStringLiteral("/clone") } });
        const Delivery::Result result = deliver(
            ecosystem, { { QStringLiteral("catalog"), QStringLiteral("feature/SHOP-7-prices"), {} } }, options());
        QCOMPARE(result.outcome, Delivery::Outcome::Failed);
        QCOMPARE(result.failedStep, QStringLiteral("update"));
        QVERIFY2(result.reason.contains(QStringLiteral("src/price.txt")), qPrintable(result.reason));
        QCOMPARE(result.returnedTasks, QStringList { QStringLiteral("SHOP-7") });
        auto tracker = TrackerFactory::create(ecosystem);
        QVERIFY(tracker.tracker);
        QCOMPARE(tracker.tracker->task(QStringLiteral("SHOP-7")).task->status, QStringLiteral("In Progress"));
        // Nothing built, nothing applied, nothing recorded.
        int code = 0;
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"),
                QStringLiteral("catalog") },
            &code);
        QVERIFY(code != 0);
        QVERIFY(storeFor(ns).list().isEmpty());
    }

    void secondDeliveryFailsAtOnce()
    {
        const QString ns = newNamespace();
        const Ecosystem ecosystem = ecosystemFor(ns);

        // Another machine holds the environment.
        LeaseLock other(clusterClient(QStringLiteral("local")), ns, QStringLiteral("shipyard-delivery"),
            QStringLiteral("carol@elsewhere/4242"));
        auto taken = other.tryAcquireOrRenew();
        taken.waitForFinished();
        QVERIFY(taken.result().held());
        QElapsedTimer clock;
        clock.start();
        Delivery::Result refused = deliver(ecosystem, images(QStringLiteral("v1")), options());
        QCOMPARE(refused.outcome, Delivery::Outcome::Failed);
        QVERIFY2(refused.reason.contains(QStringLiteral("held by carol@elsewhere/4242")), qPrintable(refused.reason));
        QVERIFY(clock.elapsed() < 5000);
        auto released = other.release();
        released.waitForFinished();

        // Two deliveries of this process.
        Delivery first(ecosystem, QStringLiteral("test"), images(QStringLiteral("v1")), options());
        first.start();
        QTRY_VERIFY_WITH_TIMEOUT(first.steps().first().state != Delivery::State::Pending &&
                first.steps().first().state != Delivery::State::Running,
            20000);
        QCOMPARE(first.steps().first().state, Delivery::State::Succeeded);
        // Others see what the holder delivers (the queue and the Pipeline view show it).
        const EnvironmentLock::Status held = EnvironmentLock::read(clusterClient(QStringLiteral("local")), ns);
        QVERIFY2(held.reason.startsWith(QStringLiteral("deliver storefront=demo/storefront:v1, catalog=")),
            qPrintable(held.holder + QStringLiteral(": ") + held.reason));
        Delivery second(ecosystem, QStringLiteral("test"), images(QStringLiteral("v2")), options());
        second.start();
        QVERIFY(second.wait(std::chrono::seconds(10)));
        QCOMPARE(second.result().outcome, Delivery::Outcome::Failed);
        QVERIFY2(second.result().reason.contains(QStringLiteral("held by")), qPrintable(second.result().reason));
        // One that waits for the lock and is cancelled was cancelled, not failed: so says the audit.
        Delivery::Options waiting = options();
        waiting.waitForLock = true;
        Delivery third(ecosystem, QStringLiteral("test"), images(QStringLiteral("v3")), waiting);
        QStringList thirdLog;
        connect(&third, &Delivery::logLine, &third, [&thirdLog](const QString &line) { thirdLog.append(line); });
        third.start();
        QTRY_VERIFY_WITH_TIMEOUT(thirdLog.join(QLatin1Char('\n')).contains(QStringLiteral("waiting:")), 20000);
        third.cancel();
        QVERIFY(third.wait(std::chrono::seconds(10)));
        QCOMPARE(third.result().outcome, Delivery::Outcome::Cancelled);
        QFile journal(options().auditJournal);
        QVERIFY(journal.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = journal.readAll().trimmed().split('\n');
        const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
        QCOMPARE(last.value(QLatin1String("what")).toString(), QStringLiteral("deliver"));
        QVERIFY2(last.value(QLatin1String("result")).toString().startsWith(QStringLiteral("cancelled: ")),
            lines.last().constData());
        QVERIFY(first.wait(std::chrono::minutes(3)));
        QVERIFY2(first.result().succeeded(), qPrintable(first.result().reason));
        // Released at the end: the next one goes through.
        QVERIFY(deliver(ecosystem, images(QStringLiteral("v2")), options()).succeeded());
    }

    // A freeze window refuses a delivery before anything is asked of the
    // cluster; a person's reason lets it through, audited and recorded.
    void frozenEnvironmentRefusesUnlessAPersonSaysWhy()
    {
        const QString ns = newNamespace();
        Ecosystem ecosystem = ecosystemFor(ns);
        const FreezeWindow launch = DeliveryTestWorld::freezeAroundNow(QStringLiteral("the launch"));
        ecosystem.environments.first().freezes.append(launch);

        const Delivery::Result refused = deliver(ecosystem, images(QStringLiteral("v1")), options());
        QCOMPARE(refused.outcome, Delivery::Outcome::Failed);
        QCOMPARE(refused.failedStep, QStringLiteral("lock"));
        QVERIFY2(refused.reason.startsWith(QStringLiteral("test is frozen until ")), qPrintable(refused.reason));
        QVERIFY2(refused.reason.contains(QStringLiteral("(UTC): the launch; a person may deliver anyway")),
            qPrintable(refused.reason));
        QVERIFY(refused.returnedTasks.isEmpty());
        QCOMPARE(kubectl(QStringLiteral("local"),
                     { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployments,leases"),
                         QStringLiteral("-o"), QStringLiteral("name") })
                     .trimmed(),
            QByteArray());
        QFile journal(options().auditJournal);
        QVERIFY(journal.open(QIODevice::ReadOnly));
        const QJsonObject audited = QJsonDocument::fromJson(journal.readAll().trimmed().split('\n').last()).object();
        QVERIFY2(
            audited.value(QLatin1String("result")).toString().startsWith(QStringLiteral("refused: test is frozen")),
            QJsonDocument(audited).toJson().constData());
        journal.close();

        // Outside the window (the delivery's clock moved past it), no reason is asked.
        Delivery::Options later = options();
        later.clock = QDateTime(launch.toDate, QTime(0, 0), QTimeZone::UTC);
        QVERIFY(deliver(ecosystem, images(QStringLiteral("v1")), later).succeeded());

        Delivery::Options overriding = options();
        overriding.freezeOverride = QStringLiteral("the launch needs this fix");
        QString log;
        const Delivery::Result result = deliver(ecosystem, images(QStringLiteral("v2")), overriding, &log);
        QVERIFY2(result.succeeded(), qPrintable(result.reason));
        QVERIFY2(log.contains(QStringLiteral("delivered anyway: the launch needs this fix")), qPrintable(log));
        KubeError error;
        const ReleaseRecord record = storeFor(ns).list(&error).first();
        QVERIFY2(QJsonDocument(record.steps).toJson().contains("delivered anyway: the launch needs this fix"),
            QJsonDocument(record.steps).toJson().constData());
        QVERIFY(journal.open(QIODevice::ReadOnly));
        QVERIFY(journal.readAll().contains("\"freezeOverride\":\"the launch needs this fix\""));
    }

    void cancelAfterApplyRollsBack()
    {
        const QString ns = newNamespace();
        const Ecosystem ecosystem = ecosystemFor(ns);
        QVERIFY(deliver(ecosystem, images(QStringLiteral("v1")), options()).succeeded());
        QList<Delivery::Target> targets = images(QStringLiteral("v2"));
        targets[0].image = QStringLiteral("demo/storefront:v2-broken"); // keeps the rollout waiting
        Delivery delivery(ecosystem, QStringLiteral("test"), targets, options());
        delivery.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            imageOf(ns, QStringLiteral("storefront")) == QStringLiteral("demo/storefront:v2-broken"), 30000);
        delivery.cancel();
        QVERIFY(delivery.wait(std::chrono::minutes(2)));
        QCOMPARE(delivery.result().outcome, Delivery::Outcome::Cancelled);
        for (const QString &name :
            { QStringLiteral("storefront"), QStringLiteral("catalog"), QStringLiteral("mailer") })
            QCOMPARE(imageOf(ns, name), QStringLiteral("demo/%1:v1").arg(name));
    }
};

QTEST_GUILESS_MAIN(TestDelivery)
#include "tst_delivery.moc"
