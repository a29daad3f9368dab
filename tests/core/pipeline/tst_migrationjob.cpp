// SPDX-License-Identifier: GPL-2.0-or-later
// What a migration Job is made of, which `up` runs a rollback undoes, and
// how a release record keeps them: no cluster needed.
#include "pipeline/MigrationJob.h"
#include "pipeline/MigrationRollback.h"
#include "releases/ReleaseRecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Shipyard;
using Run = ReleaseRecord::Migration;

namespace {

QJsonObject deployment()
{
    return QJsonDocument::fromJson(R"({
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "storefront"},
        "spec": {"selector": {"matchLabels": {"app": "storefront"}}, "template": {
            "metadata": {"labels": {"app": "storefront"}, "annotations": {"sidecar.example/inject": "true"}},
            "spec": {
                "serviceAccountName": "storefront",
                "imagePullSecrets": [{"name": "pull"}],
                "volumes": [{"name": "settings", "secret": {"secretName": "shop-settings"}},
                            {"name": "data", "persistentVolumeClaim": {"claimName": "data"}}],
                "containers": [
                    {"name": "proxy", "image": "envoyproxy/envoy:v1.30", "env": [{"name": "X", "value": "1"}]},
                    {"name": "storefront", "image": "registry.local/demo/storefront:v2",
                     "env": [{"name": "DATABASE_URL", "valueFrom": {"secretKeyRef": {"name": "shop-settings", "key": "db"}}}],
                     "envFrom": [{"configMapRef": {"name": "shop"}}],
                     "volumeMounts": [{"name": "settings", "mountPath": "/etc/shop"}, {"name": "data", "mountPath": "/data"}],
                     "ports": [{"containerPort": 8080}],
                     "readinessProbe": {"httpGet": {"path": "/", "port": 8080}}}]}}}})")
        .object();
}

MigrationJob::Spec spec()
{
    MigrationJob::Spec spec;
    spec.ns = QStringLiteral("shop-staging");
    spec.system = QStringLiteral("storefront");
    spec.releaseId = QStringLiteral("20261207-010203-456-0a1b");
    spec.phase = QStringLiteral("up");
    spec.image = QStringLiteral("registry.local/demo/storefront:v2");
    spec.command = { QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("bin/migrate up") };
    spec.timeout = std::chrono::seconds(300);
    spec.deployment = deployment();
    spec.repository = QStringLiteral("demo/storefront");
    return spec;
}

Run run(const QString &system, const QString &phase, Run::Result result)
{
    Run migration;
    migration.system = system;
    migration.phase = phase;
    migration.job = system + QLatin1Char('-') + phase;
    migration.result = result;
    return migration;
}

} // namespace

class TestMigrationJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jobTakesTheApplicationsSettings()
    {
        QString error;
        const QJsonObject job = MigrationJob::manifest(spec(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(job[QLatin1String("metadata")][QLatin1String("name")].toString(),
            QStringLiteral("storefront-up-20261207-010203-456-0a1b"));
        QCOMPARE(job[QLatin1String("spec")][QLatin1String("backoffLimit")].toInt(), 0);
        QCOMPARE(job[QLatin1String("spec")][QLatin1String("activeDeadlineSeconds")].toInt(), 300);
        const QJsonObject pod = job[QLatin1String("spec")][QLatin1String("template")].toObject();
        const QJsonObject podSpec = pod[QLatin1String("spec")].toObject();
        QCOMPARE(podSpec[QLatin1String("restartPolicy")].toString(), QStringLiteral("Never"));
        QCOMPARE(podSpec[QLatin1String("serviceAccountName")].toString(), QStringLiteral("storefront"));
        QCOMPARE(
            podSpec[QLatin1String("imagePullSecrets")][0][QLatin1String("name")].toString(), QStringLiteral("pull"));
        // The Secret volume comes along, the claim does not.
        const QJsonArray volumes = podSpec[QLatin1String("volumes")].toArray();
        QCOMPARE(volumes.size(), 1);
        QCOMPARE(volumes[0][QLatin1String("name")].toString(), QStringLiteral("settings"));
        // One container, the system's (not the proxy beside it), with its configuration.
        const QJsonArray containers = podSpec[QLatin1String("containers")].toArray();
        QCOMPARE(containers.size(), 1);
        const QJsonObject container = containers[0].toObject();
        QCOMPARE(container[QLatin1String("name")].toString(), QStringLiteral("migrate"));
        QCOMPARE(container[QLatin1String("image")].toString(), QStringLiteral("registry.local/demo/storefront:v2"));
        QCOMPARE(container[QLatin1String("command")].toArray(), QJsonArray::fromStringList(spec().command));
        QCOMPARE(container[QLatin1String("env")][0][QLatin1String("name")].toString(), QStringLiteral("DATABASE_URL"));
        QCOMPARE(
            container[QLatin1String("envFrom")][0][QLatin1String("configMapRef")][QLatin1String("name")].toString(),
            QStringLiteral("shop"));
        QCOMPARE(container[QLatin1String("volumeMounts")].toArray().size(), 1);
        QVERIFY(!container.contains(QLatin1String("ports")));
        QVERIFY(!container.contains(QLatin1String("readinessProbe")));
        // The pod's annotations, not its labels: no Service selects a migration.
        const QJsonObject metadata = pod[QLatin1String("metadata")].toObject();
        QCOMPARE(metadata[QLatin1String("annotations")][QLatin1String("sidecar.example/inject")].toString(),
            QStringLiteral("true"));
        const QJsonObject labels = metadata[QLatin1String("labels")].toObject();
        QVERIFY(!labels.contains(QLatin1String("app")));
        QCOMPARE(labels[QLatin1String("shipyard.dev/migration")].toString(), QStringLiteral("up"));
        QCOMPARE(labels[QLatin1String("shipyard.dev/system")].toString(), QStringLiteral("storefront"));
        QCOMPARE(labels[QLatin1String("shipyard.dev/release")].toString(), spec().releaseId);
    }

    void jobNeedsTheSystemsContainer()
    {
        MigrationJob::Spec other = spec();
        other.repository = QStringLiteral("demo/catalog");
        other.image = QStringLiteral("demo/catalog:v2");
        QString error;
        QVERIFY(MigrationJob::manifest(other, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("no container of the image demo/catalog")), qPrintable(error));
        // Without a repository, the container that runs the image (a rollback's down).
        MigrationJob::Spec down = spec();
        down.repository.clear();
        down.phase = QStringLiteral("down");
        error.clear();
        QVERIFY(!MigrationJob::manifest(down, &error).isEmpty());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void jobNamesAreDnsLabels()
    {
        const QString id = QStringLiteral("20261207-010203-456-0a1b");
        QCOMPARE(MigrationJob::jobName(QStringLiteral("mailer"), id, QStringLiteral("down")),
            QStringLiteral("mailer-down-") + id);
        const QString longName(60, QLatin1Char('a'));
        const QString name = MigrationJob::jobName(longName, id, QStringLiteral("down"));
        QCOMPARE(name.size(), 63);
        QVERIFY(name.endsWith(QStringLiteral("-down-") + id));
        // Two long systems that share their start stay apart.
        QVERIFY(name != MigrationJob::jobName(longName + QLatin1Char('b'), id, QStringLiteral("down")));
        const QString dashes = QStringLiteral("a") + QString(40, QLatin1Char('-')) + QStringLiteral("b");
        QVERIFY(!MigrationJob::jobName(dashes, id, QStringLiteral("up")).contains(QStringLiteral("--")));
    }

    void pendingUps()
    {
        ReleaseRecord release;
        QVERIFY(MigrationRollback::pending(release).isEmpty());
        release.migrations = { run(QStringLiteral("a"), QStringLiteral("up"), Run::Result::Succeeded),
            run(QStringLiteral("b"), QStringLiteral("up"), Run::Result::Running),
            run(QStringLiteral("c"), QStringLiteral("up"), Run::Result::Failed) };
        // Newest first; a failed up has nothing to undo, one of unknown end may.
        QList<Run> pending = MigrationRollback::pending(release);
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending[0].system, QStringLiteral("b"));
        QCOMPARE(pending[1].system, QStringLiteral("a"));
        // A failed down leaves its up to undo; a successful one does not.
        release.migrations.append(run(QStringLiteral("b"), QStringLiteral("down"), Run::Result::Failed));
        QCOMPARE(MigrationRollback::pending(release).size(), 2);
        release.migrations.append(run(QStringLiteral("b"), QStringLiteral("down"), Run::Result::Succeeded));
        pending = MigrationRollback::pending(release);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending[0].system, QStringLiteral("a"));
    }

    void recordKeepsItsMigrations()
    {
        ReleaseRecord record;
        record.id = QStringLiteral("20261207-010203-456-0a1b");
        record.time = QDateTime::currentDateTimeUtc();
        Run up = run(QStringLiteral("storefront"), QStringLiteral("up"), Run::Result::Succeeded);
        up.image = QStringLiteral("demo/storefront:v2");
        up.message = QStringLiteral("completed");
        up.log = { QStringLiteral("migrate: running 0042") };
        up.started = record.time;
        up.finished = record.time.addSecs(3);
        up.down = { QStringLiteral("bin/migrate"), QStringLiteral("down") };
        up.timeoutSeconds = 300;
        record.migrations = { up, run(QStringLiteral("storefront"), QStringLiteral("down"), Run::Result::Failed) };
        const std::optional<ReleaseRecord> read = ReleaseRecord::fromJson(record.toJson());
        QVERIFY(read);
        QCOMPARE(read->toJson(), record.toJson());
        QCOMPARE(read->migrations.size(), 2);
        QCOMPARE(read->migrations[0].down, up.down);
        QCOMPARE(read->migrations[0].log, up.log);
        QCOMPARE(read->migrations[0].finished, up.finished);
        QCOMPARE(read->migrations[1].result, Run::Result::Failed);
        // A result this Shipyard does not know is taken for one still running.
        QJsonObject json = record.toJson();
        QJsonArray migrations = json[QLatin1String("migrations")].toArray();
        QJsonObject first = migrations[0].toObject();
        first[QLatin1String("result")] = QStringLiteral("skipped-by-a-newer-shipyard");
        migrations[0] = first;
        json[QLatin1String("migrations")] = migrations;
        QCOMPARE(ReleaseRecord::fromJson(json)->migrations[0].result, Run::Result::Running);
    }
};

QTEST_GUILESS_MAIN(TestMigrationJob)
#include "tst_migrationjob.moc"
