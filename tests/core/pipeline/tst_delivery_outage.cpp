// SPDX-License-Identifier: GPL-2.0-or-later
// A delivery whose cluster's kube-apiserver dies while it waits for the
// rollout (`cluster restart prod-apiserver --outage`): the delivery fails
// with a clear reason instead of hanging, its rollback waits for the
// apiserver and restores the previous release, upstream is untouched, and
// the next delivery goes through without waiting for the lock. And one whose
// apiserver dies during the rollback itself: the rollback waits for it (the
// lock's renewals fail meanwhile, and come back) and restores all the same.
// The production cluster is used, as fewer tests use it; ctest runs this
// test alone (RUN_SERIAL).
#include "DeliveryTestWorld.h"

#include <QElapsedTimer>

#include <atomic>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestDeliveryOutage : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world { QStringLiteral("production") };

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
    }

    void apiserverDiesDuringTheRollout()
    {
        const QString ns = m_world.newNamespace();
        const QString root = m_world.filePath(ns + QStringLiteral("-git"));
        const QString git = QStringLiteral("git -c user.name=Dev -c user.email=dev@example.org ");
        DeliveryTestWorld::copyDemoSystem(QStringLiteral("catalog"), root + QStringLiteral("/seed"));
        DeliveryTestWorld::run(QStringLiteral("cd seed && git init -q -b main && %1 add -A && %1 commit -qm 1.0 && "
                                              "cd .. && git clone -q --bare seed upstream.git && git clone -q "
                                              "upstream.git clone && cd clone && git checkout -q -b "
                                              "feature/SHOP-7-stock && echo 3 > stock && %1 add -A && %1 commit -qm "
                                              "'SHOP-7 stock'")
                                   .arg(git),
            root);
        // After an outage every informer of the controller-manager, the
        // scheduler and kwok reconnects with its own backoff (up to 30 s
        // each, one after the other for a rollout): the restore gets a
        // rollout timeout that is short only for a production cluster.
        const Ecosystem ecosystem = m_world.ecosystemFor(ns, QStringLiteral("staging"),
            { { QStringLiteral("catalog"), root + QStringLiteral("/clone") } },
            QStringLiteral("rollback:\n  rolloutTimeout: 180s\n  keepReleases: 5\n"));
        const QString upstream = root + QStringLiteral("/upstream.git");
        const QString upstreamBefore = DeliveryTestWorld::output(QStringLiteral("git rev-parse main"), upstream);

        Delivery::Options options = m_world.options();
        options.leaseDuration = std::chrono::seconds(5);
        QVERIFY(DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), options)
                .succeeded());

        // The storefront's image never becomes ready: the delivery waits in its rollout.
        QList<Delivery::Target> targets = DeliveryTestWorld::images(QStringLiteral("v2"));
        targets[0].image = QStringLiteral("demo/storefront:v2-broken");
        targets[1].branch = QStringLiteral("feature/SHOP-7-stock");
        Delivery delivery(ecosystem, QStringLiteral("test"), targets, options);
        delivery.start();
        QTRY_VERIFY_WITH_TIMEOUT(DeliveryTestWorld::imageOf(ns, QStringLiteral("storefront"),
                                     QStringLiteral("production")) == QStringLiteral("demo/storefront:v2-broken"),
            60000);

        QProcess outage;
        outage.setProcessChannelMode(QProcess::ForwardedChannels);
        outage.start(QStringLiteral(SHIPYARD_SOURCE_DIR "/packaging/localcluster/cluster"),
            { QStringLiteral("restart"), QStringLiteral("prod-apiserver"), QStringLiteral("--grace"),
                QStringLiteral("0"), QStringLiteral("--outage"), QStringLiteral("15") });
        QElapsedTimer clock;
        clock.start();
        QVERIFY(delivery.wait(std::chrono::minutes(6)));
        const Delivery::Result result = delivery.result();
        qInfo("the delivery ended %lld ms into the outage: %s: %s", qint64(clock.elapsed()),
            qPrintable(Delivery::keyword(result.outcome)), qPrintable(result.reason));
        // The rollout wait gives up on the unreachable cluster; the rollback
        // waits for it to come back and restores v1.
        QCOMPARE(result.outcome, Delivery::Outcome::RolledBack);
        QCOMPARE(result.failedStep, QStringLiteral("deploy"));
        QVERIFY2(result.reason.contains(QLatin1String("Cannot connect")), qPrintable(result.reason));
        for (const QString &name : DeliveryTestWorld::systemNames())
            QCOMPARE(DeliveryTestWorld::imageOf(ns, name, QStringLiteral("production")),
                QStringLiteral("demo/%1:v1").arg(name));
        QCOMPARE(DeliveryTestWorld::output(QStringLiteral("git rev-parse main"), upstream), upstreamBefore);

        QVERIFY(outage.waitForFinished(180000));
        QCOMPARE(outage.exitCode(), 0);
        // The lock was released or has expired: a person restores v1 without waiting.
        QTest::qWait(int(std::chrono::milliseconds(options.leaseDuration).count()));
        const Delivery::Result restored =
            DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), options);
        QVERIFY2(restored.succeeded(), qPrintable(restored.reason));
        for (const QString &name : DeliveryTestWorld::systemNames())
            QCOMPARE(DeliveryTestWorld::imageOf(ns, name, QStringLiteral("production")),
                QStringLiteral("demo/%1:v1").arg(name));
    }

    void apiserverDiesDuringTheRollback()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = m_world.ecosystemFor(
            ns, QStringLiteral("local"), {}, QStringLiteral("rollback:\n  rolloutTimeout: 180s\n  keepReleases: 5\n"));
        Delivery::Options options = m_world.options();
        options.leaseDuration = std::chrono::seconds(5);
        QVERIFY(DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), options)
                .succeeded());

        // The storefront's image never becomes ready; its 8 s progress
        // deadline fails the rollout and the rollback begins.
        QList<Delivery::Target> targets = DeliveryTestWorld::images(QStringLiteral("v2"));
        targets[0].image = QStringLiteral("demo/storefront:v2-broken");
        Delivery delivery(ecosystem, QStringLiteral("test"), targets, options);
        std::atomic_bool rollingBack { false };
        QObject::connect(
            &delivery, &Delivery::stepStateChanged, &delivery,
            [&rollingBack](Delivery::Step step, const QString &, Delivery::State state) {
                if (step == Delivery::Step::Rollback && state == Delivery::State::Running)
                    rollingBack = true;
            },
            Qt::DirectConnection);
        delivery.start();
        QTRY_VERIFY_WITH_TIMEOUT(rollingBack, 120000);
        QProcess outage;
        outage.setProcessChannelMode(QProcess::ForwardedChannels);
        outage.start(QStringLiteral(SHIPYARD_SOURCE_DIR "/packaging/localcluster/cluster"),
            { QStringLiteral("restart"), QStringLiteral("prod-apiserver"), QStringLiteral("--grace"),
                QStringLiteral("0"), QStringLiteral("--outage"), QStringLiteral("15") });
        QVERIFY(delivery.wait(std::chrono::minutes(6)));
        const Delivery::Result result = delivery.result();
        QVERIFY2(result.outcome == Delivery::Outcome::RolledBack,
            qPrintable(result.reason + QLatin1Char('\n') + delivery.log()));
        QCOMPARE(result.failedStep, QStringLiteral("deploy"));
        QCOMPARE(result.fault, Fault::Branch);
        QVERIFY(outage.waitForFinished(180000));
        QCOMPARE(outage.exitCode(), 0);
        for (const QString &name : DeliveryTestWorld::systemNames())
            QCOMPARE(DeliveryTestWorld::imageOf(ns, name, QStringLiteral("production")),
                QStringLiteral("demo/%1:v1").arg(name));
        const QList<ReleaseRecord> records = DeliveryTestWorld::storeFor(ns, QStringLiteral("production")).list();
        QVERIFY(!records.isEmpty());
        QCOMPARE(records.first().id, result.releaseId);
        QCOMPARE(records.first().result, ReleaseRecord::Result::Failed);
        QVERIFY(records.first().restoredAt.isValid());
    }
};

QTEST_GUILESS_MAIN(TestDeliveryOutage)
#include "tst_delivery_outage.moc"
