// SPDX-License-Identifier: GPL-2.0-or-later
// Rollout undo, status and history compared field by field with kubectl
// acting on a twin deployment that went through the same history.
#include "ClusterTestSupport.h"

#include "kube/DeploymentRollout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

template<typename T> T result(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

} // namespace

class TestDeploymentRollout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        m_client = clusterClient(QStringLiteral("local"));
        m_ns = QStringLiteral("shipyard-rollout-%1").arg(QRandomGenerator::global()->bounded(100000));
        kubectl(QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns });
        for (const QString &name : { QStringLiteral("ours"), QStringLiteral("twin") }) {
            kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), m_ns, QStringLiteral("create"), QStringLiteral("deployment"), name,
                    QStringLiteral("--image=registry.example/app:1"), QStringLiteral("--replicas=2") });
            // Three revisions, the second with a change-cause and an annotation of its own.
            waitRolledOut(name);
            kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), m_ns, QStringLiteral("set"), QStringLiteral("image"),
                    QStringLiteral("deployment/") + name, QStringLiteral("*=registry.example/app:2") });
            kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), m_ns, QStringLiteral("annotate"), QStringLiteral("deployment/") + name,
                    QStringLiteral("kubernetes.io/change-cause=to version 2"), QStringLiteral("team=shop") });
            waitRolledOut(name);
            kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), m_ns, QStringLiteral("set"), QStringLiteral("image"),
                    QStringLiteral("deployment/") + name, QStringLiteral("*=registry.example/app:3") });
            kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), m_ns, QStringLiteral("annotate"), QStringLiteral("--overwrite"),
                    QStringLiteral("deployment/") + name, QStringLiteral("kubernetes.io/change-cause=to version 3"),
                    QStringLiteral("team-") });
            waitRolledOut(name);
        }
    }

    void cleanupTestCase()
    {
        if (!m_ns.isEmpty())
            kubectl(QStringLiteral("local"),
                { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void history()
    {
        const RolloutHistory history = result(DeploymentRollout(m_client, m_ns, QStringLiteral("ours")).history());
        QVERIFY(!history.error.isError());
        QCOMPARE(history.revisions.size(), 3);
        QCOMPARE(history.revisions[1].changeCause, QStringLiteral("to version 2"));
        QCOMPARE(history.revisions[2].revision, 3);
    }

    void undoLikeKubectl_data()
    {
        QTest::addColumn<int>("toRevision");
        QTest::addColumn<QString>("expected");
        QTest::newRow("previous") << 0 << QStringLiteral("rolled back");
        QTest::newRow("explicit revision 1") << 1 << QStringLiteral("rolled back");
        // revision 1 came back as revision 5 (max + 1)
        QTest::newRow("already at that revision") << 5 << QStringLiteral("skipped rollback");
        QTest::newRow("previous again") << 0 << QStringLiteral("rolled back");
    }

    void undoLikeKubectl()
    {
        QFETCH(int, toRevision);
        QFETCH(QString, expected);
        const RolloutResult ours = result(DeploymentRollout(m_client, m_ns, QStringLiteral("ours")).undo(toRevision));
        int exitCode = -1;
        const QString theirs = QString::fromUtf8(
            kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), m_ns, QStringLiteral("rollout"), QStringLiteral("undo"),
                    QStringLiteral("deployment/twin"), QStringLiteral("--to-revision=%1").arg(toRevision) },
                &exitCode))
                                   .trimmed();
        QVERIFY2(ours.ok(), qPrintable(ours.error.message));
        QCOMPARE(exitCode, 0);
        QVERIFY2(ours.message.contains(expected), qPrintable(ours.message));
        // Same words as kubectl, but for the name.
        QCOMPARE(ours.message, QString(theirs).replace(QLatin1String("/twin"), QLatin1String("/ours")));
        waitRolledOut(QStringLiteral("ours"));
        waitRolledOut(QStringLiteral("twin"));

        // kubectl create deployment labels with app=NAME; the rest must be identical.
        const QJsonObject a = withoutName(deployment(QStringLiteral("ours")), QStringLiteral("ours"));
        const QJsonObject b = withoutName(deployment(QStringLiteral("twin")), QStringLiteral("twin"));
        QCOMPARE(
            a[QLatin1String("spec")][QLatin1String("template")], b[QLatin1String("spec")][QLatin1String("template")]);
        QCOMPARE(a[QLatin1String("metadata")][QLatin1String("annotations")],
            b[QLatin1String("metadata")][QLatin1String("annotations")]);
        QCOMPARE(a[QLatin1String("metadata")][QLatin1String("generation")],
            b[QLatin1String("metadata")][QLatin1String("generation")]);
        QCOMPARE(historyOf(QStringLiteral("ours")), historyOf(QStringLiteral("twin")));
    }

    void undoRefusesPausedDeployments()
    {
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("rollout"), QStringLiteral("pause"),
                QStringLiteral("deployment/ours") });
        const RolloutResult ours = result(DeploymentRollout(m_client, m_ns, QStringLiteral("ours")).undo(0));
        QVERIFY(!ours.ok());
        QVERIFY(ours.message.startsWith(QLatin1String("you cannot rollback a paused deployment")));
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("rollout"), QStringLiteral("resume"),
                QStringLiteral("deployment/ours") });
    }

    void statusRules_data()
    {
        QTest::addColumn<QByteArray>("deployment");
        QTest::addColumn<bool>("done");
        QTest::addColumn<QString>("message");
        const auto row = [](int generation, int observed, int replicas, int updated, int total, int available) {
            return QJsonDocument(
                QJsonObject { { QStringLiteral("metadata"),
                                  QJsonObject { { QStringLiteral("name"), QStringLiteral("web") },
                                      { QStringLiteral("generation"), generation } } },
                    { QStringLiteral("spec"), QJsonObject { { QStringLiteral("replicas"), replicas } } },
                    { QStringLiteral("status"),
                        QJsonObject { { QStringLiteral("observedGeneration"), observed },
                            { QStringLiteral("updatedReplicas"), updated }, { QStringLiteral("replicas"), total },
                            { QStringLiteral("availableReplicas"), available } } } })
                .toJson();
        };
        QTest::newRow("spec not observed yet")
            << row(2, 1, 3, 3, 3, 3) << false << QStringLiteral("Waiting for deployment spec update to be observed...");
        QTest::newRow("updating") << row(2, 2, 3, 1, 4, 1) << false
                                  << QStringLiteral("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new "
                                                    "replicas have been updated...");
        QTest::newRow("old pending termination")
            << row(2, 2, 3, 3, 4, 3) << false
            << QStringLiteral("Waiting for deployment \"web\" rollout to finish: 1 "
                              "old replicas are pending termination...");
        QTest::newRow("not available") << row(2, 2, 3, 3, 3, 2) << false
                                       << QStringLiteral("Waiting for deployment \"web\" rollout to finish: 2 of 3 "
                                                         "updated replicas are available...");
        QTest::newRow("done") << row(2, 2, 3, 3, 3, 3) << true
                              << QStringLiteral("deployment \"web\" successfully rolled out");
    }

    void statusRules()
    {
        QFETCH(QByteArray, deployment);
        QFETCH(bool, done);
        QFETCH(QString, message);
        const RolloutResult status = DeploymentRollout::evaluateStatus(QJsonDocument::fromJson(deployment).object());
        QCOMPARE(status.done, done);
        QCOMPARE(status.message, message);
    }

    // A rollback applied over a timed-out rollout: until the controller sees
    // progress it keeps the old condition, which must not fail the new wait.
    void staleProgressDeadlineIsThePreviousRollouts()
    {
        QJsonObject deployment = QJsonDocument::fromJson(R"({
            "metadata": {"name": "mailer", "generation": 3},
            "spec": {"replicas": 1},
            "status": {"observedGeneration": 3, "replicas": 2, "updatedReplicas": 1, "availableReplicas": 1,
                "conditions": [{"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded",
                                "lastUpdateTime": "2026-11-22T10:31:21Z"}]}})")
                                     .object();
        const QDateTime timedOut = QDateTime::fromString(QStringLiteral("2026-11-22T10:31:21Z"), Qt::ISODate);
        QVERIFY(DeploymentRollout::evaluateStatus(deployment).error.isError());
        QVERIFY(DeploymentRollout::evaluateStatus(deployment, timedOut.addSecs(-30)).error.isError());
        // The rollback was applied in the same second, or later.
        for (const QDateTime &changedAt : { timedOut.addMSecs(400), timedOut.addSecs(2) }) {
            const RolloutResult waiting = DeploymentRollout::evaluateStatus(deployment, changedAt);
            QVERIFY(!waiting.error.isError());
            QVERIFY(!waiting.done);
            QCOMPARE(waiting.message,
                QStringLiteral("Waiting for deployment \"mailer\" rollout to finish: 1 old replicas are pending "
                               "termination..."));
        }
    }

    void statusAgainstTheServer()
    {
        const RolloutResult status =
            result(DeploymentRollout(m_client, m_ns, QStringLiteral("ours")).status(std::chrono::seconds(60)));
        QVERIFY2(status.done, qPrintable(status.message));
        QCOMPARE(status.message, QStringLiteral("deployment \"ours\" successfully rolled out"));
    }

    // A rollout that cannot finish says why in its pods' words, whether it
    // ends by the wait's own timeout or by the progress deadline.
    void notReadyPodsSayWhy()
    {
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("create"), QStringLiteral("deployment"),
                QStringLiteral("crashing"), QStringLiteral("--image=registry.example/app:1-broken") });
        const RolloutResult waited =
            result(DeploymentRollout(m_client, m_ns, QStringLiteral("crashing")).status(std::chrono::seconds(4)));
        QCOMPARE(waited.error.kind, KubeError::Kind::Deadline);
        QVERIFY2(waited.message.startsWith(QLatin1String("timed out after 4 s waiting for the rollout (0 of 1 updated "
                                                         "replicas are available); pod crashing-")),
            qPrintable(waited.message));

        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("patch"), QStringLiteral("deployment/crashing"),
                QStringLiteral("-p"), QStringLiteral("{\"spec\":{\"progressDeadlineSeconds\":3}}") });
        const RolloutResult failed =
            result(DeploymentRollout(m_client, m_ns, QStringLiteral("crashing")).status(std::chrono::seconds(60)));
        QCOMPARE(failed.error.kind, KubeError::Kind::Http);
        QVERIFY2(failed.message.startsWith(QLatin1String("deployment \"crashing\" exceeded its progress deadline; pod "
                                                         "crashing-")),
            qPrintable(failed.message));
        QVERIFY2(failed.message.contains(QLatin1String(" is CrashLoopBackOff")) ||
                failed.message.contains(QLatin1String(" is Error")),
            qPrintable(failed.message));
    }

private:
    static QJsonObject withoutName(const QJsonObject &object, const QString &name)
    {
        QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
        text.replace(QByteArray("\"app\":\"" + name.toUtf8() + '"'), QByteArray("\"app\":\"NAME\""));
        return QJsonDocument::fromJson(text).object();
    }

    QJsonObject deployment(const QString &name)
    {
        return wait(m_client.get(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(m_ns, name))).json();
    }

    QList<std::pair<qint64, QString>> historyOf(const QString &name)
    {
        QList<std::pair<qint64, QString>> entries;
        for (const RolloutRevision &revision : result(DeploymentRollout(m_client, m_ns, name).history()).revisions) {
            QJsonObject podTemplate = revision.podTemplate;
            QJsonObject metadata = podTemplate[QLatin1String("metadata")].toObject();
            QJsonObject labels = metadata[QLatin1String("labels")].toObject();
            labels.remove(QLatin1String("pod-template-hash"));
            labels.remove(QLatin1String("app"));
            metadata.insert(QStringLiteral("labels"), labels);
            podTemplate.insert(QStringLiteral("metadata"), metadata);
            entries.append({ revision.revision,
                revision.changeCause +
                    QString::fromUtf8(
                        QJsonDocument(podTemplate[QLatin1String("spec")].toObject()).toJson(QJsonDocument::Compact)) });
        }
        return entries;
    }

    void waitRolledOut(const QString &name)
    {
        const RolloutResult status = result(DeploymentRollout(m_client, m_ns, name).status(std::chrono::seconds(60)));
        QVERIFY2(status.done, qPrintable(status.message));
    }

    KubeClient m_client;
    QString m_ns;
};

QTEST_GUILESS_MAIN(TestDeploymentRollout)
#include "tst_deploymentrollout.moc"
