// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/EcosystemLoader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;
using namespace std::chrono_literals;

namespace {

// The smallest valid ecosystem; rows below change one thing at a time. Its
// one environment is local, which needs no approvals: a staging one would
// add the warning about commit trailers (rows of its own) to every row.
const char *const minimal = R"(name: Shop
systems:
  - name: api
    template: backend
    repository: repos/api
    image: shop/api
    manifests: [deploy/]
environments:
  - name: staging
    kind: local
    context: staging
    namespace: shop-staging
)";

QString render(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_EcosystemLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoEcosystemIsValid()
    {
        const QString path = QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/ecosystem.yaml");
        const EcosystemLoadResult result = EcosystemLoader().loadFile(path);
        QVERIFY2(result.ecosystem, qPrintable(render(result.diagnostics)));
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(render(result.diagnostics)));
        const Ecosystem &e = *result.ecosystem;
        QCOMPARE(e.name, QStringLiteral("Demo Shop"));
        QCOMPARE(e.systems.size(), 3);
        QCOMPARE(e.environments.size(), 4);
        QCOMPARE(e.system(QStringLiteral("storefront"))->kind, SystemTemplate::Frontend);
        QCOMPARE(e.system(QStringLiteral("mailer"))->kind, SystemTemplate::Worker);
        QCOMPARE(e.system(QStringLiteral("mailer"))->dependsOn, QStringList { QStringLiteral("catalog") });
        // The demo shows every manifest source.
        QCOMPARE(e.system(QStringLiteral("storefront"))->manifests.kind, ManifestSource::Kind::Helm);
        QCOMPARE(e.system(QStringLiteral("catalog"))->manifests.kind, ManifestSource::Kind::Kustomize);
        QCOMPARE(e.system(QStringLiteral("mailer"))->manifests.kind, ManifestSource::Kind::Files);
        const Environment *showroom = e.environment(QStringLiteral("showroom"));
        QVERIFY(showroom);
        QCOMPARE(showroom->kind, EnvironmentKind::Showroom);
        QCOMPARE(showroom->timeToLive, 72h);
        QCOMPARE(showroom->namespaceFor(QStringLiteral("SHOP-12")), QStringLiteral("showroom-shop-12"));
        QCOMPARE(showroom->taskOf(QStringLiteral("showroom-shop-12")), QStringLiteral("SHOP-12"));
        QCOMPARE(showroom->taskOf(QStringLiteral("shipyard-staging")), QString());
        const Environment *production = e.environment(QStringLiteral("production"));
        QVERIFY(production->isProtected);
        QCOMPARE(production->approvals, 2);
        QCOMPARE(e.gating.taskKeyPattern, QStringLiteral("SHOP-[0-9]+"));
        QCOMPARE(e.gating.integration, IntegrationMode::Rebase);
        // Trailers guard its staging and production; it says it knows they
        // are self-asserted, or every demo would open with a warning.
        QCOMPARE(e.gating.reviews.kind, ReviewSettings::Kind::Trailers);
        QVERIFY(e.gating.reviews.trustTrailers);
        QVERIFY(e.rollback.monitoring.has_value());
        QCOMPARE(e.rollback.monitoring->threshold, 0.05);
        QCOMPARE(e.rollback.monitoring->window, 120s);
        QCOMPARE(e.resolvePath(QStringLiteral("systems/catalog")),
            QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/systems/catalog"));
    }

    // The ecosystem's alerts apply to its staging and production
    // environments; an environment's own replace what they name, or turn
    // them off.
    void alertsPerEnvironment()
    {
        const QByteArray document = QByteArray(R"(name: Shop
gating: {reviewsRequired: 0}
rollback:
  alerts:
    alertmanager: https://alertmanager.example.org:9093
    matchers: ['service="${SYSTEM}"', 'env="${ENVIRONMENT}"']
    window: 2m
systems:
  - name: api
    template: backend
    repository: repos/api
    image: shop/api
    manifests: [deploy/]
environments:
  - name: dev
    kind: local
    context: dev
    namespace: shop-dev
  - name: staging
    kind: staging
    context: staging
    namespace: shop-staging
  - name: production
    kind: production
    context: production
    namespace: shop
    alerts:
      matchers: ['service=~"${SYSTEM}|gateway"', 'severity="page"']
      onUnreachable: stop
  - name: preprod
    kind: staging
    context: staging
    namespace: shop-preprod
    alerts: false
)");
        const EcosystemLoadResult result = EcosystemLoader().loadData(document, QStringLiteral("ecosystem.yaml"));
        QVERIFY2(result.ecosystem, qPrintable(render(result.diagnostics)));
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(render(result.diagnostics)));
        const Ecosystem &e = *result.ecosystem;
        QVERIFY(!e.environment(QStringLiteral("dev"))->alerts);
        const std::optional<AlertTrigger> staging = e.environment(QStringLiteral("staging"))->alerts;
        QVERIFY(staging);
        QCOMPARE(staging->alertmanagerUrl, QStringLiteral("https://alertmanager.example.org:9093"));
        QCOMPARE(staging->matchers,
            QStringList({ QStringLiteral("service=\"${SYSTEM}\""), QStringLiteral("env=\"${ENVIRONMENT}\"") }));
        QCOMPARE(staging->window, 120s);
        QCOMPARE(staging->interval, 15s);
        QCOMPARE(staging->onUnreachable, AlertTrigger::Unreachable::Proceed);
        const std::optional<AlertTrigger> production = e.environment(QStringLiteral("production"))->alerts;
        QVERIFY(production);
        QCOMPARE(production->alertmanagerUrl, staging->alertmanagerUrl);
        QCOMPARE(production->matchers,
            QStringList({ QStringLiteral("service=~\"${SYSTEM}|gateway\""), QStringLiteral("severity=\"page\"") }));
        QCOMPARE(production->window, 120s);
        QCOMPARE(production->onUnreachable, AlertTrigger::Unreachable::Stop);
        QCOMPARE(production->location.line, 28);
        QVERIFY(!e.environment(QStringLiteral("preprod"))->alerts);
    }

    void manifestSourcesAndVariables()
    {
        const QByteArray document = QByteArray(R"(name: Shop
variables: {HOST: shop.example, REPLICAS: "1"}
systems:
  - name: web
    template: frontend
    repository: repos/web
    image: shop/web
    helm:
      chart: chart
      values: ["chart/values-{environment}.yaml"]
      set: {ingress.host: "${HOST}", existingSecret: "${ENVIRONMENT_SECRET}"}
      releaseName: shop-web
    variables: {REPLICAS: "4"}
  - name: api
    template: backend
    repository: repos/api
    image: shop/api
    kustomize: deploy/overlays/{environment}
  - name: jobs
    template: worker
    repository: repos/jobs
    image: shop/jobs
    kustomize: {path: deploy, substitute: true}
environments:
  - name: staging
    kind: local
    context: staging
    namespace: shop-staging
    secret: shop-settings
    variables: {HOST: staging.shop.example, REPLICAS: "2"}
)");
        const EcosystemLoadResult result = EcosystemLoader().loadData(document, QStringLiteral("eco.yaml"));
        QVERIFY2(result.ecosystem, qPrintable(render(result.diagnostics)));
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(render(result.diagnostics)));
        const Ecosystem &e = *result.ecosystem;
        const System &web = *e.system(QStringLiteral("web"));
        QCOMPARE(web.manifests.kind, ManifestSource::Kind::Helm);
        QCOMPARE(web.manifests.helm.chart, QStringLiteral("chart"));
        QCOMPARE(web.manifests.helm.valueFiles, QStringList { QStringLiteral("chart/values-{environment}.yaml") });
        QCOMPARE(web.manifests.helm.releaseName, QStringLiteral("shop-web"));
        QCOMPARE(web.manifests.helm.set.size(), 2);
        QCOMPARE(web.manifests.helm.set[0].key, QStringLiteral("ingress.host"));
        QCOMPARE(web.manifests.helm.set[0].value, QStringLiteral("${HOST}"));
        QCOMPARE(web.manifests.location.line, 9);
        const System &api = *e.system(QStringLiteral("api"));
        QCOMPARE(api.manifests.kind, ManifestSource::Kind::Kustomize);
        QCOMPARE(api.manifests.kustomization, QStringLiteral("deploy/overlays/{environment}"));
        QVERIFY(!api.manifests.substitute);
        QVERIFY(e.system(QStringLiteral("jobs"))->manifests.substitute);

        // Precedence: the ecosystem's, then the environment's, then the system's; Shipyard's own names always.
        const Environment &staging = *e.environment(QStringLiteral("staging"));
        const Variables forWeb = e.variablesFor(web, staging, QStringLiteral("shop-staging"));
        QCOMPARE(forWeb.value(QStringLiteral("HOST")), QStringLiteral("staging.shop.example"));
        QCOMPARE(forWeb.value(QStringLiteral("REPLICAS")), QStringLiteral("4"));
        QCOMPARE(forWeb.value(QStringLiteral("ENVIRONMENT_SECRET")), QStringLiteral("shop-settings"));
        QCOMPARE(forWeb.value(QStringLiteral("NAMESPACE")), QStringLiteral("shop-staging"));
        QCOMPARE(forWeb.value(QStringLiteral("SYSTEM")), QStringLiteral("web"));
        QCOMPARE(
            e.variablesFor(api, staging, QStringLiteral("x")).value(QStringLiteral("REPLICAS")), QStringLiteral("2"));
    }

    void defaults()
    {
        const EcosystemLoadResult result = EcosystemLoader().loadData(minimal, QStringLiteral("eco.yaml"));
        QVERIFY2(result.ecosystem, qPrintable(render(result.diagnostics)));
        const System &api = result.ecosystem->systems.first();
        QCOMPARE(api.upstream, QStringLiteral("main"));
        QCOMPARE(api.dockerfile, QStringLiteral("Dockerfile"));
        QCOMPARE(result.ecosystem->gating.reviewsRequired, 1);
        QCOMPARE(result.ecosystem->gating.reviews.kind, ReviewSettings::Kind::Trailers);
        QVERIFY(!result.ecosystem->gating.reviews.trustTrailers);
        QCOMPARE(result.ecosystem->tracker.kind, TrackerKind::File);
        QVERIFY(!result.ecosystem->environments.first().isProtected);
        QCOMPARE(result.ecosystem->rollback.onInterrupted, RollbackPolicy::Interrupted::Restore);
    }

    void migrations()
    {
        QByteArray document(minimal);
        document.replace("    manifests: [deploy/]\n",
            "    manifests: [deploy/]\n    migrate:\n      up: bin/migrate up && echo done\n"
            "      down: [bin/migrate, down, --steps, \"1\"]\n      timeout: 2m\n");
        const EcosystemLoadResult result = EcosystemLoader().loadData(document, QStringLiteral("eco.yaml"));
        QVERIFY2(result.ecosystem, qPrintable(render(result.diagnostics)));
        const std::optional<Migration> &migration = result.ecosystem->systems.first().migration;
        QVERIFY(migration);
        // Text goes through the shell, a list runs as it is.
        QCOMPARE(migration->up, QStringList({ "/bin/sh", "-c", "bin/migrate up && echo done" }));
        QCOMPARE(migration->down, QStringList({ "bin/migrate", "down", "--steps", "1" }));
        QCOMPARE(migration->timeout, 120s);
        // Without `migrate`, a system runs no Jobs.
        const EcosystemLoadResult plain = EcosystemLoader().loadData(minimal, QStringLiteral("eco.yaml"));
        QVERIFY(plain.ecosystem);
        QVERIFY(!plain.ecosystem->systems.first().migration);
    }

    // docs/migrations.md's examples are ecosystems as they would load.
    void migrationsPageExamplesLoad()
    {
        QFile page(QStringLiteral(SHIPYARD_SOURCE_DIR "/docs/migrations.md"));
        QVERIFY(page.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString text = QString::fromUtf8(page.readAll());
        const qsizetype start = text.indexOf(QStringLiteral("```yaml\n")) + 8;
        const QString example = text.mid(start, text.indexOf(QStringLiteral("```"), start) - start);
        const EcosystemLoadResult result = EcosystemLoader().loadData(example.toUtf8(), QStringLiteral("eco.yaml"));
        QVERIFY2(result.ecosystem, qPrintable(render(result.diagnostics)));
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(render(result.diagnostics)));
        const Ecosystem &e = *result.ecosystem;
        QCOMPARE(
            e.system(QStringLiteral("storefront"))->migration->up, QStringList({ "/bin/sh", "-c", "bin/migrate up" }));
        QCOMPARE(e.system(QStringLiteral("storefront"))->migration->down, QStringList({ "bin/migrate", "down", "1" }));
        QVERIFY(e.system(QStringLiteral("mailer"))->migration);
        // The expand/contract example's system, with a down that only says why.
        const qsizetype contract = text.indexOf(QStringLiteral("```yaml\nsystems:"));
        QVERIFY(contract > 0);
        const QString system = text.mid(contract + 8, text.indexOf(QStringLiteral("```"), contract + 8) - contract - 8);
        QByteArray document(minimal);
        document.replace(
            "systems:\n  - name: api\n    template: backend\n    repository: repos/api\n    image: shop/api\n"
            "    manifests: [deploy/]\n",
            system.toUtf8());
        const EcosystemLoadResult contracted = EcosystemLoader().loadData(document, QStringLiteral("eco.yaml"));
        QVERIFY2(contracted.ecosystem, qPrintable(render(contracted.diagnostics)));
        QVERIFY2(contracted.diagnostics.isEmpty(), qPrintable(render(contracted.diagnostics)));
        const QStringList down = contracted.ecosystem->systems.first().migration->down;
        QCOMPARE(down.value(1), QStringLiteral("-c"));
        QVERIFY2(down.value(2).startsWith(QStringLiteral("echo ")), qPrintable(down.join(QLatin1Char(' '))));
    }

    void interruptedReleasePolicy()
    {
        const QByteArray document = QByteArray(minimal) + "rollback:\n  onInterrupted: refuse\n";
        const EcosystemLoadResult result = EcosystemLoader().loadData(document, QStringLiteral("eco.yaml"));
        QVERIFY2(result.ecosystem, qPrintable(render(result.diagnostics)));
        QCOMPARE(result.ecosystem->rollback.onInterrupted, RollbackPolicy::Interrupted::Refuse);
    }

    void reviewsAndApiVersion()
    {
        const QByteArray document = QByteArray(minimal) +
            "gating:\n  reviews:\n    kind: gitlab\n    url: https://gitlab.example.org\n"
            "    project: shop/{system}\n    tokenEnv: GITLAB_TOKEN\n"
            "tracker:\n  kind: jira\n  url: https://jira.example.org\n  apiVersion: 3\n";
        const EcosystemLoadResult result = EcosystemLoader().loadData(document, QStringLiteral("eco.yaml"));
        QVERIFY2(result.ecosystem, qPrintable(render(result.diagnostics)));
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(render(result.diagnostics)));
        const ReviewSettings &reviews = result.ecosystem->gating.reviews;
        QCOMPARE(reviews.kind, ReviewSettings::Kind::GitLab);
        QCOMPARE(reviews.url, QStringLiteral("https://gitlab.example.org"));
        QCOMPARE(reviews.project, QStringLiteral("shop/{system}"));
        QCOMPARE(reviews.tokenEnvironmentVariable, QStringLiteral("GITLAB_TOKEN"));
        QCOMPARE(result.ecosystem->tracker.apiVersion, 3);

        const EcosystemLoadResult defaults = EcosystemLoader().loadData(minimal, QStringLiteral("eco.yaml"));
        QCOMPARE(defaults.ecosystem->gating.reviews.kind, ReviewSettings::Kind::Trailers);
        QCOMPARE(defaults.ecosystem->tracker.apiVersion, 2);
        QCOMPARE(defaults.ecosystem->tracker.keyPrefix, QString());
    }

    void autotestSettings()
    {
        const QByteArray document = QByteArray(minimal) +
            "gating:\n  autotests:\n    branches: true\n    commitStatuses: false\n    statusContext: ci/shipyard\n"
            "    targetUrl: https://ci.example.org/{commit}\n    results: state/autotests.json\n";
        const EcosystemLoadResult result = EcosystemLoader().loadData(document, QStringLiteral("eco.yaml"));
        QVERIFY2(result.ecosystem, qPrintable(render(result.diagnostics)));
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(render(result.diagnostics)));
        const AutotestSettings &autotests = result.ecosystem->gating.autotests;
        QVERIFY(autotests.branches);
        QVERIFY(!autotests.commitStatuses);
        QCOMPARE(autotests.statusContext, QStringLiteral("ci/shipyard"));
        QCOMPARE(autotests.targetUrl, QStringLiteral("https://ci.example.org/{commit}"));
        QCOMPARE(autotests.results, QStringLiteral("state/autotests.json"));

        const EcosystemLoadResult defaults = EcosystemLoader().loadData(minimal, QStringLiteral("eco.yaml"));
        QVERIFY(!defaults.ecosystem->gating.autotests.branches);
        QVERIFY(defaults.ecosystem->gating.autotests.commitStatuses);
        QCOMPARE(defaults.ecosystem->gating.autotests.statusContext, QStringLiteral("shipyard/autotests"));

        // A misspelt key and an empty context are named where they stand.
        const EcosystemLoadResult wrong = EcosystemLoader().loadData(
            QByteArray(minimal) + "gating:\n  autotests:\n    branch: true\n    statusContext: ''\n",
            QStringLiteral("eco.yaml"));
        const QString said = render(wrong.diagnostics);
        QVERIFY2(said.contains(QLatin1String("'branch'")), qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("'statusContext' is empty")), qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("eco.yaml:")), qPrintable(said));
    }

    void registrySettings()
    {
        const QByteArray document = QByteArray(minimal) +
            "registry:\n  url: 10.0.0.5:5000\n  insecure: true\n  usernameEnv: U\n  passwordEnv: P\n"
            "  sendCredentialsOverHttp: true\n";
        const EcosystemLoadResult result = EcosystemLoader().loadData(document, QStringLiteral("eco.yaml"));
        QVERIFY2(result.ecosystem, qPrintable(render(result.diagnostics)));
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(render(result.diagnostics)));
        RegistrySettings registry = result.ecosystem->registry;
        QVERIFY(registry.sendCredentialsOverHttp);
        QVERIFY(registry.mayUsePlainHttp());
        QVERIFY(registry.sendsCredentials());
        registry.sendCredentialsOverHttp = false;
        QVERIFY(!registry.sendsCredentials());
        registry.insecure = false;
        QVERIFY(registry.sendsCredentials()); // https, the default
        registry.url = QStringLiteral("Http://10.0.0.5:5000");
        QVERIFY(!registry.sendsCredentials());
        registry.url = QStringLiteral("https://10.0.0.5:5000");
        QVERIFY(registry.sendsCredentials());
        QVERIFY(!EcosystemLoader()
                .loadData(minimal, QStringLiteral("eco.yaml"))
                .ecosystem->registry.sendCredentialsOverHttp);
    }

    void redmineKeyPrefix()
    {
        const QByteArray document = QByteArray(minimal) +
            "gating:\n  taskKey: SHOP-[0-9]+\n"
            "tracker:\n  kind: redmine\n  url: https://redmine.example.org\n  project: shop\n  keyPrefix: SHOP-\n";
        const EcosystemLoadResult result = EcosystemLoader().loadData(document, QStringLiteral("eco.yaml"));
        QVERIFY2(result.ecosystem, qPrintable(render(result.diagnostics)));
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(render(result.diagnostics)));
        QCOMPARE(result.ecosystem->tracker.kind, TrackerKind::Redmine);
        QCOMPARE(result.ecosystem->tracker.keyPrefix, QStringLiteral("SHOP-"));
        QCOMPARE(result.ecosystem->tracker.project, QStringLiteral("shop"));
    }

    void robotPollInterval()
    {
        const EcosystemLoadResult defaulted = EcosystemLoader().loadData(minimal, QStringLiteral("eco.yaml"));
        QVERIFY(defaulted.ecosystem);
        QCOMPARE(defaulted.ecosystem->robot.pollInterval, std::chrono::seconds(60));
        const EcosystemLoadResult set = EcosystemLoader().loadData(
            QByteArray(minimal) + "robot:\n  pollInterval: 5m\n", QStringLiteral("eco.yaml"));
        QVERIFY2(set.ecosystem, qPrintable(render(set.diagnostics)));
        QVERIFY(set.diagnostics.isEmpty());
        QCOMPARE(set.ecosystem->robot.pollInterval, std::chrono::seconds(300));
    }

    void canaryPlans()
    {
        QByteArray document(minimal);
        document.replace("manifests: [deploy/]", "manifests: [deploy/]\n    canary: {steps: [10, 50, 100], pause: 3s}");
        document += "  - name: production\n    kind: production\n    context: staging\n    namespace: shop\n"
                    "  - name: qa\n    kind: staging\n    context: staging\n    namespace: shop-qa\n"
                    "    canary: false\n"
                    "  - name: canary-hall\n    kind: local\n    context: staging\n    namespace: shop-hall\n"
                    "    canary: {steps: [25, 100], pause: manual}\n";
        const EcosystemLoadResult result = EcosystemLoader().loadData(document, QStringLiteral("eco.yaml"));
        QVERIFY2(result.ecosystem, qPrintable(render(result.diagnostics)));
        const Ecosystem &ecosystem = *result.ecosystem;
        const System &api = *ecosystem.system(QStringLiteral("api"));
        QCOMPARE(api.canary->steps, QList<int>({ 10, 50, 100 }));
        QCOMPARE(api.canary->pause, 3s);
        QVERIFY(!api.canary->manual);
        // The system's plan in production; none in a local environment, none where it is turned off.
        QCOMPARE(CanaryPlan::forDelivery(api, *ecosystem.environment(QStringLiteral("production")))->steps,
            QList<int>({ 10, 50, 100 }));
        QVERIFY(!CanaryPlan::forDelivery(api, *ecosystem.environment(QStringLiteral("staging"))));
        QVERIFY(!CanaryPlan::forDelivery(api, *ecosystem.environment(QStringLiteral("qa"))));
        // An environment's own plan wins, whatever its kind.
        const std::optional<CanaryPlan> hall =
            CanaryPlan::forDelivery(api, *ecosystem.environment(QStringLiteral("canary-hall")));
        QCOMPARE(hall->steps, QList<int>({ 25, 100 }));
        QVERIFY(hall->manual);
    }

    // Each row: a document and the diagnostics it must produce, as
    // "LINE:COL: severity: text" prefixes; the counts must match exactly.
    void diagnostics_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QStringList>("expected");

        const QByteArray base(minimal);
        const auto replaced = [&](const char *from, const char *to) {
            QByteArray copy = base;
            const qsizetype at = copy.indexOf(from);
            Q_ASSERT(at >= 0);
            return copy.replace(at, qsizetype(strlen(from)), to);
        };

        QTest::newRow("empty file") << QByteArray() << QStringList { "1:1: error: the ecosystem is empty" };
        QTest::newRow("only a comment") << QByteArray("# nothing\n")
                                        << QStringList { "1:1: error: the ecosystem is empty" };
        QTest::newRow("top level is a list")
            << QByteArray("- a\n- b\n") << QStringList { "1:1: error: the ecosystem must be a mapping" };
        QTest::newRow("syntax error points at the line")
            << QByteArray("name: Shop\nsystems:\n  - name: [api\n    template: backend\n")
            << QStringList { "error: YAML syntax error" };
        QTest::newRow("tab indentation") << QByteArray("name: Shop\nsystems:\n\t- name: api\n")
                                         << QStringList { "3:2: error: YAML syntax error: illegal block entry" };
        QTest::newRow("duplicate top-level key") << base +
                "name: Other\n" << QStringList { "13:1: error: duplicate key 'name' (first defined at line 1)" };
        QTest::newRow("duplicate key inside a system")
            << replaced("    image: shop/api\n", "    image: shop/api\n    image: shop/api2\n")
            << QStringList { "7:5: error: duplicate key 'image' (first defined at line 6)" };
        QTest::newRow("unknown key with suggestion")
            << replaced("    image: shop/api\n", "    image: shop/api\n    manifest: [x]\n")
            << QStringList { "7:5: warning: system 'api': unknown key 'manifest' (did you mean 'manifests'?)" };
        QTest::newRow("unknown top-level key without suggestion") << base +
                "zebra: 1\n" << QStringList { "13:1: warning: ecosystem: unknown key 'zebra'" };
        QTest::newRow("robot poll interval of zero")
            << base + "robot:\n  pollInterval: 0s\n"
            << QStringList { "14:17: error: robot pollInterval must be at least 1s" };
        QTest::newRow("robot poll interval not a duration")
            << base + "robot:\n  pollInterval: often\n"
            << QStringList { "14:17: error: robot: field 'pollInterval' must be a duration" };
        QTest::newRow("missing required field")
            << replaced("    image: shop/api\n", "")
            << QStringList { "3:5: error: system 'api': missing required field 'image'" };
        QTest::newRow("env: names that are no variable names")
            << replaced(
                   "    manifests: [deploy/]\n", "    manifests: [deploy/]\n    env: [PGPASSWORD, 'BAD-NAME', 1PASS]\n")
            << QStringList { "8:23: error: system 'api': 'env' lists 'BAD-NAME', which is no environment variable name",
                   "8:35: error: system 'api': 'env' lists '1PASS', which is no environment variable name" };
        QTest::newRow("env: a name twice")
            << replaced("    manifests: [deploy/]\n", "    manifests: [deploy/]\n    env: [PGPASSWORD, PGPASSWORD]\n")
            << QStringList { "8:23: warning: system 'api': 'env' lists PGPASSWORD twice" };
        QTest::newRow("env: the ecosystem's own credential")
            << replaced("    manifests: [deploy/]\n", "    manifests: [deploy/]\n    env:\n      - SHOP_TRACKER\n") +
                "tracker:\n  kind: file\n  tokenEnv: SHOP_TRACKER\n"
            << QStringList { "9:9: warning: system 'api': 'env' passes SHOP_TRACKER, one of the ecosystem's own "
                             "credentials, to the code of every branch it delivers" };
        QTest::newRow("env: a list of text")
            << replaced("    manifests: [deploy/]\n", "    manifests: [deploy/]\n    env: {PGPASSWORD: x}\n")
            << QStringList { "8:10: error: system 'api': field 'env' must be a list of text, not a mapping" };
        QTest::newRow("migrate: not a mapping")
            << replaced("    manifests: [deploy/]\n", "    manifests: [deploy/]\n    migrate: bin/migrate up\n")
            << QStringList { "8:14: error: system 'api': field 'migrate' must be a mapping, not 'bin/migrate up'" };
        QTest::newRow("migrate: down missing")
            << replaced(
                   "    manifests: [deploy/]\n", "    manifests: [deploy/]\n    migrate:\n      up: bin/migrate up\n")
            << QStringList { "9:7: error: system 'api': migrate: missing required field 'down'" };
        QTest::newRow("migrate: empty command")
            << replaced("    manifests: [deploy/]\n",
                   "    manifests: [deploy/]\n    migrate:\n      up: ''\n      down: bin/migrate down\n")
            << QStringList { "9:11: error: system 'api': migrate: field 'up' must not be empty" };
        QTest::newRow("migrate: a command list with a mapping in it")
            << replaced("    manifests: [deploy/]\n",
                   "    manifests: [deploy/]\n    migrate:\n      up: [bin/migrate, {a: b}]\n      down: x\n")
            << QStringList { "9:25: error: system 'api': migrate: the items of 'up' must be text, not a mapping" };
        QTest::newRow("migrate: a list whose program is empty")
            << replaced("    manifests: [deploy/]\n",
                   "    manifests: [deploy/]\n    migrate:\n      up: ['', up]\n      down: x\n")
            << QStringList { "9:11: error: system 'api': migrate: the first word of 'up' names the program" };
        QTest::newRow("migrate: a timeout that is no duration")
            << replaced("    manifests: [deploy/]\n",
                   "    manifests: [deploy/]\n    migrate:\n      up: x\n      down: y\n      timeout: soon\n")
            << QStringList { "11:16: error: system 'api': migrate: field 'timeout' must be a duration" };
        QTest::newRow("migrate: unknown key with suggestion")
            << replaced("    manifests: [deploy/]\n",
                   "    manifests: [deploy/]\n    migrate:\n      up: x\n      down: y\n      donw: z\n")
            << QStringList { "11:7: warning: system 'api': migrate: unknown key 'donw' (did you mean 'down'?)" };
        QTest::newRow("missing systems") << QByteArray("name: Shop\nenvironments: []\n")
                                         << QStringList { "1:1: error: ecosystem: missing required field 'systems'" };
        QTest::newRow("wrong type: mapping for text")
            << replaced("image: shop/api", "image: {a: b}")
            << QStringList { "6:12: error: system 'api': field 'image' must be text, not a mapping" };
        QTest::newRow("wrong type: number")
            << base + "gating:\n  reviewsRequired: two\n"
            << QStringList { "14:20: error: gating: field 'reviewsRequired' must be a whole number, not 'two'" };
        QTest::newRow("number out of range")
            << base + "gating:\n  reviewsRequired: -1\n"
            << QStringList { "14:20: error: gating: field 'reviewsRequired' must be between 0 and 100, not -1" };
        QTest::newRow("wrong type: boolean")
            << base + "rollback:\n  onSmokeFailure: yes please\n"
            << QStringList { "14:19: error: rollback: field 'onSmokeFailure' must be true or false" };
        QTest::newRow("interrupted releases: a policy that does not exist")
            << base + "rollback:\n  onInterrupted: restor\n"
            << QStringList { "14:18: error: rollback: field 'onInterrupted' must be one of restore, refuse, not "
                             "'restor' (did you mean 'restore'?)" };
        QTest::newRow("bad template with suggestion")
            << replaced("template: backend", "template: backnd")
            << QStringList { "4:15: error: system 'api': field 'template' must be one of frontend, backend, worker, "
                             "not 'backnd' (did you mean 'backend'?)" };
        QTest::newRow("duplicate system name")
            << replaced("environments:\n",
                   "  - name: api\n    template: worker\n    repository: r\n    image: i\n"
                   "    manifests: [m]\nenvironments:\n")
            << QStringList { "8:11: error: duplicate system name 'api' (first defined at line 3)" };
        QTest::newRow("duplicate environment name")
            << base + "  - name: staging\n    kind: local\n    context: c\n    namespace: n\n"
            << QStringList { "13:11: error: duplicate environment name 'staging' (first defined at line 9)" };
        QTest::newRow("unknown system in dependsOn")
            << replaced("    image: shop/api\n", "    image: shop/api\n    dependsOn: [ap]\n")
            << QStringList { "7:16: error: system 'api': unknown system 'ap' (did you mean 'api'?)" };
        QTest::newRow("system depends on itself")
            << replaced("    image: shop/api\n", "    image: shop/api\n    dependsOn: [api]\n")
            << QStringList { "7:16: error: system 'api' depends on itself" };
        QTest::newRow("unknown system in environment") << base +
                "    systems: [web]\n" << QStringList { "13:14: error: environment 'staging': unknown system 'web'" };
        QTest::newRow("invalid regex") << base + "gating:\n  taskKey: \"SHOP-[0-9+\"\n"
                                       << QStringList {
                                              "14:12: error: gating: 'taskKey' is not a valid regular expression"
                                          };
        QTest::newRow("regex matching everything")
            << base + "gating:\n  taskKey: \".*\"\n"
            << QStringList { "14:12: error: gating: 'taskKey' matches an empty branch name" };
        QTest::newRow("system name is not a DNS label")
            << replaced("- name: api", "- name: My_API")
            << QStringList { "3:11: error: system name 'My_API' must be lower-case letters" };
        QTest::newRow("showroom without pattern and ttl")
            << base + "  - name: showroom\n    kind: showroom\n    context: c\n"
            << QStringList { "13:5: error: environment 'showroom': missing required field 'namespacePattern'",
                   "13:5: error: environment 'showroom': missing required field 'ttl'" };
        QTest::newRow("showroom pattern without task")
            << base +
                "  - name: showroom\n    kind: showroom\n    context: c\n    namespacePattern: demo\n    ttl: 1d\n"
            << QStringList { "16:23: error: environment 'showroom': 'namespacePattern' must contain {task}" };
        QTest::newRow("bad duration") << base +
                "  - name: showroom\n    kind: showroom\n    context: c\n    namespacePattern: s-{task}\n    ttl: "
                "soon\n" << QStringList { "17:10: error: environment 'showroom': field 'ttl' must be a duration" };
        QTest::newRow("ttl on a fixed environment warns")
            << base + "    ttl: 1d\n"
            << QStringList { "13:10: warning: environment 'staging': 'ttl' only applies to showrooms" };
        QTest::newRow("token written in the file")
            << base + "tracker:\n  kind: redmine\n  url: http://r\n  token: s3cr3t\n"
            << QStringList { "16:10: error: tracker: secrets must not be written in the ecosystem file",
                   "14:9: warning: tracker: Redmine issues are listed as '#1'" };
        QTest::newRow("redmine without url") << base + "tracker:\n  kind: redmine\n"
                                             << QStringList { "14:3: error: tracker: missing required field 'url'",
                                                    "14:9: warning: tracker: Redmine issues are listed as '#1'" };
        QTest::newRow("redmine keyPrefix the taskKey matches") << base +
                "gating:\n  taskKey: SHOP-[0-9]+\ntracker:\n  kind: redmine\n  url: http://r\n  keyPrefix: SHOP-\n"
                                                               << QStringList {};
        QTest::newRow("redmine keyPrefix the taskKey does not match")
            << base +
                "gating:\n  taskKey: SHOP-[0-9]+\ntracker:\n  kind: redmine\n  url: http://r\n  keyPrefix: TASK-\n"
            << QStringList { "18:14: warning: tracker: Redmine issues are listed as 'TASK-1', which gating 'taskKey' "
                             "(SHOP-[0-9]+) does not match, so the delivery robot would ignore every task" };
        QTest::newRow("redmine keyPrefix longer than the taskKey allows")
            << base +
                "gating:\n  taskKey: SHOP-[0-9]+\ntracker:\n  kind: redmine\n  url: http://r\n  keyPrefix: XSHOP-\n"
            << QStringList { "18:14: warning: tracker: Redmine issues are listed as 'XSHOP-1'" };
        QTest::newRow("redmine without keyPrefix, default taskKey")
            << base + "tracker:\n  kind: redmine\n  url: http://r\n"
            << QStringList { "14:9: warning: tracker: Redmine issues are listed as '#1', which gating 'taskKey' "
                             "([A-Z][A-Z0-9]+-[0-9]+) does not match, so the delivery robot would ignore every "
                             "task; set 'keyPrefix'" };
        QTest::newRow("redmine without keyPrefix, taskKey takes #N")
            << base + "gating:\n  taskKey: '#[0-9]+'\ntracker:\n  kind: redmine\n  url: http://r\n"
            << QStringList {};
        QTest::newRow("redmine keyPrefix ending with a digit")
            << base + "tracker:\n  kind: redmine\n  url: http://r\n  keyPrefix: SHOP2\n"
            << QStringList { "16:14: error: tracker: 'keyPrefix' must not end with a digit ('SHOP2')" };
        QTest::newRow("keyPrefix on a jira tracker")
            << base + "tracker:\n  kind: jira\n  url: https://j\n  keyPrefix: SHOP-\n"
            << QStringList { "16:14: warning: tracker: 'keyPrefix' only applies to redmine; jira trackers" };
        QTest::newRow("review token written in the file")
            << base + "gating:\n  reviews:\n    kind: gitlab\n    url: https://g\n    project: a/b\n    token: x\n"
            << QStringList { "18:12: error: gating reviews: secrets must not be written in the ecosystem file" };
        QTest::newRow("gerrit reviews without url")
            << base + "gating:\n  reviews:\n    kind: gerrit\n"
            << QStringList { "15:5: error: gating reviews: missing required field 'url'" };
        QTest::newRow("gitlab reviews without project")
            << base + "gating:\n  reviews:\n    kind: gitlab\n    url: https://g\n"
            << QStringList { "15:5: error: gating reviews: missing required field 'project'" };
        QTest::newRow("github project is not owner/repo")
            << base + "gating:\n  reviews:\n    kind: github\n    url: https://api.github.com\n    project: shop\n"
            << QStringList { "17:14: error: gating reviews: a GitHub project is 'owner/repo', not 'shop'" };
        QTest::newRow("unknown review kind") << base + "gating:\n  reviews:\n    kind: bitbucket\n"
                                             << QStringList { "15:11: error: gating reviews:" };
        QTest::newRow("trailers need no url") << base + "gating:\n  reviews:\n    kind: trailers\n" << QStringList {};
        // Approvals from commit trailers, which anyone can write, guarding
        // deliveries: a warning where the fix goes.
        const QByteArray staging = replaced("kind: local", "kind: staging");
        const QString selfAsserted = QStringLiteral("warning: gating reviews: deliveries into %1 need approvals, "
                                                    "and commit trailers ('Reviewed-by:') are self-asserted: anyone "
                                                    "who can push a commit can write them; use gerrit, gitlab or "
                                                    "github reviews, or set 'trustTrailers: true' to accept that");
        QTest::newRow("trailers by default guard staging")
            << staging << QStringList { "9:5: " + selfAsserted.arg(QStringLiteral("'staging'")) };
        QTest::newRow("trailers named guard staging")
            << staging + "gating:\n  reviews:\n    kind: trailers\n"
            << QStringList { "15:11: " + selfAsserted.arg(QStringLiteral("'staging'")) };
        QTest::newRow("trailers guard a local environment's approvals") << base +
                "    approvals: 1\n" << QStringList { "13:16: " + selfAsserted.arg(QStringLiteral("'staging'")) };
        QTest::newRow("trailers guard staging and production")
            << staging +
                "  - name: production\n    kind: production\n    context: p\n    namespace: p\n"
                "    approvals: 2\n"
            << QStringList { "9:5: " + selfAsserted.arg(QStringLiteral("'staging', 'production'")) };
        QTest::newRow("trailers guarding nothing") << staging + "gating:\n  reviewsRequired: 0\n" << QStringList {};
        QTest::newRow("trailers trusted") << staging + "gating:\n  reviews:\n    trustTrailers: true\n"
                                          << QStringList {};
        QTest::newRow("a review service guards staging")
            << staging + "gating:\n  reviews:\n    kind: gerrit\n    url: https://review.example.org\n"
            << QStringList {};
        const QByteArray alerting = base + "rollback:\n  alerts:\n    alertmanager: http://am:9093\n";
        QTest::newRow("alerts: a matcher that does not read")
            << alerting + "    matchers: ['service=\"${SYSTEM}\"', 'env==prod']\n"
            << QStringList { "16:39: error: rollback: alerts: 'env==prod': a value with spaces, quotes or any of "
                             "{},=!~ must be in double quotes (matchers are written as Alertmanager's" };
        QTest::newRow("alerts: a regular expression that does not read")
            << alerting + "    matchers: ['service=~\"${SYSTEM}(\"']\n"
            << QStringList { "16:16: error: rollback: alerts: 'service=~\"${SYSTEM}(\"': not a regular expression" };
        QTest::newRow("alerts: no matchers")
            << alerting + "    matchers: []\n"
            << QStringList { "16:15: error: rollback: alerts: field 'matchers' must not be empty" };
        QTest::newRow("alerts: an environment without matchers")
            << replaced("kind: local\n    context: staging\n    namespace: shop-staging",
                   "kind: staging\n    context: staging\n    namespace: shop-staging\n    alerts: {matchers: []}") +
                "gating: {reviewsRequired: 0}\n" + alerting.mid(base.size()) + "    matchers: [a=b]\n"
            << QStringList { "13:24: error: environment 'staging': alerts: 'matchers' is empty, and would match every "
                             "alert" };
        QTest::newRow("alerts: no Alertmanager")
            << base + "rollback:\n  alerts:\n    matchers: [a=b]\n"
            << QStringList { "15:5: error: rollback: alerts: missing required field 'alertmanager'" };
        QTest::newRow("alerts: Alertmanager without a scheme")
            << base + "rollback:\n  alerts:\n    alertmanager: am:9093\n    matchers: [a=b]\n"
            << QStringList { "15:19: error: rollback: alerts: 'am:9093' is not an http:// or https:// URL" };
        QTest::newRow("alerts: an unknown policy")
            << alerting + "    matchers: [a=b]\n    onUnreachable: ignore\n"
            << QStringList { "17:20: error: rollback: alerts: field 'onUnreachable' must be one of" };
        QTest::newRow("alerts: an unknown variable")
            << replaced("kind: local", "kind: staging") + "gating: {reviewsRequired: 0}\n" + alerting.mid(base.size()) +
                "    matchers: ['service=\"${SERVCE}\"']\n"
            << QStringList { "17:15: error: environment 'staging': alerts: matcher 'service=\"${SERVCE}\"' for "
                             "system 'api': unknown variable ${SERVCE}" };
        QTest::newRow("alerts of a local environment")
            << replaced("namespace: shop-staging", "namespace: shop-staging\n    alerts: {matchers: [a=b]}")
            << QStringList { "13:13: warning: environment 'staging': 'alerts' only apply to staging and production" };
        QTest::newRow("trustTrailers on a review service")
            << staging +
                "gating:\n  reviews:\n    kind: gitlab\n    url: https://g\n    project: a/b\n"
                "    trustTrailers: true\n"
            << QStringList { "18:20: warning: gating reviews: 'trustTrailers' only applies to trailers" };
        QTest::newRow("trustTrailers is a boolean")
            << staging + "gating:\n  reviews:\n    trustTrailers: sure\n"
            << QStringList { "15:20: error: gating reviews: field 'trustTrailers' must be true or false",
                   "9:5: " + selfAsserted.arg(QStringLiteral("'staging'")) };
        QTest::newRow("tracker token over plain http")
            << base + "tracker:\n  kind: jira\n  url: http://jira.example.org\n  tokenEnv: JIRA_TOKEN\n"
            << QStringList { "15:8: warning: tracker: the token in JIRA_TOKEN would be sent unencrypted to "
                             "http://jira.example.org, readable by anyone on the way; use https" };
        QTest::newRow("tracker token over https")
            << base + "tracker:\n  kind: jira\n  url: https://jira.example.org\n  tokenEnv: JIRA_TOKEN\n"
            << QStringList {};
        QTest::newRow("tracker over plain http without a token")
            << base + "tracker:\n  kind: jira\n  url: http://jira.example.org\n"
            << QStringList {};
        QTest::newRow("tracker token over loopback http")
            << base + "tracker:\n  kind: jira\n  url: http://127.0.0.1:8080\n  tokenEnv: JIRA_TOKEN\n"
            << QStringList {};
        QTest::newRow("tracker token to localhost over http")
            << base + "tracker:\n  kind: jira\n  url: HTTP://LocalHost:8080/jira\n  tokenEnv: JIRA_TOKEN\n"
            << QStringList {};
        QTest::newRow("review token over plain http")
            << base +
                "gating:\n  reviews:\n    kind: gerrit\n    url: http://gerrit.example.org\n"
                "    tokenEnv: GERRIT_AUTH\n"
            << QStringList { "16:10: warning: gating reviews: the token in GERRIT_AUTH would be sent unencrypted "
                             "to http://gerrit.example.org" };
        QTest::newRow("review token over IPv6 loopback http") << base +
                "gating:\n  reviews:\n    kind: gerrit\n    url: 'http://[::1]:8080'\n"
                "    tokenEnv: GERRIT_AUTH\n" << QStringList {};
        QTest::newRow("insecure registry with credentials")
            << base + "registry:\n  url: 10.0.0.5:5000\n  insecure: true\n  usernameEnv: U\n  passwordEnv: P\n"
            << QStringList { "15:13: warning: registry: its credentials (usernameEnv, passwordEnv) are not sent over "
                             "plain http (insecure: true)" };
        QTest::newRow("http registry with credentials")
            << base + "registry:\n  url: http://10.0.0.5:5000\n  passwordEnv: P\n"
            << QStringList { "14:8: warning: registry: its credentials (usernameEnv, passwordEnv) are not sent over "
                             "plain http (an http:// url)" };
        QTest::newRow("insecure registry sending credentials anyway") << base +
                "registry:\n  url: 10.0.0.5:5000\n  insecure: true\n  usernameEnv: U\n  passwordEnv: P\n"
                "  sendCredentialsOverHttp: true\n" << QStringList {};
        QTest::newRow("insecure registry without credentials")
            << base + "registry:\n  url: 10.0.0.5:5000\n  insecure: true\n"
            << QStringList {};
        QTest::newRow("jira apiVersion out of range")
            << base + "tracker:\n  kind: jira\n  url: https://j\n  apiVersion: 4\n"
            << QStringList { "16:15: error: tracker: field 'apiVersion' must be between 2 and 3, not 4" };
        QTest::newRow("monitoring without threshold")
            << base + "rollback:\n  monitoring:\n    prometheus: http://p\n    query: up\n"
            << QStringList { "15:5: error: rollback monitoring: missing required field 'threshold'" };
        const auto withCanary = [&](const char *canary) {
            return replaced(
                "manifests: [deploy/]", QByteArray("manifests: [deploy/]\n    canary: ").append(canary).constData());
        };
        QTest::newRow("canary steps that do not grow")
            << withCanary("{steps: [50, 10, 100], pause: 2m}")
            << QStringList { "8:26: error: system 'api': canary: steps must grow: 10 after 50" };
        QTest::newRow("canary step beyond 100")
            << withCanary("{steps: [10, 150], pause: 2m}")
            << QStringList { "8:26: error: system 'api': canary: a step is a share of the pods from 1 to 100 "
                             "(per cent), not '150'" };
        QTest::newRow("canary step that is no number")
            << withCanary("{steps: [half, 100], pause: 2m}")
            << QStringList { "8:22: error: system 'api': canary: a step is a share of the pods from 1 to 100 "
                             "(per cent), not 'half'" };
        QTest::newRow("canary that never reaches 100")
            << withCanary("{steps: [10, 50], pause: 2m}")
            << QStringList { "8:26: error: system 'api': canary: the last step must be 100" };
        QTest::newRow("canary pause that is no duration")
            << withCanary("{steps: [10, 100], pause: soon}")
            << QStringList { "8:39: error: system 'api': canary: 'pause' must be a duration such as '30s' or "
                             "'2m', or 'manual', not 'soon'" };
        QTest::newRow("canary without a pause")
            << withCanary("{steps: [100]}")
            << QStringList { "8:13: error: system 'api': canary: missing required field 'pause'" };
        QTest::newRow("canary with an unknown key")
            << withCanary("{steps: [100], pause: 3s, pace: 1}")
            << QStringList { "8:39: warning: system 'api': canary: unknown key 'pace' (did you mean 'pause'?)",
                   "8:13: warning: system 'api': canary: nothing judges its shares (no rollback.monitoring)" };
        QTest::newRow("canary waiting for a person needs no monitoring")
            << withCanary("{steps: [50, 100], pause: manual}") << QStringList {};
        QTest::newRow("canary: false only turns an environment's off")
            << withCanary("false")
            << QStringList { "8:13: error: system 'api': field 'canary' must be a mapping, not 'false'" };
        QTest::newRow("unsupported apiVersion") << "apiVersion: shipyard/v9\n" +
                base << QStringList { "1:13: error: ecosystem: apiVersion 'shipyard/v9' is not supported" };
        QTest::newRow("two documents") << base + "---\nname: x\n"
                                       << QStringList { "error: only one YAML document is allowed" };
        QTest::newRow("items of a list must be text")
            << replaced("manifests: [deploy/]", "manifests: [{a: b}]")
            << QStringList { "7:17: error: system 'api': the items of 'manifests' must be text, not a mapping" };
        QTest::newRow("two manifest sources")
            << replaced("manifests: [deploy/]", "manifests: [deploy/]\n    kustomize: deploy/overlays/{environment}")
            << QStringList { "8:16: error: system 'api': 'manifests' and 'kustomize' both name its objects; keep one" };
        QTest::newRow("helm without a chart")
            << replaced("manifests: [deploy/]", "helm: {values: [a.yaml]}")
            << QStringList { "7:11: error: system 'api': helm: missing required field 'chart'" };
        QTest::newRow("helm value of an unknown variable")
            << replaced("manifests: [deploy/]", "helm:\n      chart: chart\n      set: {host: \"${HSOT}\"}")
            << QStringList { "9:19: error: system 'api': helm set.host in environment 'staging': unknown variable "
                             "${HSOT} (known: ENVIRONMENT, ENVIRONMENT_SECRET, NAMESPACE, SYSTEM, TASK)" };
        QTest::newRow("a variable named as Shipyard's own")
            << replaced("namespace: shop-staging", "namespace: shop-staging\n    variables: {NAMESPACE: x}")
            << QStringList { "13:17: error: environment 'staging': variable 'NAMESPACE' is set by Shipyard itself" };
        QTest::newRow("a variable that is no name")
            << base + "variables: {2FAST: x}\n"
            << QStringList { "13:13: error: ecosystem: variable '2FAST' is no variable name" };
        QTest::newRow("a variable that looks like a secret")
            << replaced("manifests: [deploy/]", "manifests: [deploy/]\n    variables: {DB_PASSWORD: hunter2}")
            << QStringList { "8:17: warning: system 'api': variable 'DB_PASSWORD' looks like a secret" };
        QTest::newRow("a settings Secret that is no name")
            << replaced("namespace: shop-staging", "namespace: shop-staging\n    secret: Shop_Settings")
            << QStringList { "13:13: error: environment 'staging': secret 'Shop_Settings' is not a Secret's name" };
        QTest::newRow("system item is not a mapping")
            << replaced("environments:\n", "  - just-a-name\nenvironments:\n")
            << QStringList { "8:5: error: systems: item 2 must be a mapping, not 'just-a-name'" };
        QTest::newRow("every problem at once")
            << QByteArray("name: Shop\nsystems:\n  - name: a\n  - name: b\nenvironments:\n  - name: e\n")
            << QStringList { "3:5: error: system 'a': missing required field 'template'",
                   "3:5: error: system 'a': missing required field 'repository'",
                   "3:5: error: system 'a': missing required field 'image'",
                   "3:5: error: system 'a': no Kubernetes objects: give 'manifests'",
                   "4:5: error: system 'b': missing required field 'template'",
                   "4:5: error: system 'b': missing required field 'repository'",
                   "4:5: error: system 'b': missing required field 'image'",
                   "4:5: error: system 'b': no Kubernetes objects: give 'manifests'",
                   "6:5: error: environment 'e': missing required field 'kind'",
                   "6:5: error: environment 'e': missing required field 'context'",
                   "6:5: error: environment 'e': missing required field 'namespace'" };
        QTest::newRow("invalid UTF-8 is located") << QByteArray("name: Shop\nsystems: \xff\xfe\n")
                                                  << QStringList { "2:10: error: the file is not UTF-8 text" };
        QTest::newRow("NUL byte") << QByteArray("name: Shop\n\0\n", 13)
                                  << QStringList { "2:1: error: the file contains a NUL byte" };
    }

    void diagnostics()
    {
        QFETCH(QByteArray, document);
        QFETCH(QStringList, expected);
        const EcosystemLoadResult result = EcosystemLoader().loadData(document, QStringLiteral("eco.yaml"));
        const QString actual = render(result.diagnostics);
        QCOMPARE(result.diagnostics.size(), expected.size());
        for (const QString &prefix : expected) {
            const bool found = std::ranges::any_of(result.diagnostics, [&](const Diagnostic &d) {
                return d.toString().startsWith(QStringLiteral("eco.yaml:") + prefix) ||
                    (prefix.startsWith(QStringLiteral("error:")) && d.toString().contains(prefix));
            });
            QVERIFY2(found, qPrintable(QStringLiteral("expected '%1' in:\n%2").arg(prefix, actual)));
        }
        const bool expectsError =
            std::ranges::any_of(expected, [](const QString &e) { return e.contains(QStringLiteral("error:")); });
        QCOMPARE(result.ecosystem.has_value(), !expectsError);
    }

    void knownContexts()
    {
        EcosystemLoader loader;
        loader.setKnownContexts({ QStringLiteral("stagng"), QStringLiteral("prod") });
        EcosystemLoadResult result = loader.loadData(minimal, QStringLiteral("eco.yaml"));
        QCOMPARE(render(result.diagnostics),
            QStringLiteral("eco.yaml:11:14: error: environment 'staging': context 'staging' is not in the "
                           "kubeconfig (did you mean 'stagng'?)"));
        loader.setKnownContexts({ QStringLiteral("staging") });
        result = loader.loadData(minimal, QStringLiteral("eco.yaml"));
        QVERIFY(result.ecosystem);
    }

    // Hostile input gets an error or a result, never a crash, a stack
    // overflow or a hang (ctest's timeout catches a hang).
    void hostile_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::newRow("100000 nested brackets") << QByteArray(100000, '[');
        QTest::newRow("100000 nested braces") << QByteArray(100000, '{');
        QByteArray nestedMappings;
        for (int i = 0; i < 3000; ++i)
            nestedMappings += QByteArray(i, ' ') + "a:\n";
        QTest::newRow("3000 nested block mappings") << nestedMappings;
        QByteArray flowMappings;
        for (int i = 0; i < 20000; ++i)
            flowMappings += "{a: ";
        QTest::newRow("20000 nested flow mappings") << flowMappings;
        QByteArray garbage(64 * 1024, '\0');
        for (qsizetype i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 7919 + 13) % 256);
        QTest::newRow("binary garbage") << garbage;
        QByteArray laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (char c = 'b'; c <= 'j'; ++c)
            laughs += QByteArray(1, c) + ": &" + c + " [" + QByteArray("*") + char(c - 1) + ", *" + char(c - 1) +
                ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
                char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
        QTest::newRow("billion laughs") << laughs;
        QTest::newRow("leading comma (hangs YAML::LoadAll)") << QByteArray("\r,]}a: ");
        QTest::newRow("unterminated quote") << QByteArray("name: \"Shop\n");
        QTest::newRow("alias to nothing") << QByteArray("name: *nothing\n");
        QByteArray wide = "name: Shop\nsystems:\n";
        for (int i = 0; i < 20000; ++i)
            wide += "  - name: s" + QByteArray::number(i) + "\n";
        QTest::newRow("20000 incomplete systems") << wide;
    }

    void hostile()
    {
        QFETCH(QByteArray, document);
        QElapsedTimer timer;
        timer.start();
        const EcosystemLoadResult result = EcosystemLoader().loadData(document, QStringLiteral("hostile.yaml"));
        QVERIFY(!result.ecosystem);
        QVERIFY(!result.diagnostics.isEmpty());
        QVERIFY(hasErrors(result.diagnostics));
        qDebug() << result.diagnostics.first().toString().left(160) << "after" << timer.elapsed() << "ms";
    }

    void hugeFileIsRefusedBeforeParsing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray line = "# padding padding padding padding padding padding padding padding\n";
        for (qint64 written = 0; written < 50 * 1024 * 1024; written += line.size())
            file.write(line);
        file.close();
        const EcosystemLoadResult result = EcosystemLoader().loadFile(path);
        QVERIFY(!result.ecosystem);
        QCOMPARE(result.diagnostics.size(), 1);
        QVERIFY2(result.diagnostics.first().message.contains(QStringLiteral("limited to 8 MiB")),
            qPrintable(result.diagnostics.first().toString()));
    }

    void unreadableFile()
    {
        const EcosystemLoadResult result = EcosystemLoader().loadFile(QStringLiteral("/nonexistent/eco.yaml"));
        QVERIFY(!result.ecosystem);
        QVERIFY(result.diagnostics.first().toString().startsWith(
            QStringLiteral("/nonexistent/eco.yaml:1:1: error: cannot read")));
    }
};

QTEST_GUILESS_MAIN(tst_EcosystemLoader)
#include "tst_ecosystemloader.moc"
