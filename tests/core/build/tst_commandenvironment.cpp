// SPDX-License-Identifier: GPL-2.0-or-later
// What the code of a branch sees of Shipyard's environment.
#include "build/CommandEnvironment.h"
#include "model/EcosystemLoader.h"

#include <QTest>

using namespace Shipyard;

class TestCommandEnvironment : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment base()
    {
        QProcessEnvironment environment;
        for (const auto &[name, value] : std::initializer_list<std::pair<const char *, const char *>> {
                 { "PATH", "/usr/bin:/bin" },
                 { "HOME", "/home/dev" },
                 { "KUBECONFIG", "/home/dev/.kube/config" },
                 { "REDMINE_APIKEY", "rm-key" },
                 { "PGPASSWORD", "pg-pass" },
                 { "AWS_SECRET_ACCESS_KEY", "aws-secret" },
                 { "AWS_SESSION_TOKEN", "aws-session" },
                 { "GITHUB_TOKEN", "gh-token" },
                 { "GITLAB_TOKEN", "gl-token" },
                 { "DEPLOY_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" },
                 { "SHOP_TRACKER", "tracker-auth" },
                 { "SHOP_REVIEWS", "reviews-auth" },
                 { "SHOP_REGISTRY_USER", "registry-user" },
                 { "SHOP_REGISTRY_PASS", "registry-pass" },
                 { "LANG", "C.UTF-8" },
             })
            environment.insert(QString::fromLatin1(name), QString::fromLatin1(value));
        return environment;
    }

    static Ecosystem ecosystem(const QString &env)
    {
        const QByteArray yaml = QStringLiteral(
            "name: Shop\n"
            "tracker: {kind: redmine, url: 'http://redmine.example', tokenEnv: SHOP_TRACKER}\n"
            "gating: {reviews: {kind: gitlab, url: 'http://gitlab.example', project: shop, tokenEnv: SHOP_REVIEWS}}\n"
            "registry: {url: 'registry.example:5000', usernameEnv: SHOP_REGISTRY_USER, passwordEnv: "
            "SHOP_REGISTRY_PASS}\n"
            "systems:\n"
            "  - {name: catalog, template: backend, repository: catalog, image: shop/catalog, manifests: [deploy/]%1}\n"
            "environments:\n"
            "  - {name: dev, kind: local, context: dev, namespace: dev}\n")
                                    .arg(env)
                                    .toUtf8();
        const EcosystemLoadResult loaded = EcosystemLoader().loadData(yaml, QStringLiteral("ecosystem.yaml"));
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            qWarning("%s", qPrintable(diagnostic.toString()));
        if (!loaded.ecosystem)
            qFatal("the ecosystem does not load");
        return *loaded.ecosystem;
    }

private Q_SLOTS:
    void withholdsCredentials()
    {
        const Ecosystem shop = ecosystem({});
        const CommandEnvironment scrubbed = CommandEnvironment::forSystem(shop, shop.systems.first(), base());
        QCOMPARE(scrubbed.environment().keys(), (QStringList { "HOME", "KUBECONFIG", "LANG", "PATH" }));
        QCOMPARE(scrubbed.withheld(),
            (QStringList { "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "DEPLOY_PRIVATE_KEY", "GITHUB_TOKEN",
                "GITLAB_TOKEN", "PGPASSWORD", "REDMINE_APIKEY", "SHOP_REGISTRY_PASS", "SHOP_REGISTRY_USER",
                "SHOP_REVIEWS", "SHOP_TRACKER" }));
        QCOMPARE(scrubbed.environment().value(QStringLiteral("KUBECONFIG")), QStringLiteral("/home/dev/.kube/config"));
    }

    void passesWhatTheSystemLists()
    {
        const Ecosystem shop = ecosystem(QStringLiteral(", env: [PGPASSWORD, SHOP_TRACKER, NOT_SET]"));
        QCOMPARE(shop.systems.first().passedVariables, (QStringList { "PGPASSWORD", "SHOP_TRACKER", "NOT_SET" }));
        const CommandEnvironment scrubbed = CommandEnvironment::forSystem(shop, shop.systems.first(), base());
        QCOMPARE(scrubbed.environment().value(QStringLiteral("PGPASSWORD")), QStringLiteral("pg-pass"));
        QCOMPARE(scrubbed.environment().value(QStringLiteral("SHOP_TRACKER")), QStringLiteral("tracker-auth"));
        QVERIFY(!scrubbed.environment().contains(QStringLiteral("NOT_SET")));
        QVERIFY(!scrubbed.withheld().contains(QStringLiteral("PGPASSWORD")));
        QVERIFY(scrubbed.withheld().contains(QStringLiteral("GITHUB_TOKEN")));
    }

    void shipyardsOwnVariablesAreSet()
    {
        CommandEnvironment scrubbed = CommandEnvironment::scrubbed(base(), { QStringLiteral("SHOP_TRACKER") });
        scrubbed.insert(QStringLiteral("SHIPYARD_SYSTEM"), QStringLiteral("catalog"));
        QCOMPARE(scrubbed.environment().value(QStringLiteral("SHIPYARD_SYSTEM")), QStringLiteral("catalog"));
        QVERIFY(!scrubbed.environment().contains(QStringLiteral("SHOP_TRACKER")));
        // Not named by the ecosystem, no secret's name: kept.
        QCOMPARE(scrubbed.environment().value(QStringLiteral("SHOP_REVIEWS")), QStringLiteral("reviews-auth"));
    }
};

QTEST_GUILESS_MAIN(TestCommandEnvironment)
#include "tst_commandenvironment.moc"
