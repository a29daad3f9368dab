// SPDX-License-Identifier: GPL-2.0-or-later
// A canary made from a Deployment, its replicas for a share, and its state
// written to and read back from annotations: no cluster needed.
#include "model/Labels.h"
#include "releases/CanaryDeployment.h"
#include "releases/CanaryState.h"
#include "releases/ReleaseRecord.h"

#include <QJsonDocument>
#include <QTest>

using namespace Shipyard;

class tst_CanaryDeployment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replicasForAShare_data()
    {
        QTest::addColumn<int>("share");
        QTest::addColumn<int>("old");
        QTest::addColumn<int>("expected");
        QTest::newRow("half beside four is four") << 50 << 4 << 4;
        QTest::newRow("a tenth beside nine is one") << 10 << 9 << 1;
        QTest::newRow("a quarter beside nine is three") << 25 << 9 << 3;
        QTest::newRow("never none: a tenth beside two") << 10 << 2 << 1;
        QTest::newRow("nine tenths beside one") << 90 << 1 << 9;
        QTest::newRow("a hundred is the main's own") << 100 << 3 << 3;
    }

    void replicasForAShare()
    {
        QFETCH(int, share);
        QFETCH(int, old);
        QFETCH(int, expected);
        QCOMPARE(CanaryDeployment::replicasFor(share, old), expected);
    }

    void canaryBesideTheMainDeployment()
    {
        const QJsonObject main = QJsonDocument::fromJson(R"({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "catalog", "labels": {"app": "catalog"},
                         "annotations": {"shipyard.dev/release": "r1"}},
            "spec": {"replicas": 4, "selector": {"matchLabels": {"app": "catalog"}},
                     "template": {"metadata": {"labels": {"app": "catalog"}},
                                  "spec": {"containers": [{"name": "catalog", "image": "demo/catalog:v2"}]}}}})")
                                     .object();
        const QJsonObject canary = CanaryDeployment::make(main, QStringLiteral("catalog"), 2);
        QCOMPARE(canary[QLatin1String("metadata")][QLatin1String("name")].toString(), QStringLiteral("catalog-canary"));
        QCOMPARE(canary[QLatin1String("spec")][QLatin1String("replicas")].toInt(), 2);
        // The main selector's labels stay, so the Service finds the canary's pods; the track sets them apart.
        const QJsonObject selector =
            canary[QLatin1String("spec")][QLatin1String("selector")][QLatin1String("matchLabels")].toObject();
        QCOMPARE(selector,
            (QJsonObject {
                { QStringLiteral("app"), QStringLiteral("catalog") }, { Labels::track, QStringLiteral("canary") } }));
        const QJsonObject podLabels =
            canary[QLatin1String("spec")][QLatin1String("template")][QLatin1String("metadata")][QLatin1String("labels")]
                .toObject();
        QCOMPARE(podLabels, selector);
        QCOMPARE(canary[QLatin1String("spec")][QLatin1String("template")][QLatin1String("spec")],
            main[QLatin1String("spec")][QLatin1String("template")][QLatin1String("spec")]);
        QVERIFY(CanaryDeployment::isCanary(canary));
        QVERIFY(!CanaryDeployment::isCanary(main));
        QCOMPARE(CanaryDeployment::selector(QStringLiteral("catalog")),
            QStringLiteral("shipyard.dev/track=canary,shipyard.dev/system=catalog"));
    }

    void stateSurvivesItsAnnotations()
    {
        CanaryState state;
        state.step = 2;
        state.stepCount = 3;
        state.share = 50;
        state.steps = { { 10, 1, 2, CanaryStepResult::Verdict::Passed, QStringLiteral("fine") },
            { 50, 2, 2, CanaryStepResult::Verdict::Holding, {} },
            { 100, 2, 0, CanaryStepResult::Verdict::Pending, {} } };
        state.paused = QStringLiteral("waiting for a person");
        QJsonObject annotations = state.annotations();
        annotations.insert(Labels::release, QStringLiteral("r1"));
        annotations.insert(Labels::canaryDecision, QStringLiteral("abort"));
        const QJsonObject deployment { { QStringLiteral("metadata"),
            QJsonObject { { QStringLiteral("name"), QStringLiteral("catalog-canary") },
                { QStringLiteral("labels"), QJsonObject { { Labels::system, QStringLiteral("catalog") } } },
                { QStringLiteral("annotations"), annotations } } } };
        const CanaryState read = CanaryState::read(deployment);
        QCOMPARE(read.system, QStringLiteral("catalog"));
        QCOMPARE(read.deployment, QStringLiteral("catalog-canary"));
        QCOMPARE(read.release, QStringLiteral("r1"));
        QCOMPARE(read.step, 2);
        QCOMPARE(read.stepCount, 3);
        QCOMPARE(read.share, 50);
        QCOMPARE(read.steps, state.steps);
        QCOMPARE(read.paused, state.paused);
        QCOMPARE(read.decision, QStringLiteral("abort"));
    }

    void recordKeepsTheSteps()
    {
        ReleaseRecord record;
        record.id = QStringLiteral("20261207-010000-000-abcd");
        record.time = QDateTime::currentDateTimeUtc();
        ReleaseRecord::SystemRelease system;
        system.system = QStringLiteral("catalog");
        system.canary = { { 10, 1, 2, CanaryStepResult::Verdict::Passed, QStringLiteral("fine") },
            { 100, 2, 0, CanaryStepResult::Verdict::Failed, QStringLiteral("rollout timed out") } };
        record.systems.append(system);
        const QJsonObject json = record.toJson();
        QCOMPARE(json[QLatin1String("systems")][0][QLatin1String("canary")][1][QLatin1String("verdict")].toString(),
            QStringLiteral("failed"));
        QCOMPARE(ReleaseRecord::fromJson(json)->systems.first().canary, system.canary);
        // A system without a canary says nothing of one.
        record.systems.first().canary.clear();
        QVERIFY(!record.toJson()[QLatin1String("systems")][0].toObject().contains(QLatin1String("canary")));
    }
};

QTEST_GUILESS_MAIN(tst_CanaryDeployment)
#include "tst_canarydeployment.moc"
