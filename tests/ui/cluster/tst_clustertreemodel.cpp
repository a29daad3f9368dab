// SPDX-License-Identifier: GPL-2.0-or-later
// The cluster tree against the local control plane: a deployment made with
// kubectl appears as deployment → replica set → pods that become ready, a
// deleted pod loses its row, and a context pointing nowhere shows its own
// error row while the good one loads.
#include "cluster/ClusterTreeModel.h"
#include "cluster/ClusterTreeText.h"

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/Kubeconfig.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include "LocalCluster.h"

using namespace Shipyard;
using Kind = ClusterTreeModel::Kind;

class tst_ClusterTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_ns = QStringLiteral("ui-tree-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
    }

    void cleanupTestCase()
    {
        for (const QString &ns : QStringList { m_ns, m_ns + QStringLiteral("-shop-7") })
            LocalCluster::kubectl(QStringLiteral("local"),
                { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false") });
    }

    // Showrooms: every namespace is watched, only those matching the pattern are shown.
    void rowText()
    {
        // kubectl's AGE: seconds up to two minutes, minutes up to two hours, hours up to two days.
        const QDateTime now(QDate(2025, 6, 2), QTime(12, 0), QTimeZone::UTC);
        QCOMPARE(ClusterTreeText::age({}, now), QString());
        QCOMPARE(ClusterTreeText::age(now.addSecs(30), now), QStringLiteral("0s")); // a clock ahead
        QCOMPARE(ClusterTreeText::age(now.addSecs(-119), now), QStringLiteral("119s"));
        QCOMPARE(ClusterTreeText::age(now.addSecs(-120), now), QStringLiteral("2m"));
        QCOMPARE(ClusterTreeText::age(now.addSecs(-2 * 3600 + 1), now), QStringLiteral("119m"));
        QCOMPARE(ClusterTreeText::age(now.addSecs(-2 * 3600), now), QStringLiteral("2h"));
        QCOMPARE(ClusterTreeText::age(now.addDays(-2), now), QStringLiteral("2d"));
        QCOMPARE(ClusterTreeText::contextStatus(false, false), QStringLiteral("Loading…"));
        QCOMPARE(ClusterTreeText::contextStatus(true, false), QStringLiteral("Connected"));
        QCOMPARE(ClusterTreeText::contextStatus(true, true), QStringLiteral("Unreachable"));
        QCOMPARE(ClusterTreeText::watchError(QStringLiteral("pods"), {}, QStringLiteral("403")),
            QStringLiteral("pods in every namespace: 403"));
        // A pod kubectl calls Pending; no restarts of a deployment.
        const ClusterTreeText pending = ClusterTreeText::pod(QJsonDocument::fromJson(R"({"metadata":{"name":"p"},
            "spec":{"containers":[{"name":"app"}]},"status":{"phase":"Pending"}})")
                .object());
        QCOMPARE(pending.status, QStringLiteral("Pending"));
        QCOMPARE(pending.ready, QStringLiteral("0/1"));
        QCOMPARE(ClusterTreeText::deployment({}).restarts, -1);
    }

    void namespacePattern()
    {
        const QString showroom = m_ns + QStringLiteral("-shop-7");
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), showroom }));
        QVERIFY(LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: %1}\n"
                           "spec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n"
                           "  template:\n    metadata: {labels: {app: web}}\n"
                           "    spec: {containers: [{name: web, image: 'demo/app:1.0'}]}\n")
                .arg(showroom)
                .toUtf8()));
        QString error;
        const KubeClient local =
            ClusterAccess::load(LocalCluster::kubeconfigPath()).client(QStringLiteral("local"), &error);
        QVERIFY2(local.isValid(), qPrintable(error));
        ClusterTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addContext(QStringLiteral("local"), local, {},
            QRegularExpression(QStringLiteral("^%1-.+$").arg(QRegularExpression::escape(m_ns))));
        QTRY_VERIFY_WITH_TIMEOUT(
            model.findIndex(Kind::Deployment, QStringLiteral("local"), showroom, QStringLiteral("web")).isValid(),
            30000);
        QTRY_VERIFY_WITH_TIMEOUT(model.isContextLoaded(QStringLiteral("local")) && model.isIdle(), 30000);
        // Only the showroom: not the test's own namespace, not anyone else's.
        const QModelIndex context = model.findIndex(Kind::Context, QStringLiteral("local"));
        QCOMPARE(model.rowCount(context), 1);
        QCOMPARE(model.index(0, 0, context).data().toString(), showroom);
    }

    void treeFollowsTheCluster()
    {
        // A second kubeconfig file adds a context whose server refuses connections.
        QTemporaryDir dir;
        QFile broken(dir.filePath(QStringLiteral("broken.yaml")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("apiVersion: v1\nkind: Config\n"
                     "clusters: [{name: nowhere, cluster: {server: 'https://127.0.0.1:1'}}]\n"
                     "users: [{name: nobody, user: {token: not-a-secret}}]\n"
                     "contexts: [{name: unreachable, context: {cluster: nowhere, user: nobody}}]\n");
        broken.close();
        const Kubeconfig config = Kubeconfig::loadFiles({ LocalCluster::kubeconfigPath(), broken.fileName() }, true);
        QVERIFY2(config.isValid(), qPrintable(config.errorString()));
        QString error;
        const KubeClient local = ClusterAccess(config, {}).client(QStringLiteral("local"), &error);
        QVERIFY2(local.isValid(), qPrintable(error));
        const KubeClient nowhere = ClusterAccess(config, {}).client(QStringLiteral("unreachable"), &error);
        QVERIFY2(nowhere.isValid(), qPrintable(error));

        ClusterTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.addContext(QStringLiteral("unreachable"), nowhere, { m_ns });
        model.addContext(QStringLiteral("local"), local, { m_ns });

        QTRY_VERIFY_WITH_TIMEOUT(model.isContextLoaded(QStringLiteral("local")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(model.findIndex(Kind::Error, QStringLiteral("unreachable")).isValid(), 30000);
        const QModelIndex errorRow = model.findIndex(Kind::Error, QStringLiteral("unreachable"));
        QCOMPARE(errorRow.parent(), model.findIndex(Kind::Context, QStringLiteral("unreachable")));
        QCOMPARE(errorRow.row(), 0);
        QVERIFY2(
            errorRow.data().toString().contains(QStringLiteral("127.0.0.1:1")), qPrintable(errorRow.data().toString()));
        QCOMPARE(model.findIndex(Kind::Context, QStringLiteral("unreachable"))
                     .siblingAtColumn(ClusterTreeModel::StatusColumn)
                     .data()
                     .toString(),
            QStringLiteral("Unreachable"));
        QVERIFY(!model.isContextLoaded(QStringLiteral("unreachable")));
        // The good context is untouched by the bad one.
        QVERIFY(model.contextError(QStringLiteral("local")).isEmpty());
        QVERIFY(!model.findIndex(Kind::Error, QStringLiteral("local")).isValid());
        const QModelIndex nsIndex = model.findIndex(Kind::Namespace, QStringLiteral("local"), m_ns);
        QVERIFY(nsIndex.isValid());
        QCOMPARE(model.rowCount(nsIndex), 0);

        QVERIFY(LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app, namespace: %1}\n"
                           "spec:\n  replicas: 2\n  selector: {matchLabels: {app: app}}\n"
                           "  template:\n    metadata: {labels: {app: app}}\n"
                           "    spec: {containers: [{name: app, image: 'demo/app:1.0'}]}\n")
                .arg(m_ns)
                .toUtf8()));

        QTRY_VERIFY_WITH_TIMEOUT(
            model.findIndex(Kind::Deployment, QStringLiteral("local"), m_ns, QStringLiteral("app")).isValid(), 30000);
        const QModelIndex deployment =
            model.findIndex(Kind::Deployment, QStringLiteral("local"), m_ns, QStringLiteral("app"));
        QCOMPARE(deployment.parent(), nsIndex);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(deployment), 1, 30000);
        const QModelIndex replicaSet = model.index(0, 0, deployment);
        QCOMPARE(replicaSet.data(ClusterTreeModel::KindRole).toInt(), int(Kind::ReplicaSet));
        QVERIFY(replicaSet.data().toString().startsWith(QStringLiteral("app-")));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(replicaSet), 2, 30000);
        // kwok marks pods ready about a second after they are scheduled.
        const auto podsReady = [&] {
            for (int row = 0; row < model.rowCount(replicaSet); ++row) {
                const QModelIndex pod = model.index(row, 0, replicaSet);
                if (pod.siblingAtColumn(ClusterTreeModel::ReadyColumn).data().toString() != QLatin1String("1/1") ||
                    pod.siblingAtColumn(ClusterTreeModel::StatusColumn).data().toString() != QLatin1String("Running"))
                    return false;
            }
            return model.rowCount(replicaSet) == 2;
        };
        QTRY_VERIFY_WITH_TIMEOUT(podsReady(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(
            deployment.siblingAtColumn(ClusterTreeModel::ReadyColumn).data().toString(), QStringLiteral("2/2"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(deployment.siblingAtColumn(ClusterTreeModel::StatusColumn).data().toString(),
            QStringLiteral("Available"), 30000);
        // The replica set's status is written by its own controller, after the pods' and maybe the deployment's.
        QTRY_COMPARE_WITH_TIMEOUT(
            replicaSet.siblingAtColumn(ClusterTreeModel::ReadyColumn).data().toString(), QStringLiteral("2/2"), 30000);
        QCOMPARE(model.count(Kind::Pod), 2);

        const QModelIndex firstPod = model.index(0, 0, replicaSet);
        const QString podName = firstPod.data().toString();
        QCOMPARE(model.object(firstPod)[QLatin1String("metadata")][QLatin1String("name")].toString(), podName);
        QCOMPARE(firstPod.siblingAtColumn(ClusterTreeModel::RestartsColumn).data().toInt(), 0);

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("delete"), QStringLiteral("pod"), podName, QStringLiteral("-n"), m_ns,
                QStringLiteral("--grace-period=0"), QStringLiteral("--force") }));
        QTRY_VERIFY_WITH_TIMEOUT(!model.findIndex(Kind::Pod, QStringLiteral("local"), m_ns, podName).isValid(), 30000);
        QVERIFY(!removed.isEmpty());
        // The replica set replaces it: a new row, never a reset.
        QTRY_VERIFY_WITH_TIMEOUT(podsReady(), 60000);
        for (int row = 0; row < model.rowCount(replicaSet); ++row)
            QVERIFY(model.index(row, 0, replicaSet).data().toString() != podName);
        // The bad context still has its error, and nothing was ever reset.
        QVERIFY(model.findIndex(Kind::Error, QStringLiteral("unreachable")).isValid());
        QCOMPARE(resets.count(), 0);
    }

private:
    QString m_ns;
};

QTEST_MAIN(tst_ClusterTreeModel)
#include "tst_clustertreemodel.moc"
