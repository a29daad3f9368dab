// SPDX-License-Identifier: GPL-2.0-or-later
// A delivery hands out the states of the deployments it waits for (what the
// Pipeline view charts), against the local control plane: for every system,
// while it rolls out, and through the rollback of a broken image.
#include "DeliveryTestWorld.h"

#include "live/ReplicaTimeline.h"
#include "pipeline/Delivery.h"

#include <QHash>
#include <QSignalSpy>
#include <QTest>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

// The states a delivery emitted, recorded into one timeline per system as the Pipeline view does.
struct Recorded
{
    QHash<QString, int> states;
    QHash<QString, std::shared_ptr<ReplicaTimeline>> timelines;
    bool updatedBelowDesired = false;
};

QString describe(const ReplicaTimeline &timeline)
{
    QStringList rows;
    for (const ReplicaTimeline::Sample &sample : timeline.samples())
        rows.append(QStringLiteral("desired=%1 updated=%2 ready=%3 rev=%4 %5")
                .arg(sample.desired)
                .arg(sample.updated)
                .arg(sample.ready)
                .arg(sample.revision)
                .arg(ReplicaTimeline::describe(sample.events, sample.message)));
    return rows.join(QLatin1Char('\n'));
}

int rowWith(const ReplicaTimeline &timeline, ReplicaTimeline::Event event, int from = 0)
{
    for (int row = from; row < timeline.sampleCount(); ++row) {
        if (timeline.sample(row).events.testFlag(event))
            return row;
    }
    return -1;
}

} // namespace

class TestDeliveryRolloutStates : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;

    // Runs a delivery in this thread's event loop, recording what it emits.
    Delivery::Result deliver(const Ecosystem &ecosystem, const QList<Delivery::Target> &targets, Recorded *recorded)
    {
        Delivery delivery(ecosystem, QStringLiteral("test"), targets, m_world.options());
        QSignalSpy finished(&delivery, &Delivery::finished);
        QObject receiver;
        connect(&delivery, &Delivery::deploymentState, &receiver,
            [recorded](const QString &system, const QJsonObject &deployment) {
                ++recorded->states[system];
                std::shared_ptr<ReplicaTimeline> &timeline = recorded->timelines[system];
                if (!timeline) {
                    timeline = std::make_shared<ReplicaTimeline>();
                    timeline->setFirstStateStartsRollout(true);
                }
                timeline->record(deployment);
                const int desired = deployment[QLatin1String("spec")][QLatin1String("replicas")].toInt();
                recorded->updatedBelowDesired |=
                    deployment[QLatin1String("status")][QLatin1String("updatedReplicas")].toInt() < desired;
            });
        delivery.start();
        if (!finished.wait(300000))
            qFatal("the delivery did not end");
        delivery.wait();
        // Queued states emitted before finished() arrive before it; nothing after.
        QCoreApplication::processEvents();
        if (!delivery.result().succeeded())
            qInfo("%s", qPrintable(delivery.log()));
        return delivery.result();
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
    }

    void everySystemsRolloutIsReported()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = m_world.ecosystemFor(ns);
        Recorded first;
        QVERIFY(deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), &first).succeeded());
        QCOMPARE(first.timelines.size(), 3);

        Recorded second;
        const Delivery::Result result = deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v2")), &second);
        QVERIFY2(result.succeeded(), qPrintable(result.reason));
        QStringList systems = second.timelines.keys();
        systems.sort();
        QCOMPARE(systems,
            (QStringList { QStringLiteral("catalog"), QStringLiteral("mailer"), QStringLiteral("storefront") }));
        // Mid-rollout states were among them, not only the final one.
        QVERIFY(second.updatedBelowDesired);
        for (const QString &system : std::as_const(systems)) {
            const ReplicaTimeline &timeline = *second.timelines.value(system);
            qInfo("%s: %d states, %d samples", qPrintable(system), second.states.value(system), timeline.sampleCount());
            QVERIFY2(second.states.value(system) >= 2, qPrintable(system));
            QCOMPARE(rowWith(timeline, ReplicaTimeline::RolloutStarted), 0);
            const int completed = rowWith(timeline, ReplicaTimeline::RolloutCompleted);
            QVERIFY2(completed > 0, qPrintable(system + QLatin1Char('\n') + describe(timeline)));
            QCOMPARE(completed, timeline.sampleCount() - 1);
            const ReplicaTimeline::Sample &last = timeline.sample(completed);
            QCOMPARE(last.updated, last.desired);
            QCOMPARE(last.ready, last.desired);
            QCOMPARE(last.revision, 2);
        }
    }

    void brokenRolloutAndItsRollbackAreReported()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = m_world.ecosystemFor(ns);
        Recorded first;
        QVERIFY(deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), &first).succeeded());

        QList<Delivery::Target> targets = DeliveryTestWorld::images(QStringLiteral("v2"));
        targets[1].image = QStringLiteral("demo/catalog:v2-broken");
        Recorded broken;
        const Delivery::Result result = deliver(ecosystem, targets, &broken);
        QCOMPARE(result.outcome, Delivery::Outcome::RolledBack);
        const ReplicaTimeline &catalog = *broken.timelines.value(QStringLiteral("catalog"));
        // The broken rollout fails on its 8 s deadline, then the restore rolls out anew and ends well.
        const int failed = rowWith(catalog, ReplicaTimeline::RolloutFailed);
        QVERIFY2(failed > 0, qPrintable(describe(catalog)));
        QVERIFY2(catalog.sample(failed).message.contains(QStringLiteral("progress deadline")),
            qPrintable(catalog.sample(failed).message));
        const int restored = rowWith(catalog, ReplicaTimeline::RolloutStarted, failed + 1);
        QVERIFY2(restored > failed, qPrintable(describe(catalog)));
        const int completed = rowWith(catalog, ReplicaTimeline::RolloutCompleted, restored);
        QVERIFY2(completed >= restored, qPrintable(describe(catalog)));
        QCOMPARE(catalog.sample(completed).revision, 3);
        QCOMPARE(catalog.sample(completed).ready, catalog.sample(completed).desired);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryRolloutStates)
#include "tst_delivery_rolloutstates.moc"
