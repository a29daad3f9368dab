// SPDX-License-Identifier: GPL-2.0-or-later
// ManifestRenderer against the tools themselves: the demo's chart and
// overlays rendered by Shipyard are, object for object, what `helm template`
// and `kubectl kustomize` give when run by hand with the same inputs.
#include "manifests/ManifestReader.h"
#include "manifests/ManifestRenderer.h"
#include "manifests/RenderTool.h"
#include "model/EcosystemLoader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

namespace {

const QString demoDir = QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo");

Ecosystem loadEcosystem(const QString &path)
{
    const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
    if (!loaded.ecosystem) {
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            qWarning("%s", qPrintable(diagnostic.toString()));
        qFatal("%s does not load", qPrintable(path));
    }
    return *loaded.ecosystem;
}

// PROGRAM's objects as the tool prints them, run by hand in DIRECTORY.
QList<QJsonObject> byHand(const QString &program, const QStringList &arguments, const QString &directory)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        qFatal("%s %s: %s", qPrintable(program), qPrintable(arguments.join(QLatin1Char(' '))),
            process.readAllStandardError().constData());
    QString error;
    const QList<QJsonObject> objects = ManifestReader::parse(process.readAllStandardOutput(), program, &error);
    if (!error.isEmpty())
        qFatal("%s", qPrintable(error));
    return objects;
}

QJsonObject find(const QList<QJsonObject> &objects, const QString &kind)
{
    for (const QJsonObject &object : objects) {
        if (object.value(QLatin1String("kind")).toString() == kind)
            return object;
    }
    return {};
}

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestManifestRenderer : public QObject
{
    Q_OBJECT

private:
    Ecosystem m_demo;

    const Environment &environment(const QString &name) const { return *m_demo.environment(name); }
    const System &system(const QString &name) const { return *m_demo.system(name); }
    QString repository(const QString &name) const { return m_demo.resolvePath(system(name).repository); }

private Q_SLOTS:
    void initTestCase()
    {
        m_demo = loadEcosystem(demoDir + QStringLiteral("/ecosystem.yaml"));
        QVERIFY2(RenderTool::helm().found(), qPrintable(RenderTool::helm().missing));
        QVERIFY2(RenderTool::kustomize().found(), qPrintable(RenderTool::kustomize().missing));
    }

    void chartRendersAsHelmTemplate_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<int>("replicas");
        QTest::newRow("staging") << QStringLiteral("staging") << 2;
        QTest::newRow("production") << QStringLiteral("production") << 3;
    }

    void chartRendersAsHelmTemplate()
    {
        QFETCH(QString, environment);
        QFETCH(int, replicas);
        const Environment &place = this->environment(environment);
        const ManifestRenderer renderer(m_demo, place, place.namespaceName);
        const ManifestRenderer::Result result =
            renderer.render(system(QStringLiteral("storefront")), repository(QStringLiteral("storefront")));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.source, QStringLiteral("chart storefront 0.3.0"));

        const QString host = m_demo.variablesFor(system(QStringLiteral("storefront")), place, place.namespaceName)
                                 .value(QStringLiteral("SHOP_HOST"));
        const QList<QJsonObject> expected = byHand(RenderTool::helm().program,
            { QStringLiteral("template"), QStringLiteral("storefront"), QStringLiteral("chart"),
                QStringLiteral("--namespace"), place.namespaceName, QStringLiteral("--include-crds"),
                QStringLiteral("--skip-tests"), QStringLiteral("--values"),
                QStringLiteral("chart/values-%1.yaml").arg(environment), QStringLiteral("--set"),
                QStringLiteral("existingSecret=%1").arg(place.secret), QStringLiteral("--set"),
                QStringLiteral("ingress.host=%1").arg(host) },
            repository(QStringLiteral("storefront")));
        QCOMPARE(result.objects.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(QJsonDocument(result.objects[i]).toJson(), QJsonDocument(expected[i]).toJson());

        // Each environment its own values, and the Secret by reference only.
        const QJsonObject deployment = find(result.objects, QStringLiteral("Deployment"));
        QCOMPARE(deployment[QLatin1String("spec")][QLatin1String("replicas")].toInt(), replicas);
        const QJsonObject ingress = find(result.objects, QStringLiteral("Ingress"));
        QCOMPARE(ingress[QLatin1String("spec")][QLatin1String("rules")][0][QLatin1String("host")].toString(), host);
        const QByteArray text = QJsonDocument(deployment).toJson();
        QVERIFY2(text.contains(place.secret.toUtf8()), text.constData());
    }

    void overlayRendersAsKubectlKustomize_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<int>("replicas");
        QTest::newRow("staging") << QStringLiteral("staging") << 2;
        QTest::newRow("production") << QStringLiteral("production") << 3;
    }

    void overlayRendersAsKubectlKustomize()
    {
        QFETCH(QString, environment);
        QFETCH(int, replicas);
        const Environment &place = this->environment(environment);
        const ManifestRenderer renderer(m_demo, place, place.namespaceName);
        const ManifestRenderer::Result result =
            renderer.render(system(QStringLiteral("catalog")), repository(QStringLiteral("catalog")));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.source, QStringLiteral("kustomization deploy/overlays/%1").arg(environment));
        const QList<QJsonObject> expected = byHand(RenderTool::findOnPath(QStringLiteral("kubectl")),
            { QStringLiteral("kustomize"), QStringLiteral("deploy/overlays/%1").arg(environment) },
            repository(QStringLiteral("catalog")));
        QCOMPARE(result.objects, expected);
        QCOMPARE(find(result.objects, QStringLiteral("Deployment"))[QLatin1String("spec")][QLatin1String("replicas")]
                     .toInt(),
            replicas);
    }

    void filesGetTheirVariables()
    {
        const Environment &production = environment(QStringLiteral("production"));
        const ManifestRenderer renderer(m_demo, production, production.namespaceName);
        const ManifestRenderer::Result result =
            renderer.render(system(QStringLiteral("mailer")), repository(QStringLiteral("mailer")));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const QJsonObject deployment = find(result.objects, QStringLiteral("Deployment"));
        // Filled in before the YAML is read: a number stays a number.
        QCOMPARE(deployment[QLatin1String("spec")][QLatin1String("replicas")].toInt(), 3);
        const QJsonArray env = deployment[QLatin1String("spec")][QLatin1String("template")][QLatin1String("spec")]
                                         [QLatin1String("containers")][0][QLatin1String("env")]
                                             .toArray();
        QStringList values;
        for (const QJsonValue &variable : env)
            values.append(variable[QLatin1String("name")].toString() + QLatin1Char('=') +
                variable[QLatin1String("value")].toString());
        QCOMPARE(values,
            QStringList({ QStringLiteral("LOG_LEVEL=warn"), QStringLiteral("MAILER_BATCH=50"),
                QStringLiteral("SHOP_ENVIRONMENT=production") }));
    }

    void imageAndAnnotationsGoIntoEverySource()
    {
        const Environment &staging = environment(QStringLiteral("staging"));
        const ManifestRenderer renderer(m_demo, staging, staging.namespaceName);
        for (const QString &name :
            { QStringLiteral("storefront"), QStringLiteral("catalog"), QStringLiteral("mailer") }) {
            const QString image = QStringLiteral("127.0.0.1:5000/demo/%1:abc123").arg(name);
            const ManifestRenderer::Result result = renderer.renderForDelivery(system(name), repository(name), image,
                { { QStringLiteral("shipyard.dev/release"), QStringLiteral("r1") } });
            QVERIFY2(result.ok(), qPrintable(result.error));
            const QJsonObject deployment = find(result.objects, QStringLiteral("Deployment"));
            QCOMPARE(ManifestReader::imageOf(deployment, system(name).image), image);
            for (const QJsonObject &object : result.objects)
                QCOMPARE(object[QLatin1String("metadata")][QLatin1String("annotations")]
                               [QLatin1String("shipyard.dev/release")]
                                   .toString(),
                    QStringLiteral("r1"));
        }
    }

    // Flux's post-build substitution: ${NAME} in the overlay's output, $${ kept literal.
    void kustomizationWithSubstitution()
    {
        QTemporaryDir world;
        const QString repo = world.filePath(QStringLiteral("repo"));
        write(repo + QStringLiteral("/deploy/kustomization.yaml"), "resources: [cm.yaml]\nnamePrefix: shop-\n");
        write(repo + QStringLiteral("/deploy/cm.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n"
            "data: {host: \"${HOST}\", ns: \"${NAMESPACE}\", script: \"echo $${HOME}\"}\n");
        write(world.filePath(QStringLiteral("ecosystem.yaml")), R"(name: Shop
systems:
  - name: web
    template: backend
    repository: repo
    image: shop/web
    kustomize: {path: deploy, substitute: true}
environments:
  - {name: staging, kind: local, context: c, namespace: shop-staging, variables: {HOST: staging.example}}
)");
        const Ecosystem ecosystem = loadEcosystem(world.filePath(QStringLiteral("ecosystem.yaml")));
        const ManifestRenderer renderer(ecosystem, ecosystem.environments.first(), QStringLiteral("shop-staging"));
        const ManifestRenderer::Result result = renderer.render(ecosystem.systems.first(), repo);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.objects.size(), 1);
        const QJsonObject data = result.objects.first()[QLatin1String("data")].toObject();
        QCOMPARE(result.objects.first()[QLatin1String("metadata")][QLatin1String("name")].toString(),
            QStringLiteral("shop-settings"));
        QCOMPARE(data[QLatin1String("host")].toString(), QStringLiteral("staging.example"));
        QCOMPARE(data[QLatin1String("ns")].toString(), QStringLiteral("shop-staging"));
        QCOMPARE(data[QLatin1String("script")].toString(), QStringLiteral("echo ${HOME}"));
    }

    // The failures, each named with its place and the tool's own words.
    void failures()
    {
        QTemporaryDir world;
        const QString repo = world.filePath(QStringLiteral("repo"));
        write(repo + QStringLiteral("/chart/Chart.yaml"), "apiVersion: v2\nname: broken\nversion: 1.0.0\n");
        write(repo + QStringLiteral("/chart/templates/deployment.yaml"),
            "{{- if not .Values.database }}{{ fail \"the chart needs .Values.database\" }}{{- end }}\n");
        write(repo + QStringLiteral("/hooked/Chart.yaml"), "apiVersion: v2\nname: hooked\nversion: 2.1.0\n");
        write(repo + QStringLiteral("/hooked/templates/all.yaml"), R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: shop/web}]}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations: {"helm.sh/hook": pre-upgrade}
spec:
  template:
    spec: {restartPolicy: Never, containers: [{name: m, image: shop/web}]}
)");
        write(repo + QStringLiteral("/deploy/deployment.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  host: ${HOST}\n  typo: ${HSOT}\n");
        write(repo + QStringLiteral("/overlay/kustomization.yaml"), "resources: [missing.yaml]\n");
        QVERIFY(QFile::link(QStringLiteral("/etc"), repo + QStringLiteral("/outside")));
        const QByteArray yaml = QByteArray(R"(name: Shop
variables: {HOST: shop.example}
systems:
  - name: broken
    template: backend
    repository: repo
    image: shop/web
    helm: {chart: chart}
  - name: hooked
    template: backend
    repository: repo
    image: shop/web
    helm: {chart: hooked, values: ["values-{environment}.yaml"]}
  - name: hooked-plain
    template: backend
    repository: repo
    image: shop/web
    helm: {chart: hooked}
  - name: typo
    template: backend
    repository: repo
    image: shop/web
    manifests: [deploy/]
  - name: overlay
    template: backend
    repository: repo
    image: shop/web
    kustomize: overlay
  - name: escaping
    template: backend
    repository: repo
    image: shop/web
    manifests: [outside/]
environments:
  - name: staging
    kind: local
    context: staging
    namespace: shop-staging
)");
        write(world.filePath(QStringLiteral("ecosystem.yaml")), yaml);
        const Ecosystem ecosystem = loadEcosystem(world.filePath(QStringLiteral("ecosystem.yaml")));
        const ManifestRenderer renderer(ecosystem, ecosystem.environments.first(), QStringLiteral("shop-staging"));
        auto render = [&](const QString &name) { return renderer.render(*ecosystem.system(name), repo); };

        const ManifestRenderer::Result broken = render(QStringLiteral("broken"));
        QVERIFY2(broken.error.startsWith(QStringLiteral("broken: helm template of chart for environment 'staging' "
                                                        "failed: exit code 1: ")),
            qPrintable(broken.error));
        QVERIFY2(broken.error.contains(QStringLiteral("the chart needs .Values.database")), qPrintable(broken.error));
        QCOMPARE(broken.fault, Fault::Branch);

        const ManifestRenderer::Result missingValues = render(QStringLiteral("hooked"));
        QCOMPARE(missingValues.error,
            QStringLiteral("hooked: values file values-staging.yaml for environment 'staging' is not a file of the "
                           "repository (ecosystem.yaml:13:11 names it)"));

        const ManifestRenderer::Result hooked = render(QStringLiteral("hooked-plain"));
        QVERIFY2(hooked.ok(), qPrintable(hooked.error));
        QCOMPARE(hooked.source, QStringLiteral("chart hooked 2.1.0"));
        QCOMPARE(hooked.objects.size(), 1);
        QCOMPARE(hooked.warnings.size(), 1);
        QVERIFY2(hooked.warnings.first().contains(QStringLiteral("job/migrate is a Helm hook (pre-upgrade)")),
            qPrintable(hooked.warnings.first()));

        const ManifestRenderer::Result typo = render(QStringLiteral("typo"));
        QVERIFY2(typo.error.startsWith(QStringLiteral("typo: deploy/deployment.yaml:7:9: unknown variable ${HSOT} "
                                                      "(did you mean ${HOST}?)")),
            qPrintable(typo.error));

        const ManifestRenderer::Result overlay = render(QStringLiteral("overlay"));
        QVERIFY2(overlay.error.startsWith(QStringLiteral(
                     "overlay: kubectl kustomize overlay for environment 'staging' failed: exit code 1")),
            qPrintable(overlay.error));
        QVERIFY2(overlay.error.contains(QStringLiteral("missing.yaml")), qPrintable(overlay.error));

        const ManifestRenderer::Result escaping = render(QStringLiteral("escaping"));
        QVERIFY2(escaping.error.contains(QStringLiteral("leads out of the repository")), qPrintable(escaping.error));
        QVERIFY(escaping.objects.isEmpty());

        // No helm: which tool, for which system, how to get it; not the branch's fault.
        ManifestRenderer withoutHelm(ecosystem, ecosystem.environments.first(), QStringLiteral("shop-staging"));
        withoutHelm.setSearchPath(world.filePath(QStringLiteral("empty")));
        const ManifestRenderer::Result noHelm =
            withoutHelm.render(*ecosystem.system(QStringLiteral("hooked-plain")), repo);
        QVERIFY2(
            noHelm.error.startsWith(QStringLiteral("hooked-plain: its chart (ecosystem.yaml:18:11) cannot be "
                                                   "rendered: helm is not installed: no executable 'helm' in PATH")),
            qPrintable(noHelm.error));
        QVERIFY2(
            noHelm.error.contains(QStringLiteral("https://helm.sh/docs/intro/install/")), qPrintable(noHelm.error));
        QCOMPARE(noHelm.fault, Fault::Environment);

        // A tool that never answers is stopped and is the machine's fault.
        const QString slow = world.filePath(QStringLiteral("slow"));
        write(slow + QStringLiteral("/helm"), "#!/bin/sh\nexec sleep 30\n");
        QVERIFY(QFile::setPermissions(slow + QStringLiteral("/helm"), QFile::ReadOwner | QFile::ExeOwner));
        ManifestRenderer hanging(ecosystem, ecosystem.environments.first(), QStringLiteral("shop-staging"));
        hanging.setSearchPath(slow);
        hanging.setTimeout(std::chrono::milliseconds(500));
        QElapsedTimer clock;
        clock.start();
        const ManifestRenderer::Result timedOut =
            hanging.render(*ecosystem.system(QStringLiteral("hooked-plain")), repo);
        QVERIFY(clock.elapsed() < 10000);
        QVERIFY2(timedOut.error.contains(QStringLiteral("no result after 0 s")), qPrintable(timedOut.error));
        QCOMPARE(timedOut.fault, Fault::Environment);
    }
};

QTEST_GUILESS_MAIN(TestManifestRenderer)
#include "tst_manifestrenderer.moc"
