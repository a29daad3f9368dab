// SPDX-License-Identifier: GPL-2.0-or-later
// A delivery and a rollback as the local cluster's production-developer,
// who may read production and change nothing there: both are refused before
// their first write, naming every permission that is missing, with nothing
// applied, no release record written and the lock free again. First as the
// user is (the lock's own permissions are missing: refused before the lock);
// then with a Role that lets the user hold the lock in the test's namespace
// and nothing more (refused after the lock, before the first change). A
// person's scale or undo as that user is refused before the lock is taken.
#include "DeliveryTestWorld.h"

#include "audit/AuditJournal.h"
#include "pipeline/DeploymentAction.h"
#include "pipeline/EnvironmentLock.h"
#include "pipeline/ReleaseRollback.h"

#include <QFileInfo>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

const QString admin = QStringLiteral("production");
const QString developer = QStringLiteral("production-developer");

// NS's ecosystem as the developer sees it: the same file, the developer's context.
Ecosystem asDeveloper(const Ecosystem &ecosystem)
{
    QFile file(ecosystem.filePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the test ecosystem");
    QString yaml = QString::fromUtf8(file.readAll());
    yaml.replace(QStringLiteral("context: production\n"), QStringLiteral("context: production-developer\n"));
    const QString path = QFileInfo(ecosystem.filePath).dir().filePath(QStringLiteral("developer.yaml"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write the developer's ecosystem");
    out.write(yaml.toUtf8());
    out.close();
    const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
    if (!loaded.ecosystem)
        qFatal("the developer's ecosystem does not load");
    return *loaded.ecosystem;
}

// What the developer may do in NS beyond reading: hold the delivery lock.
void grantTheLock(const QString &ns)
{
    const QByteArray role =
        QStringLiteral("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: lock, namespace: %1}\n"
                       "rules:\n- apiGroups: [coordination.k8s.io]\n  resources: [leases]\n"
                       "  verbs: [get, list, watch, create, update, patch, delete]\n---\n"
                       "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n"
                       "metadata: {name: lock, namespace: %1}\n"
                       "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: lock}\n"
                       "subjects:\n- {apiGroup: rbac.authorization.k8s.io, kind: User, name: developer}\n")
            .arg(ns)
            .toUtf8();
    int code = -1;
    kubectl(admin, { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") }, &code, role);
    QCOMPARE(code, 0);
    // RBAC's cache follows within moments.
    QTRY_COMPARE_WITH_TIMEOUT(
        QString::fromUtf8(kubectl(developer,
                              { QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("create"),
                                  QStringLiteral("leases"), QStringLiteral("-n"), ns },
                              &code))
            .trimmed(),
        QStringLiteral("yes"), 10000);
}

QStringList namesOf(const QString &ns, const QString &what, const QStringList &more = {})
{
    const QString names = QString::fromUtf8(kubectl(admin,
        QStringList {
            QStringLiteral("-n"), ns, QStringLiteral("get"), what, QStringLiteral("-o"), QStringLiteral("name") } +
            more));
    return names.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList releaseRecords(const QString &ns)
{
    return namesOf(ns, QStringLiteral("configmaps"), { QStringLiteral("-l"), QStringLiteral("shipyard.dev/release") });
}

// Nobody holds the environment's lock.
QString lockHolder(const QString &ns)
{
    const EnvironmentLock::Status status = EnvironmentLock::read(clusterClient(admin), ns);
    return status.isHeld() ? status.holder : QString();
}

} // namespace

class TestDeliveryPermissions : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world { admin };

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
    }

    void deliveryRefusedBeforeItsFirstWrite()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = asDeveloper(m_world.ecosystemFor(ns, QStringLiteral("production")));
        const Delivery::Options options = m_world.options();

        // As the user is: the Lease is the first write, and its permissions are missing.
        const Delivery::Result unlocked =
            DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), options);
        QCOMPARE(unlocked.outcome, Delivery::Outcome::Failed);
        QCOMPARE(unlocked.failedStep, QStringLiteral("lock"));
        QCOMPARE(unlocked.fault, Fault::Environment);
        QVERIFY(unlocked.returnedTasks.isEmpty());
        QCOMPARE(unlocked.reason,
            QStringLiteral("production-developer may not get/list/create/update/patch/delete "
                           "leases.coordination.k8s.io in %1")
                .arg(ns));
        QVERIFY(namesOf(ns, QStringLiteral("leases")).isEmpty());

        // Allowed to hold the lock and nothing more: it takes the lock and
        // stops before the first change, naming all the rest.
        grantTheLock(ns);
        const Delivery::Result refused =
            DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), options);
        QCOMPARE(refused.outcome, Delivery::Outcome::Failed);
        QCOMPARE(refused.failedStep, QStringLiteral("deploy"));
        QCOMPARE(refused.fault, Fault::Environment);
        QVERIFY(refused.returnedTasks.isEmpty());
        QCOMPARE(refused.reason,
            QStringLiteral("production-developer may not create/patch/delete deployments.apps, create/patch/delete "
                           "services, create/patch/delete configmaps, create events in %1")
                .arg(ns));
        // Nothing applied, no record, the lock free again (kubectl as the admin).
        QCOMPARE(namesOf(ns, QStringLiteral("deployments,services")), QStringList());
        QCOMPARE(releaseRecords(ns), QStringList());
        QCOMPARE(namesOf(ns, QStringLiteral("leases")),
            QStringList {
                QStringLiteral("lease.coordination.k8s.io/") + QString::fromLatin1(EnvironmentLock::leaseName) });
        QCOMPARE(lockHolder(ns), QString());
        // The refusal is in the journal (the user may not create Events there).
        bool journaled = false;
        for (const AuditRecord &record : AuditJournal(options.auditJournal).read().records) {
            journaled |= record.action == QLatin1String("deliver") && record.namespaceName == ns &&
                record.result.contains(QLatin1String("may not create/patch/delete deployments.apps"));
        }
        QVERIFY(journaled);
    }

    void rollbackRefusedBeforeItsFirstWrite()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem byAdmin = m_world.ecosystemFor(ns, QStringLiteral("production"));
        const Ecosystem byDeveloper = asDeveloper(byAdmin);
        const Delivery::Options options = m_world.options();
        for (const QString &tag : { QStringLiteral("v1"), QStringLiteral("v2") }) {
            const Delivery::Result delivered =
                DeliveryTestWorld::deliver(byAdmin, DeliveryTestWorld::images(tag), options);
            QVERIFY2(delivered.succeeded(), qPrintable(delivered.reason));
        }
        // The state found before the first delivery, then the two deliveries.
        const QStringList recordsBefore = releaseRecords(ns);
        QCOMPARE(recordsBefore.size(), 3);

        ReleaseRollback::Options rollbackOptions;
        rollbackOptions.cluster = options.cluster;
        rollbackOptions.auditJournal = options.auditJournal;
        const ReleaseRollback::Result unlocked =
            ReleaseRollback(byDeveloper, QStringLiteral("test"), rollbackOptions).run();
        QVERIFY(!unlocked.ok);
        QCOMPARE(unlocked.error,
            QStringLiteral("production-developer may not get/list/create/update/patch/delete "
                           "leases.coordination.k8s.io in %1")
                .arg(ns));

        grantTheLock(ns);
        const ReleaseRollback::Result refused =
            ReleaseRollback(byDeveloper, QStringLiteral("test"), rollbackOptions).run();
        QVERIFY(!refused.ok);
        // v2 has nothing v1 lacks: the restore would only apply, and the records be written.
        QCOMPARE(refused.error,
            QStringLiteral("production-developer may not create/patch deployments.apps, create/patch services, "
                           "create/patch/delete configmaps, create events in %1")
                .arg(ns));
        for (const QString &name : DeliveryTestWorld::systemNames())
            QCOMPARE(DeliveryTestWorld::imageOf(ns, name, admin), QStringLiteral("demo/%1:v2").arg(name));
        QCOMPARE(releaseRecords(ns), recordsBefore);
        const QList<ReleaseRecord> records = DeliveryTestWorld::storeFor(ns, admin).list();
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.first().result, ReleaseRecord::Result::Succeeded);
        QCOMPARE(lockHolder(ns), QString());
        bool journaled = false;
        for (const AuditRecord &record : AuditJournal(options.auditJournal).read().records) {
            journaled |= record.action == QLatin1String("rollback") && record.namespaceName == ns &&
                record.result == QStringLiteral("failed: ") + refused.error;
        }
        QVERIFY(journaled);
    }

    void deploymentActionsRefusedBeforeTheLock()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem byAdmin = m_world.ecosystemFor(ns, QStringLiteral("production"));
        const Delivery::Options options = m_world.options();
        const Delivery::Result delivered =
            DeliveryTestWorld::deliver(byAdmin, DeliveryTestWorld::images(QStringLiteral("v1")), options);
        QVERIFY2(delivered.succeeded(), qPrintable(delivered.reason));
        // May hold the lock, may not change the deployment.
        grantTheLock(ns);
        const KubeClient client = clusterClient(developer);
        const DeploymentAction::Place place { QStringLiteral("test"), false, QStringLiteral("ecosystem"), {} };
        DeploymentAction::Options actionOptions;
        actionOptions.auditJournal = options.auditJournal;
        actionOptions.replicas = 3;
        const QString name = DeliveryTestWorld::systemNames().first();
        const DeploymentAction action(client, ns, name);
        const DeploymentAction::Outcome scaled = action.run(DeploymentAction::Kind::Scale, place, actionOptions);
        QCOMPARE(
            scaled.refused, QStringLiteral("production-developer may not patch deployments.apps/scale in %1").arg(ns));
        const DeploymentAction::Outcome undone = action.run(DeploymentAction::Kind::Undo, place, actionOptions);
        QCOMPARE(undone.refused, QStringLiteral("production-developer may not patch deployments.apps in %1").arg(ns));
        QCOMPARE(lockHolder(ns), QString());
        QCOMPARE(DeliveryTestWorld::imageOf(ns, name, admin), QStringLiteral("demo/%1:v1").arg(name));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryPermissions)
#include "tst_delivery_permissions.moc"
