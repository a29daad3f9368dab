// SPDX-License-Identifier: GPL-2.0-or-later
// The demo's chart (storefront) and overlays (catalog), delivered by a real
// Delivery into a staging and a production namespace of the local control
// plane: each environment gets its own values, a rollback puts back the
// objects rendered before, a chart that fails to render or a missing
// settings Secret stops the delivery before anything is applied, and a
// machine without helm says which tool to install.
#include "ClusterTestSupport.h"
#include "DeliveryTestWorld.h"

#include "model/EcosystemLoader.h"
#include "pipeline/Delivery.h"
#include "pipeline/ReleaseRollback.h"
#include "pipeline/SettingsSecretCheck.h"
#include "releases/ApplyPreview.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <thread>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

QJsonObject liveObject(const QString &ns, const QString &kind, const QString &name)
{
    return QJsonDocument::fromJson(kubectl(QStringLiteral("local"),
                                       { QStringLiteral("-n"), ns, QStringLiteral("get"), kind, name,
                                           QStringLiteral("-o"), QStringLiteral("json") }))
        .object();
}

int replicasOf(const QString &ns, const QString &deployment)
{
    return liveObject(ns, QStringLiteral("deployment"), deployment)[QLatin1String("spec")][QLatin1String("replicas")]
        .toInt();
}

QString hostOf(const QString &ns, const QString &ingress)
{
    return liveObject(
        ns, QStringLiteral("ingress"), ingress)[QLatin1String("spec")][QLatin1String("rules")][0][QLatin1String("host")]
        .toString();
}

void replaceInFile(const QString &path, const QString &from, const QString &to)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(from), qPrintable(path + QStringLiteral(" lacks ") + from));
    text.replace(from, to);
    file.resize(0);
    file.write(text.toUtf8());
}

} // namespace

class TestDeliverySources : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    QString m_staging;
    QString m_production;
    Ecosystem m_ecosystem;

    QString repository(const QString &system) const { return m_world.filePath(QStringLiteral("systems/") + system); }

    Delivery::Result deliver(const QString &environment, const QString &tag, QString *log = nullptr) const
    {
        QList<Delivery::Target> targets;
        for (const QString &system : { QStringLiteral("storefront"), QStringLiteral("catalog") })
            targets.append({ system, {}, QStringLiteral("demo/%1:%2").arg(system, tag) });
        Delivery delivery(m_ecosystem, environment, targets, m_world.options());
        delivery.start();
        if (!delivery.wait(std::chrono::minutes(5)))
            qFatal("the delivery did not end");
        if (log)
            *log = delivery.log();
        return delivery.result();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_world.isValid());
        m_staging = m_world.newNamespace();
        m_production = m_world.newNamespace();
        for (const QString &system : { QStringLiteral("storefront"), QStringLiteral("catalog") }) {
            QDir().mkpath(repository(system));
            DeliveryTestWorld::run(
                QStringLiteral("cp -r '%1/.' '%2'")
                    .arg(QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/systems/") + system, repository(system)),
                m_world.filePath(QString()));
        }
        // What the chart learns from the cluster, as `helm install` would.
        QFile capabilities(
            repository(QStringLiteral("storefront")) + QStringLiteral("/chart/templates/capabilities.yaml"));
        QVERIFY(capabilities.open(QIODevice::WriteOnly));
        capabilities.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-capabilities\n"
                           "data:\n  kubeVersion: {{ .Capabilities.KubeVersion.Version | quote }}\n"
                           "  leases: {{ .Capabilities.APIVersions.Has \"coordination.k8s.io/v1/Lease\" | quote }}\n");
        capabilities.close();
        for (const QString &ns : { m_staging, m_production })
            kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), ns, QStringLiteral("create"), QStringLiteral("secret"),
                    QStringLiteral("generic"), QStringLiteral("shop-settings"),
                    QStringLiteral("--from-literal=api-token=never-shown-%1").arg(ns) });
        const QString yaml = QStringLiteral(R"(apiVersion: shipyard/v1
name: Sources
gating: {taskKey: "SHOP-[0-9]+", reviewsRequired: 0}
tracker: {kind: file, file: tasks.yaml}
rollback: {rolloutTimeout: 60s}
variables: {SHOP_HOST: shop.local}
systems:
  - name: storefront
    template: frontend
    repository: systems/storefront
    image: demo/storefront
    helm:
      chart: chart
      values: ["chart/values-{environment}.yaml"]
      set: {existingSecret: "${ENVIRONMENT_SECRET}", ingress.host: "${SHOP_HOST}"}
  - name: catalog
    template: backend
    repository: systems/catalog
    image: demo/catalog
    kustomize: deploy/overlays/{environment}
environments:
  - name: staging
    kind: staging
    context: local
    namespace: %1
    secret: shop-settings
    variables: {SHOP_HOST: staging.shop.example}
  - name: production
    kind: production
    context: local
    namespace: %2
    secret: shop-settings
    variables: {SHOP_HOST: shop.example}
)")
                                 .arg(m_staging, m_production);
        QFile file(m_world.filePath(QStringLiteral("ecosystem.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(yaml.toUtf8());
        file.close();
        QFile tasks(m_world.filePath(QStringLiteral("tasks.yaml")));
        QVERIFY(tasks.open(QIODevice::WriteOnly));
        tasks.write("tasks: []\n");
        tasks.close();
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(file.fileName());
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            qWarning("%s", qPrintable(diagnostic.toString()));
        QVERIFY(loaded.ecosystem);
        m_ecosystem = *loaded.ecosystem;
    }

    void eachEnvironmentGetsItsOwnValues()
    {
        QString log;
        const Delivery::Result staging = deliver(QStringLiteral("staging"), QStringLiteral("v1"), &log);
        QVERIFY2(staging.succeeded(), qPrintable(staging.reason + QLatin1Char('\n') + log));
        QVERIFY2(
            log.contains(QStringLiteral("storefront: chart storefront 0.3.0 rendered for staging")), qPrintable(log));
        const Delivery::Result production = deliver(QStringLiteral("production"), QStringLiteral("v1"), &log);
        QVERIFY2(production.succeeded(), qPrintable(production.reason + QLatin1Char('\n') + log));

        QCOMPARE(replicasOf(m_staging, QStringLiteral("storefront")), 2);
        QCOMPARE(replicasOf(m_production, QStringLiteral("storefront")), 3);
        QCOMPARE(hostOf(m_staging, QStringLiteral("storefront")), QStringLiteral("staging.shop.example"));
        QCOMPARE(hostOf(m_production, QStringLiteral("storefront")), QStringLiteral("shop.example"));
        QCOMPARE(replicasOf(m_staging, QStringLiteral("catalog")), 2);
        QCOMPARE(replicasOf(m_production, QStringLiteral("catalog")), 3);
        QVERIFY(hostOf(m_staging, QStringLiteral("catalog")) != hostOf(m_production, QStringLiteral("catalog")));
        QCOMPARE(
            DeliveryTestWorld::imageOf(m_staging, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v1"));
        QCOMPARE(
            DeliveryTestWorld::imageOf(m_production, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v1"));

        // Rendered for this cluster, not for Helm's idea of one.
        const QString serverVersion =
            QJsonDocument::fromJson(kubectl(QStringLiteral("local"),
                                        { QStringLiteral("version"), QStringLiteral("-o"), QStringLiteral("json") }))
                .object()[QLatin1String("serverVersion")][QLatin1String("gitVersion")]
                .toString();
        QVERIFY(!serverVersion.isEmpty());
        const QJsonObject learnt =
            liveObject(m_staging, QStringLiteral("configmap"), QStringLiteral("storefront-capabilities"));
        QCOMPARE(learnt[QLatin1String("data")][QLatin1String("kubeVersion")].toString(), serverVersion);
        QCOMPARE(learnt[QLatin1String("data")][QLatin1String("leases")].toString(), QStringLiteral("true"));

        // The pod reads the Secret by reference; its value is in no record.
        const QByteArray deployment =
            QJsonDocument(liveObject(m_staging, QStringLiteral("deployment"), QStringLiteral("storefront"))).toJson();
        QVERIFY2(deployment.contains("\"secretKeyRef\"") && deployment.contains("\"shop-settings\""),
            deployment.constData());
        KubeError error;
        const QList<ReleaseRecord> records = DeliveryTestWorld::storeFor(m_staging).list(&error);
        QVERIFY(!error.isError());
        // The newest first; before it, the baseline of what ran before Shipyard's first delivery.
        QVERIFY(!records.isEmpty());
        QCOMPARE(
            records.first().system(QStringLiteral("storefront"))->source, QStringLiteral("chart storefront 0.3.0"));
        QCOMPARE(records.first().system(QStringLiteral("catalog"))->source,
            QStringLiteral("kustomization deploy/overlays/staging"));
        const QByteArray recorded = QJsonDocument(records.first().toJson()).toJson();
        QVERIFY(!recorded.contains("never-shown"));
        QVERIFY(!log.contains(QStringLiteral("never-shown")));

        // The drift diff compares the rendered chart: none now, the replicas after a hand's scale.
        const Environment &stagingEnvironment = *m_ecosystem.environment(QStringLiteral("staging"));
        const ApplyPreview preview(m_ecosystem, stagingEnvironment, clusterClient(QStringLiteral("local")), m_staging);
        const ApplyPreview::Result clean = preview.preview(QStringLiteral("storefront"));
        QVERIFY2(clean.ok() && !clean.drifted(), QJsonDocument(clean.toJson()).toJson().constData());
        QCOMPARE(clean.source, QStringLiteral("chart storefront 0.3.0"));
        // Objects delivered before Shipyard annotated the source are no drift either.
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_staging, QStringLiteral("annotate"),
                QStringLiteral("deployments,services,ingresses,configmaps"), QStringLiteral("--all"),
                QStringLiteral("shipyard.dev/source-") });
        const ApplyPreview::Result older = preview.preview(QStringLiteral("storefront"));
        QVERIFY2(older.ok() && !older.drifted(), QJsonDocument(older.toJson()).toJson().constData());
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_staging, QStringLiteral("scale"), QStringLiteral("deployment/storefront"),
                QStringLiteral("--replicas=7") });
        const ApplyPreview::Result drifted = preview.preview(QStringLiteral("storefront"));
        QVERIFY(drifted.drifted());
        bool replicas = false;
        for (const ApplyPreview::ObjectPreview &object : drifted.objects)
            replicas |= object.object == QLatin1String("deployment/storefront") &&
                object.fields.contains(QStringLiteral("spec.replicas"));
        QVERIFY2(replicas, QJsonDocument(drifted.toJson()).toJson().constData());
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_staging, QStringLiteral("scale"), QStringLiteral("deployment/storefront"),
                QStringLiteral("--replicas=2") });
    }

    void rollbackRestoresTheObjectsRenderedBefore()
    {
        KubeError error;
        const QString v1 = DeliveryTestWorld::storeFor(m_staging).list(&error).first().id;
        const QJsonObject before = liveObject(m_staging, QStringLiteral("deployment"), QStringLiteral("storefront"));

        // A new chart value and a new overlay: the next release renders differently.
        replaceInFile(repository(QStringLiteral("storefront")) + QStringLiteral("/chart/values-staging.yaml"),
            QStringLiteral("replicaCount: 2"), QStringLiteral("replicaCount: 4"));
        replaceInFile(
            repository(QStringLiteral("catalog")) + QStringLiteral("/deploy/overlays/staging/kustomization.yaml"),
            QStringLiteral("count: 2"), QStringLiteral("count: 5"));
        const Delivery::Result v2 = deliver(QStringLiteral("staging"), QStringLiteral("v2"));
        QVERIFY2(v2.succeeded(), qPrintable(v2.reason));
        QCOMPARE(replicasOf(m_staging, QStringLiteral("storefront")), 4);
        QCOMPARE(replicasOf(m_staging, QStringLiteral("catalog")), 5);

        ReleaseRollback::Options options;
        options.cluster = m_world.options().cluster;
        options.auditJournal = m_world.filePath(QStringLiteral("audit.jsonl"));
        const ReleaseRollback::Result rolledBack =
            ReleaseRollback(m_ecosystem, QStringLiteral("staging"), options).run(v1);
        QVERIFY2(rolledBack.ok, qPrintable(rolledBack.error));
        QCOMPARE(replicasOf(m_staging, QStringLiteral("storefront")), 2);
        QCOMPARE(replicasOf(m_staging, QStringLiteral("catalog")), 2);
        const QJsonObject after = liveObject(m_staging, QStringLiteral("deployment"), QStringLiteral("storefront"));
        QCOMPARE(after[QLatin1String("spec")][QLatin1String("template")],
            before[QLatin1String("spec")][QLatin1String("template")]);
        QCOMPARE(
            DeliveryTestWorld::imageOf(m_staging, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v1"));
    }

    void chartThatFailsToRenderChangesNothing()
    {
        KubeError error;
        const qsizetype releases = DeliveryTestWorld::storeFor(m_staging).list(&error).size();
        const QString resourceVersion = liveObject(m_staging, QStringLiteral("deployment"),
            QStringLiteral("storefront"))[QLatin1String("metadata")][QLatin1String("resourceVersion")]
                                            .toString();
        const QString broken =
            repository(QStringLiteral("storefront")) + QStringLiteral("/chart/templates/broken.yaml");
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{{ fail \"storefront needs a payment provider\" }}\n");
        file.close();
        const Delivery::Result result = deliver(QStringLiteral("staging"), QStringLiteral("v3"));
        QFile::remove(broken);
        QVERIFY(!result.succeeded());
        QVERIFY2(
            result.reason.contains(QStringLiteral("storefront needs a payment provider")), qPrintable(result.reason));
        QVERIFY2(result.reason.contains(QStringLiteral("helm template of chart for environment 'staging' failed")),
            qPrintable(result.reason));
        QCOMPARE(DeliveryTestWorld::storeFor(m_staging).list(&error).size(), releases);
        QCOMPARE(liveObject(m_staging, QStringLiteral("deployment"),
                     QStringLiteral("storefront"))[QLatin1String("metadata")][QLatin1String("resourceVersion")]
                     .toString(),
            resourceVersion);
    }

    void missingSettingsSecretChangesNothing()
    {
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_production, QStringLiteral("delete"), QStringLiteral("secret"),
                QStringLiteral("shop-settings") });
        const Delivery::Result result = deliver(QStringLiteral("production"), QStringLiteral("v4"));
        QVERIFY(!result.succeeded());
        QVERIFY2(result.reason.contains(
                     QStringLiteral("the environment's settings Secret 'shop-settings' is not in namespace %1")
                         .arg(m_production)),
            qPrintable(result.reason));
        QCOMPARE(DeliveryTestWorld::imageOf(m_production, QStringLiteral("storefront")),
            QStringLiteral("demo/storefront:v1"));

        // There but without the key the chart's pods read.
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_production, QStringLiteral("create"), QStringLiteral("secret"),
                QStringLiteral("generic"), QStringLiteral("shop-settings"), QStringLiteral("--from-literal=other=x") });
        const Delivery::Result keyless = deliver(QStringLiteral("production"), QStringLiteral("v4"));
        QVERIFY(!keyless.succeeded());
        QVERIFY2(keyless.reason.contains(
                     QStringLiteral("has no key api-token, which the objects refer to; its keys: other")),
            qPrintable(keyless.reason));
        QCOMPARE(DeliveryTestWorld::imageOf(m_production, QStringLiteral("storefront")),
            QStringLiteral("demo/storefront:v1"));
    }

    // What fills a new namespace (External Secrets, a reflector) may take a moment.
    void settingsSecretThatAppearsLateIsWaitedFor()
    {
        const QString ns = m_world.newNamespace();
        QList<QJsonObject> objects { QJsonDocument::fromJson(R"({"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "x",
            "env": [{"name": "T", "valueFrom": {"secretKeyRef": {"name": "late", "key": "token"}}}]}]}})")
                .object() };
        QCOMPARE(SettingsSecretCheck::requiredKeys(objects, QStringLiteral("late")),
            QStringList { QStringLiteral("token") });
        QStringList said;
        std::thread filler([ns] {
            std::this_thread::sleep_for(std::chrono::seconds(3));
            kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), ns, QStringLiteral("create"), QStringLiteral("secret"),
                    QStringLiteral("generic"), QStringLiteral("late"), QStringLiteral("--from-literal=token=x") });
        });
        const SettingsSecretCheck::Result result =
            SettingsSecretCheck::run(clusterClient(QStringLiteral("local")), ns, QStringLiteral("late"), objects,
                std::chrono::seconds(30), [&said](const QString &line) { said.append(line); });
        filler.join();
        QVERIFY2(result.problem.isEmpty(), qPrintable(result.problem));
        QCOMPARE(said.size(), 1);
        QVERIFY2(
            said.first().startsWith(QStringLiteral("waiting up to 30 s for the environment's settings Secret 'late'")),
            qPrintable(said.first()));
        // Never there: the same clear refusal, after the patience.
        const SettingsSecretCheck::Result missing = SettingsSecretCheck::run(
            clusterClient(QStringLiteral("local")), ns, QStringLiteral("never"), objects, std::chrono::seconds(2));
        QVERIFY2(missing.problem.contains(QStringLiteral("'never' is not in namespace %1").arg(ns)),
            qPrintable(missing.problem));
    }

    void missingHelmNamesTheTool()
    {
        const QByteArray path = qgetenv("PATH");
        QStringList kept;
        for (const QString &directory : QString::fromLocal8Bit(path).split(QLatin1Char(':'))) {
            if (!QFileInfo::exists(directory + QStringLiteral("/helm")))
                kept.append(directory);
        }
        qputenv("PATH", kept.join(QLatin1Char(':')).toLocal8Bit());
        const Delivery::Result result = deliver(QStringLiteral("staging"), QStringLiteral("v5"));
        qputenv("PATH", path);
        QVERIFY(!result.succeeded());
        QVERIFY2(result.reason.contains(QStringLiteral("helm is not installed")), qPrintable(result.reason));
        QCOMPARE(
            DeliveryTestWorld::imageOf(m_staging, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v1"));
    }
};

QTEST_GUILESS_MAIN(TestDeliverySources)
#include "tst_delivery_sources.moc"
