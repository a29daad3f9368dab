// SPDX-License-Identifier: GPL-2.0-or-later
// ReplicaTimeline on Deployment states shaped as the API server serves them:
// what counts as a rollout's start and end, which states add a row, and the
// bounds on what it keeps. The end-to-end proof against the local control
// plane is tests/ui/delivery/tst_rolloutchart_live.cpp.
#include "live/ReplicaTimeline.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Shipyard;

namespace {

struct State
{
    qint64 generation = 1;
    qint64 observed = 1;
    QString image = QStringLiteral("demo/app:1");
    qint64 revision = 1;
    int replicas = 4;
    int total = 4; // status.replicas: old and new pods
    int updated = 4;
    int ready = 4;
    int available = 4;
    int unavailable = 0;
    QString deadlineExceededAt; // a Progressing=False condition's lastUpdateTime
    QString name = QStringLiteral("app");
    QString uid = QStringLiteral("uid-1");
};

QJsonObject deployment(const State &state)
{
    QJsonObject status { { QStringLiteral("observedGeneration"), state.observed },
        { QStringLiteral("replicas"), state.total }, { QStringLiteral("updatedReplicas"), state.updated },
        { QStringLiteral("readyReplicas"), state.ready }, { QStringLiteral("availableReplicas"), state.available },
        { QStringLiteral("unavailableReplicas"), state.unavailable } };
    if (!state.deadlineExceededAt.isEmpty()) {
        status.insert(QStringLiteral("conditions"),
            QJsonArray { QJsonObject { { QStringLiteral("type"), QStringLiteral("Progressing") },
                { QStringLiteral("status"), QStringLiteral("False") },
                { QStringLiteral("reason"), QStringLiteral("ProgressDeadlineExceeded") },
                { QStringLiteral("lastUpdateTime"), state.deadlineExceededAt } } });
    }
    return QJsonObject {
        { QStringLiteral("metadata"),
            QJsonObject { { QStringLiteral("name"), state.name }, { QStringLiteral("namespace"), QStringLiteral("ns") },
                { QStringLiteral("uid"), state.uid }, { QStringLiteral("generation"), state.generation },
                { QStringLiteral("annotations"),
                    QJsonObject { { QStringLiteral("deployment.kubernetes.io/revision"),
                        QString::number(state.revision) } } } } },
        { QStringLiteral("spec"),
            QJsonObject { { QStringLiteral("replicas"), state.replicas },
                { QStringLiteral("template"),
                    QJsonObject { { QStringLiteral("metadata"),
                                      QJsonObject { { QStringLiteral("labels"),
                                          QJsonObject { { QStringLiteral("app"), QStringLiteral("app") },
                                              { QStringLiteral("pod-template-hash"),
                                                  QStringLiteral("h%1").arg(state.revision) } } } } },
                        { QStringLiteral("spec"),
                            QJsonObject { { QStringLiteral("containers"),
                                QJsonArray { QJsonObject { { QStringLiteral("name"), QStringLiteral("app") },
                                    { QStringLiteral("image"), state.image } } } } } } } } } },
        { QStringLiteral("status"), status },
    };
}

const QDateTime t0 = QDateTime(QDate(2026, 11, 22), QTime(12, 0), QTimeZone::UTC);

QList<int> column(const ReplicaTimeline &timeline, int column)
{
    QList<int> values;
    for (int row = 0; row < timeline.rowCount(); ++row)
        values.append(timeline.index(row, column).data(ReplicaTimeline::ValueRole).toInt());
    return values;
}

} // namespace

class tst_ReplicaTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void imageChangeIsARolloutWithADip()
    {
        ReplicaTimeline timeline;
        QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy started(&timeline, &ReplicaTimeline::rolloutStarted);
        QSignalSpy ended(&timeline, &ReplicaTimeline::rolloutEnded);
        State state;
        QVERIFY(timeline.record(deployment(state), t0));
        QVERIFY(!timeline.isRollingOut());
        // The same counts again (a condition's time moved): nothing to draw.
        QVERIFY(!timeline.record(deployment(state), t0.addSecs(1)));

        // The image changes; the controller has not seen it yet.
        state.image = QStringLiteral("demo/app:2");
        state.generation = 2;
        QVERIFY(timeline.record(deployment(state), t0.addSecs(10)));
        QCOMPARE(started.size(), 1);
        QVERIFY(timeline.isRollingOut());
        // Then it has: a new revision, one new pod, one old one gone (maxUnavailable 1).
        state.observed = 2;
        state.revision = 2;
        state.updated = 1;
        state.total = 5;
        state.ready = 3;
        state.available = 3;
        state.unavailable = 2;
        QVERIFY(timeline.record(deployment(state), t0.addSecs(11)));
        QCOMPARE(started.size(), 1); // the revision's move belongs to the same rollout
        state.updated = 4;
        state.total = 4;
        state.ready = 4;
        state.available = 4;
        state.unavailable = 0;
        QVERIFY(timeline.record(deployment(state), t0.addSecs(15)));
        QCOMPARE(ended.size(), 1);
        QVERIFY(ended.first().at(0).toBool());
        QVERIFY2(ended.first().at(1).toString().contains(QStringLiteral("successfully rolled out")),
            qPrintable(ended.first().at(1).toString()));
        QVERIFY(!timeline.isRollingOut());

        QCOMPARE(timeline.rowCount(), 4);
        QCOMPARE(column(timeline, ReplicaTimeline::ReadyColumn), (QList<int> { 4, 4, 3, 4 }));
        QCOMPARE(column(timeline, ReplicaTimeline::UpdatedColumn), (QList<int> { 4, 4, 1, 4 }));
        QCOMPARE(column(timeline, ReplicaTimeline::DesiredColumn), (QList<int> { 4, 4, 4, 4 }));
        QCOMPARE(column(timeline, ReplicaTimeline::RevisionColumn), (QList<int> { 1, 1, 2, 2 }));
        QCOMPARE(timeline.sample(1).events, ReplicaTimeline::Events(ReplicaTimeline::RolloutStarted));
        QCOMPARE(timeline.sample(3).events, ReplicaTimeline::Events(ReplicaTimeline::RolloutCompleted));
        QCOMPARE(timeline.index(1, ReplicaTimeline::EventColumn).data().toString(), QStringLiteral("rollout started"));
        QCOMPARE(timeline.index(2, ReplicaTimeline::TimeColumn).data(ReplicaTimeline::ValueRole).toDateTime(),
            t0.addSecs(11));
    }

    void scaleIsNoRollout()
    {
        ReplicaTimeline timeline;
        QSignalSpy started(&timeline, &ReplicaTimeline::rolloutStarted);
        State state;
        timeline.record(deployment(state), t0);
        state.replicas = 6;
        state.generation = 2;
        QVERIFY(timeline.record(deployment(state), t0.addSecs(1)));
        state.observed = 2;
        state.total = state.updated = state.ready = state.available = 6;
        QVERIFY(timeline.record(deployment(state), t0.addSecs(3)));
        QCOMPARE(started.size(), 0);
        QCOMPARE(column(timeline, ReplicaTimeline::DesiredColumn), (QList<int> { 4, 6, 6 }));
        QCOMPARE(column(timeline, ReplicaTimeline::ReadyColumn), (QList<int> { 4, 4, 6 }));
    }

    void revisionMoveAloneIsARollout()
    {
        // An undo seen only once the controller gave it its revision (a coalesced watch).
        ReplicaTimeline timeline;
        QSignalSpy started(&timeline, &ReplicaTimeline::rolloutStarted);
        State state;
        state.revision = 2;
        timeline.record(deployment(state), t0);
        state.revision = 3;
        state.updated = 0;
        QVERIFY(timeline.record(deployment(state), t0.addSecs(1)));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().at(0).toLongLong(), 3);
    }

    void progressDeadlineFailsTheRollout()
    {
        ReplicaTimeline timeline;
        QSignalSpy ended(&timeline, &ReplicaTimeline::rolloutEnded);
        State state;
        // The previous rollout failed long ago: its condition is still there.
        state.deadlineExceededAt = t0.addSecs(-600).toString(Qt::ISODate);
        timeline.record(deployment(state), t0);
        state.image = QStringLiteral("demo/app:2-broken");
        state.generation = state.observed = 2;
        state.revision = 2;
        state.updated = 1;
        state.total = 5;
        state.ready = state.available = 3;
        state.unavailable = 2;
        QVERIFY(timeline.record(deployment(state), t0.addSecs(10)));
        QCOMPARE(ended.size(), 0); // the old deadline is not this rollout's
        state.deadlineExceededAt = t0.addSecs(20).toString(Qt::ISODate);
        QVERIFY(timeline.record(deployment(state), t0.addSecs(20)));
        QCOMPARE(ended.size(), 1);
        QVERIFY(!ended.first().at(0).toBool());
        QVERIFY2(ended.first().at(1).toString().contains(QStringLiteral("exceeded its progress deadline")),
            qPrintable(ended.first().at(1).toString()));
        QCOMPARE(timeline.sample(timeline.sampleCount() - 1).events,
            ReplicaTimeline::Events(ReplicaTimeline::RolloutFailed));
        QVERIFY(!timeline.isRollingOut());
        QVERIFY(timeline.index(timeline.rowCount() - 1, ReplicaTimeline::EventColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("rollout failed: ")));
    }

    void firstStateOfADeliveryStartsTheRollout()
    {
        State state;
        state.generation = 2;
        state.updated = 0;
        // Picked up by a watch at any time: when this rollout began is unknown.
        ReplicaTimeline watched;
        watched.record(deployment(state), t0);
        QVERIFY(watched.isRollingOut());
        QCOMPARE(watched.sample(0).events, ReplicaTimeline::Events());
        // Read right after a delivery applied it: it began there.
        ReplicaTimeline delivered;
        delivered.setFirstStateStartsRollout(true);
        delivered.record(deployment(state), t0);
        QCOMPARE(delivered.sample(0).events, ReplicaTimeline::Events(ReplicaTimeline::RolloutStarted));
        // The controller takes it up: a new revision, the same rollout.
        state.observed = 2;
        state.revision = 2;
        state.updated = 4;
        QVERIFY(delivered.record(deployment(state), t0.addSecs(2)));
        QCOMPARE(delivered.sample(1).events, ReplicaTimeline::Events(ReplicaTimeline::RolloutCompleted));
        // Nothing under way: nothing started.
        ReplicaTimeline settled;
        settled.setFirstStateStartsRollout(true);
        settled.record(deployment(state), t0);
        QCOMPARE(settled.sample(0).events, ReplicaTimeline::Events());
    }

    void otherDeploymentsAndRecreation()
    {
        ReplicaTimeline timeline;
        QSignalSpy started(&timeline, &ReplicaTimeline::rolloutStarted);
        State state;
        timeline.record(deployment(state), t0);
        QCOMPARE(timeline.deployment(), QStringLiteral("ns/app"));
        State other;
        other.name = QStringLiteral("web");
        other.ready = 1;
        QVERIFY(!timeline.record(deployment(other), t0.addSecs(1)));
        // Deleted and made anew under the same name: a rollout from nothing.
        state.uid = QStringLiteral("uid-2");
        state.ready = state.available = state.updated = 0;
        state.unavailable = 4;
        QVERIFY(timeline.record(deployment(state), t0.addSecs(2)));
        QCOMPARE(started.size(), 1);
        timeline.clear();
        QCOMPARE(timeline.rowCount(), 0);
        QVERIFY(timeline.record(deployment(other), t0.addSecs(3)));
        QCOMPARE(timeline.deployment(), QStringLiteral("ns/web"));
    }

    void boundedByCountAndAge()
    {
        ReplicaTimeline timeline;
        QAbstractItemModelTester tester(&timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
        timeline.setLimits(5, std::chrono::hours(1));
        State state;
        for (int i = 0; i < 12; ++i) {
            state.ready = i % 2 ? 3 : 4;
            QVERIFY(timeline.record(deployment(state), t0.addSecs(i)));
        }
        QCOMPARE(timeline.rowCount(), 5);
        QCOMPARE(timeline.sample(0).time, t0.addSecs(7));
        QCOMPARE(timeline.sample(4).time, t0.addSecs(11));

        // Ten minutes apart with half an hour kept: the newest four remain.
        timeline.clear();
        timeline.setLimits(100, std::chrono::minutes(30));
        for (int i = 0; i < 10; ++i) {
            state.ready = i % 2 ? 3 : 4;
            timeline.record(deployment(state), t0.addSecs(600 * i));
        }
        QCOMPARE(timeline.rowCount(), 4);
        QCOMPARE(timeline.sample(0).time, t0.addSecs(600 * 6));
    }
};

QTEST_GUILESS_MAIN(tst_ReplicaTimeline)
#include "tst_replicatimeline.moc"
