// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/SystemState.h"

#include <QJsonDocument>
#include <QTest>

using namespace Shipyard;

namespace {

QJsonObject deployment(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class tst_SystemState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shortTagShortensCommitIds()
    {
        SystemState state;
        state.tag = QStringLiteral("6a9e1aec641c8f29f3131f7e91d8d6bb3ab2f7c1");
        QCOMPARE(state.shortTag(), QStringLiteral("6a9e1aec641c"));
        state.tag = QStringLiteral("6a9e1aec641c8f29f3131f7e91d8d6bb3ab2f7c1-broken");
        QCOMPARE(state.shortTag(), QStringLiteral("6a9e1aec641c-broken"));
        state.tag = QStringLiteral("1.4.2");
        QCOMPARE(state.shortTag(), QStringLiteral("1.4.2"));
    }

    void health_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<SystemState::Health>("health");
        QTest::addColumn<QString>("tag");
        QTest::newRow("rolled out")
            << QByteArray(R"({"metadata":{"generation":2,"annotations":{"shipyard.dev/git-sha":"abc123"}},
            "spec":{"replicas":2,"template":{"spec":{"containers":[{"image":"127.0.0.1:5000/demo/api:v7"}]}}},
            "status":{"observedGeneration":2,"replicas":2,"updatedReplicas":2,"readyReplicas":2,"availableReplicas":2}})")
            << SystemState::Health::Healthy << "v7";
        QTest::newRow("not yet observed") << QByteArray(R"({"metadata":{"generation":3},
            "spec":{"replicas":2,"template":{"spec":{"containers":[{"image":"demo/api"}]}}},
            "status":{"observedGeneration":2,"replicas":2,"updatedReplicas":2,"readyReplicas":2,"availableReplicas":2}})")
                                          << SystemState::Health::Progressing << "latest";
        QTest::newRow("old replicas terminating") << QByteArray(R"({"metadata":{"generation":2},
            "spec":{"replicas":2,"template":{"spec":{"containers":[{"image":"demo/api@sha256:0123456789abcdef0123456789"}]}}},
            "status":{"observedGeneration":2,"replicas":3,"updatedReplicas":2,"readyReplicas":3,"availableReplicas":3}})")
                                                  << SystemState::Health::Progressing << "sha256:0123456789ab";
        QTest::newRow("deadline exceeded") << QByteArray(R"({"metadata":{"generation":2},
            "spec":{"replicas":1,"template":{"spec":{"containers":[{"image":"demo/api:v8-broken"}]}}},
            "status":{"observedGeneration":2,"replicas":2,"updatedReplicas":1,"readyReplicas":1,"availableReplicas":1,
              "conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded"}]}})")
                                           << SystemState::Health::Failed << "v8-broken";
    }
    void health()
    {
        QFETCH(QByteArray, json);
        QFETCH(SystemState::Health, health);
        QFETCH(QString, tag);
        const SystemState state = SystemState::fromDeployment(deployment(json));
        QCOMPARE(healthName(state.health), healthName(health));
        QCOMPARE(state.tag, tag);
        QVERIFY(!state.message.isEmpty());
    }

    void annotationsAndCounts()
    {
        const SystemState state = SystemState::fromDeployment(deployment(R"({"metadata":{"generation":1,
            "creationTimestamp":"2026-11-01T10:00:00Z","annotations":{"shipyard.dev/git-sha":"abc123",
            "shipyard.dev/tasks":"SHOP-1,SHOP-2","deployment.kubernetes.io/revision":"4"}},
            "spec":{"replicas":3,"template":{"spec":{"containers":[{"image":"demo/api:v1"}]}}},
            "status":{"observedGeneration":1,"replicas":3,"updatedReplicas":3,"readyReplicas":2,"availableReplicas":2}})"));
        QCOMPARE(state.gitSha, QStringLiteral("abc123"));
        QCOMPARE(state.tasks, QStringLiteral("SHOP-1,SHOP-2"));
        QCOMPARE(state.revision, 4);
        QCOMPARE(state.desired, 3);
        QCOMPARE(state.ready, 2);
        QCOMPARE(state.created, QDateTime(QDate(2026, 11, 1), QTime(10, 0), QTimeZone::UTC));
        QCOMPARE(healthName(state.health), QStringLiteral("progressing"));
    }
};

QTEST_GUILESS_MAIN(tst_SystemState)
#include "tst_systemstate.moc"
