// SPDX-License-Identifier: GPL-2.0-or-later
// ShowroomDirectory against the local control plane: a namespace labelled as
// ShowroomManager labels a showroom appears (and ShowroomManager agrees it is
// one), its Deployments are watched, a changed expiry is seen, and the
// showroom goes when ShowroomManager tears it down. A namespace labelled for
// another showroom environment never shows.
#include "live/ShowroomDirectory.h"

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/KubeInformerRegistry.h"
#include "kube/Kubeconfig.h"
#include "model/EcosystemLoader.h"
#include "pipeline/ShowroomManager.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "LocalCluster.h"

using namespace Shipyard;

namespace {

// What ShowroomManager::up writes on the namespace it creates.
QByteArray showroomNamespace(
    const QString &ns, const QString &environment, const QString &task, const QDateTime &expiresAt)
{
    return QStringLiteral("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: %1\n"
                          "  labels: {shipyard.dev/showroom: 'true', shipyard.dev/task: '%3', "
                          "shipyard.dev/environment: '%2'}\n"
                          "  annotations: {shipyard.dev/creator: 'tester@example', shipyard.dev/expires-at: '%4'}\n")
        .arg(ns, environment, task, expiresAt.toUTC().toString(Qt::ISODate))
        .toUtf8();
}

} // namespace

class tst_ShowroomDirectory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const qint64 pid = QCoreApplication::applicationPid();
        m_environment = QStringLiteral("rooms-%1").arg(pid);
        m_task = QStringLiteral("TST-%1").arg(pid);
        m_ns = QStringLiteral("tst-%1-tst-%1").arg(pid);
        m_otherNs = QStringLiteral("tst-%1-other").arg(pid);
        QVERIFY(m_dir.isValid());
        QFile file(m_dir.filePath(QStringLiteral("ecosystem.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral("name: Rooms\nsystems:\n"
                           "  - {name: api, template: backend, repository: r, image: demo/api, manifests: [m]}\n"
                           "environments:\n"
                           "  - {name: %1, kind: showroom, context: showroom, namespacePattern: 'tst-%2-{task}', "
                           "ttl: 2h}\n")
                .arg(m_environment)
                .arg(pid)
                .toUtf8());
        file.close();
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(file.fileName());
        QVERIFY(loaded.ecosystem);
        m_ecosystem = *loaded.ecosystem;
    }

    void cleanupTestCase()
    {
        for (const QString &ns : { m_ns, m_otherNs })
            LocalCluster::kubectl(QStringLiteral("showroom"),
                { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--ignore-not-found"),
                    QStringLiteral("--wait=false") });
    }

    void followsShowrooms()
    {
        const Kubeconfig config = Kubeconfig::load(LocalCluster::kubeconfigPath());
        QVERIFY2(config.isValid(), qPrintable(config.errorString()));
        QString error;
        const KubeClient client = ClusterAccess(config, {}).client(QStringLiteral("showroom"), &error);
        QVERIFY2(client.isValid(), qPrintable(error));

        KubeInformerRegistry registry;
        ShowroomDirectory directory(m_environment, QStringLiteral("showroom"));
        // The count at each signal: old at "about to", new after, as a model needs.
        QStringList events;
        connect(&directory, &ShowroomDirectory::showroomsAboutToBeInserted, this, [&](int first, int last) {
            events << QStringLiteral("about to insert %1-%2 of %3").arg(first).arg(last).arg(directory.count());
        });
        connect(&directory, &ShowroomDirectory::showroomsInserted, this, [&](int first, int last) {
            events << QStringLiteral("inserted %1-%2 of %3").arg(first).arg(last).arg(directory.count());
        });
        connect(&directory, &ShowroomDirectory::showroomsAboutToBeRemoved, this, [&](int first, int last) {
            events << QStringLiteral("about to remove %1-%2 of %3").arg(first).arg(last).arg(directory.count());
        });
        connect(&directory, &ShowroomDirectory::showroomsRemoved, this, [&](int first, int last) {
            events << QStringLiteral("removed %1-%2 of %3").arg(first).arg(last).arg(directory.count());
        });
        QSignalSpy changed(&directory, &ShowroomDirectory::showroomChanged);
        QSignalSpy systems(&directory, &ShowroomDirectory::systemChanged);

        directory.start(client, registry);
        QTRY_COMPARE_WITH_TIMEOUT(int(directory.connection()), int(EnvironmentWatch::Connection::Live), 30000);
        QVERIFY(directory.isSettled());
        QCOMPARE(directory.count(), 0);

        // Another showroom environment's namespace first: when ours shows, it must be alone.
        QVERIFY(LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            showroomNamespace(m_otherNs, m_environment + QStringLiteral("-other"), m_task,
                QDateTime::currentDateTimeUtc().addSecs(3600))));
        const QDateTime expiresAt = QDateTime::currentDateTimeUtc().addSecs(7200);
        QVERIFY(LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            showroomNamespace(m_ns, m_environment, m_task, expiresAt)));
        QTRY_COMPARE_WITH_TIMEOUT(directory.count(), 1, 30000);
        QCOMPARE(
            events, QStringList({ QStringLiteral("about to insert 0-0 of 0"), QStringLiteral("inserted 0-0 of 1") }));
        const ShowroomInfo info = directory.showroom(0);
        QCOMPARE(info.namespaceName, m_ns);
        QCOMPARE(info.task, m_task);
        QCOMPARE(info.creator, QStringLiteral("tester@example"));
        QCOMPARE(info.expiresAt.toSecsSinceEpoch(), expiresAt.toSecsSinceEpoch());
        QVERIFY(!info.terminating);
        QCOMPARE(directory.indexOfTask(m_task), 0);
        QCOMPARE(directory.watch(0)->ns(), m_ns);
        QCOMPARE(directory.watch(0)->context(), QStringLiteral("showroom"));

        // ShowroomManager sees the same showroom: the directory reads what it writes.
        ShowroomManager manager(m_ecosystem, m_environment, ClusterAccess::load(LocalCluster::kubeconfigPath()));
        QVERIFY2(manager.error().isEmpty(), qPrintable(manager.error()));
        manager.setAuditJournal(m_dir.filePath(QStringLiteral("audit.jsonl")));
        QCOMPARE(manager.namespaceFor(m_task), m_ns);
        const QList<ShowroomInfo> listed = manager.list(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed[0].namespaceName, info.namespaceName);
        QCOMPARE(listed[0].task, info.task);
        QCOMPARE(listed[0].creator, info.creator);
        QCOMPARE(listed[0].expiresAt, info.expiresAt);

        // The showroom's own watch follows its Deployments.
        QTRY_COMPARE_WITH_TIMEOUT(
            int(directory.watch(0)->connection()), int(EnvironmentWatch::Connection::Live), 30000);
        QVERIFY(directory.isSettled());
        QCOMPARE(healthName(directory.watch(0)->state(QStringLiteral("api")).health), QStringLiteral("missing"));
        QVERIFY(LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: %1}\n"
                           "spec:\n  replicas: 1\n  selector: {matchLabels: {app: api}}\n"
                           "  template:\n    metadata: {labels: {app: api}}\n"
                           "    spec: {containers: [{name: api, image: 'demo/api:v3'}]}\n")
                .arg(m_ns)
                .toUtf8()));
        QTRY_COMPARE_WITH_TIMEOUT(
            healthName(directory.watch(0)->state(QStringLiteral("api")).health), QStringLiteral("healthy"), 60000);
        QCOMPARE(directory.watch(0)->state(QStringLiteral("api")).tag, QStringLiteral("v3"));
        QVERIFY(!systems.isEmpty());
        QCOMPARE(systems.last().at(0).toInt(), 0);
        QCOMPARE(systems.last().at(1).toString(), QStringLiteral("api"));

        // `showroom up` on an existing showroom extends its expiry.
        const QDateTime later = expiresAt.addSecs(3600);
        QVERIFY(LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("annotate"), QStringLiteral("namespace"), m_ns, QStringLiteral("--overwrite"),
                QStringLiteral("shipyard.dev/expires-at=") + later.toString(Qt::ISODate) }));
        QTRY_COMPARE_WITH_TIMEOUT(directory.showroom(0).expiresAt.toSecsSinceEpoch(), later.toSecsSinceEpoch(), 30000);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).toInt(), 0);

        // Torn down the way `showroom down` does it (blocks until the namespace is gone).
        const ShowroomManager::DownResult down = manager.down(m_task);
        QVERIFY2(down.succeeded(), qPrintable(down.error));
        QTRY_COMPARE_WITH_TIMEOUT(directory.count(), 0, 60000);
        QCOMPARE(events.mid(2),
            QStringList({ QStringLiteral("about to remove 0-0 of 1"), QStringLiteral("removed 0-0 of 0") }));
        QCOMPARE(registry.activeCount(), 1); // the showroom's watch let go of its informer
    }

    void missingContextFails()
    {
        ShowroomDirectory directory(m_environment, QStringLiteral("no-such-context"));
        QSignalSpy connection(&directory, &ShowroomDirectory::connectionChanged);
        QVERIFY(!directory.isSettled());
        directory.fail(QStringLiteral("context no-such-context is not in the kubeconfig"));
        QCOMPARE(connection.count(), 1);
        QCOMPARE(int(directory.connection()), int(EnvironmentWatch::Connection::Failed));
        QVERIFY(directory.isSettled());
        QCOMPARE(directory.count(), 0);
    }

private:
    QTemporaryDir m_dir;
    Ecosystem m_ecosystem;
    QString m_environment;
    QString m_task;
    QString m_ns;
    QString m_otherNs;
};

QTEST_MAIN(tst_ShowroomDirectory)
#include "tst_showroomdirectory.moc"
