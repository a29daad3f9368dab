// SPDX-License-Identifier: GPL-2.0-or-later
// ApplyPreview against the local control plane (fixture `localcluster`): a
// system delivered by Shipyard shows no drift; kubectl scale, kubectl set
// env, a deleted object and a manifest taken away each show as the change a
// delivery would make; a refused dry run names the object and the field.
#include "DeliveryTestWorld.h"

#include "releases/ApplyPreview.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Shipyard;
using namespace Shipyard::TestSupport;
using Change = ApplyPreview::Change;

namespace {

const ApplyPreview::ObjectPreview *find(const ApplyPreview::Result &result, const QString &object)
{
    for (const ApplyPreview::ObjectPreview &entry : result.objects) {
        if (entry.object == object)
            return &entry;
    }
    return nullptr;
}

QString describe(const ApplyPreview::Result &result)
{
    return QString::fromUtf8(QJsonDocument(result.toJson()).toJson());
}

void addLogLevel(const QString &deploymentFile)
{
    QFile file(deploymentFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString yaml = QString::fromUtf8(file.readAll());
    file.close();
    const QString image = QStringLiteral("          image: demo/catalog\n");
    QVERIFY(yaml.contains(image));
    yaml.replace(
        image, image + QStringLiteral("          env:\n            - name: LOG_LEVEL\n              value: info\n"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(yaml.toUtf8());
}

} // namespace

class TestApplyPreview : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    QString m_ns;
    Ecosystem m_ecosystem;
    QString m_catalog; // the catalog's working tree

    ApplyPreview::Result preview(const ApplyPreview::Options &options = {}) const
    {
        return ApplyPreview(m_ecosystem, m_ecosystem.environments.first(), clusterClient(QStringLiteral("local")), m_ns)
            .preview(QStringLiteral("catalog"), options);
    }
    QByteArray kubectlHere(const QStringList &arguments) const
    {
        return kubectl(QStringLiteral("local"), QStringList { QStringLiteral("-n"), m_ns } + arguments);
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
        m_ns = m_world.newNamespace();
        m_ecosystem = m_world.ecosystemFor(m_ns);
        m_catalog = m_ecosystem.resolvePath(m_ecosystem.system(QStringLiteral("catalog"))->repository);
        addLogLevel(m_catalog + QStringLiteral("/deploy/deployment.yaml"));
        const Delivery::Result delivered = DeliveryTestWorld::deliver(
            m_ecosystem, { { QStringLiteral("catalog"), {}, QStringLiteral("demo/catalog:v1") } }, m_world.options());
        QVERIFY2(delivered.succeeded(), qPrintable(delivered.reason));
    }

    void deliveredSystemHasNoDrift()
    {
        QElapsedTimer clock;
        clock.start();
        const ApplyPreview::Result result = preview();
        qInfo("preview of a delivered system (2 objects): %lld ms", qint64(clock.elapsed()));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QVERIFY2(!result.drifted(), qPrintable(describe(result)));
        QCOMPARE(result.image, QStringLiteral("demo/catalog:v1"));
        QCOMPARE(result.imageSource, QStringLiteral("live"));
        QCOMPARE(result.objects.size(), 2);
        QVERIFY(find(result, QStringLiteral("deployment/catalog")));
        QVERIFY(find(result, QStringLiteral("service/catalog")));
        for (const ApplyPreview::ObjectPreview &object : result.objects)
            QVERIFY(object.diff.isEmpty());
    }

    void scaleShowsReplicas()
    {
        kubectlHere({ QStringLiteral("scale"), QStringLiteral("deployment/catalog"), QStringLiteral("--replicas=4") });
        const ApplyPreview::Result result = preview();
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QVERIFY(result.drifted());
        const ApplyPreview::ObjectPreview *deployment = find(result, QStringLiteral("deployment/catalog"));
        QVERIFY(deployment);
        QCOMPARE(deployment->change, Change::Changed);
        QCOMPARE(deployment->fields, QStringList { QStringLiteral("spec.replicas") });
        QVERIFY2(deployment->diff.startsWith(
                     QStringLiteral("--- live/deployment/catalog\n+++ shipyard/deployment/catalog\n@@ ")),
            qPrintable(deployment->diff));
        QVERIFY2(deployment->diff.contains(QStringLiteral("\n-  replicas: 4\n+  replicas: 2\n")),
            qPrintable(deployment->diff));
        QCOMPARE(find(result, QStringLiteral("service/catalog"))->change, Change::Unchanged);
        // The dry run stored nothing.
        QCOMPARE(kubectlHere({ QStringLiteral("get"), QStringLiteral("deployment/catalog"), QStringLiteral("-o"),
                     QStringLiteral("jsonpath={.spec.replicas}") }),
            QByteArray("4"));
    }

    void setEnvShowsTheVariable()
    {
        kubectlHere({ QStringLiteral("set"), QStringLiteral("env"), QStringLiteral("deployment/catalog"),
            QStringLiteral("LOG_LEVEL=debug"), QStringLiteral("EXTRA=1") });
        const ApplyPreview::Result result = preview();
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        const ApplyPreview::ObjectPreview *deployment = find(result, QStringLiteral("deployment/catalog"));
        QVERIFY(deployment);
        QCOMPARE(deployment->change, Change::Changed);
        QVERIFY2(deployment->fields.contains(
                     QStringLiteral("spec.template.spec.containers[name=catalog].env[name=LOG_LEVEL].value")),
            qPrintable(deployment->fields.join(QLatin1Char('\n'))));
        QVERIFY2(deployment->diff.contains(QStringLiteral("-          value: debug\n")) &&
                deployment->diff.contains(QStringLiteral("+          value: info\n")),
            qPrintable(deployment->diff));
        // A variable Shipyard never set stays through a delivery: told apart, with who set it.
        QVERIFY2(deployment->foreignFields.contains(
                     QStringLiteral("spec.template.spec.containers[name=catalog].env[name=EXTRA] (kubectl-set)")),
            qPrintable(deployment->foreignFields.join(QLatin1Char('\n'))));
    }

    void manifestTakenAwayIsNotInManifests()
    {
        const QString service = m_catalog + QStringLiteral("/deploy/service.yaml");
        const QString aside = m_catalog + QStringLiteral("/service.yaml.aside");
        QVERIFY(QFile::rename(service, aside));
        const ApplyPreview::Result result = preview();
        QVERIFY(QFile::rename(aside, service));
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        const ApplyPreview::ObjectPreview *entry = find(result, QStringLiteral("service/catalog"));
        QVERIFY2(entry, qPrintable(describe(result)));
        QCOMPARE(entry->change, Change::NotInManifests);
        QVERIFY(entry->diff.contains(QStringLiteral("\n-kind: Service\n")));
        QVERIFY2(
            !entry->diff.section(QStringLiteral("\n@@ "), 1).contains(QStringLiteral("\n+")), qPrintable(entry->diff));
    }

    void deletedObjectWouldBeCreated()
    {
        kubectlHere({ QStringLiteral("delete"), QStringLiteral("service"), QStringLiteral("catalog") });
        const ApplyPreview::Result result = preview();
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        const ApplyPreview::ObjectPreview *entry = find(result, QStringLiteral("service/catalog"));
        QVERIFY(entry);
        QCOMPARE(entry->change, Change::Created);
        QVERIFY2(entry->diff.startsWith(
                     QStringLiteral("--- live/service/catalog\n+++ shipyard/service/catalog\n@@ -0,0 +1,")),
            qPrintable(entry->diff));
        // The server's defaults, not the manifest's few lines.
        QVERIFY2(entry->diff.contains(QStringLiteral("+  sessionAffinity: None\n")), qPrintable(entry->diff));
        QVERIFY(entry->diff.contains(QStringLiteral("+  name: catalog\n")));
    }

    void givenImageAndCommit()
    {
        ApplyPreview::Options options;
        options.image = QStringLiteral("demo/catalog:v2");
        ApplyPreview::Result result = preview(options);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(result.imageSource, QStringLiteral("given"));
        const ApplyPreview::ObjectPreview *deployment = find(result, QStringLiteral("deployment/catalog"));
        QVERIFY(deployment->fields.contains(QStringLiteral("spec.template.spec.containers[name=catalog].image")));
        QVERIFY(deployment->diff.contains(QStringLiteral("+        image: demo/catalog:v2\n")));

        // A commit: its manifests (the working tree changes after it) and the image it builds into.
        DeliveryTestWorld::run(QStringLiteral("git init -q -b main && git add -A && git -c user.name=t -c "
                                              "user.email=t@t commit -q -m one"),
            m_catalog);
        const QString sha = DeliveryTestWorld::output(QStringLiteral("git rev-parse HEAD"), m_catalog);
        DeliveryTestWorld::run(
            QStringLiteral("sed -i 's/progressDeadlineSeconds: 8/progressDeadlineSeconds: 9/' deploy/deployment.yaml"),
            m_catalog);
        options = {};
        options.commit = QStringLiteral("main");
        result = preview(options);
        QVERIFY2(result.ok(), qPrintable(describe(result)));
        QCOMPARE(result.imageSource, QStringLiteral("commit"));
        QCOMPARE(result.image, QStringLiteral("demo/catalog:%1").arg(sha));
        deployment = find(result, QStringLiteral("deployment/catalog"));
        QVERIFY(deployment->fields.contains(QStringLiteral("metadata.annotations.shipyard.dev/git-sha")));
        QVERIFY(!deployment->fields.contains(QStringLiteral("spec.progressDeadlineSeconds")));
        // The working tree: its edit shows.
        result = preview();
        QVERIFY(find(result, QStringLiteral("deployment/catalog"))
                ->fields.contains(QStringLiteral("spec.progressDeadlineSeconds")));
        DeliveryTestWorld::run(QStringLiteral("git checkout -q -- deploy"), m_catalog);

        options.commit = QStringLiteral("no-such-branch");
        result = preview(options);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(QStringLiteral("catalog: no-such-branch in ")), qPrintable(result.error));
    }

    void refusedDryRunNamesTheField()
    {
        DeliveryTestWorld::run(
            QStringLiteral("sed -i 's/replicas: 2/replicas: -1/' deploy/deployment.yaml"), m_catalog);
        const ApplyPreview::Result result = preview();
        DeliveryTestWorld::run(QStringLiteral("git checkout -q -- deploy"), m_catalog);
        QVERIFY(!result.ok());
        const ApplyPreview::ObjectPreview *deployment = find(result, QStringLiteral("deployment/catalog"));
        QCOMPARE(deployment->change, Change::Failed);
        QVERIFY2(deployment->error.startsWith(QStringLiteral("deployment/catalog: ")), qPrintable(deployment->error));
        QVERIFY2(deployment->error.contains(QStringLiteral("spec.replicas")), qPrintable(deployment->error));
    }

    void undeliveredSystemNamesWhatIsMissing()
    {
        const ApplyPreview::Result result =
            ApplyPreview(m_ecosystem, m_ecosystem.environments.first(), clusterClient(QStringLiteral("local")), m_ns)
                .preview(QStringLiteral("mailer"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(QStringLiteral("mailer in %1: no container runs demo/mailer").arg(m_ns)),
            qPrintable(result.error));
        const ApplyPreview::Result unknown =
            ApplyPreview(m_ecosystem, m_ecosystem.environments.first(), clusterClient(QStringLiteral("local")), m_ns)
                .preview(QStringLiteral("nope"));
        QVERIFY(unknown.error.startsWith(QStringLiteral("no system named nope")));
    }

    void objectsMapToSystemsAndEnvironments()
    {
        QCOMPARE(ApplyPreview::systemOf(m_ecosystem, m_ecosystem.environments.first(), m_ns,
                     QStringLiteral("Deployment"), QStringLiteral("catalog")),
            QStringLiteral("catalog"));
        QCOMPARE(ApplyPreview::systemOf(m_ecosystem, m_ecosystem.environments.first(), m_ns, QStringLiteral("Service"),
                     QStringLiteral("storefront")),
            QStringLiteral("storefront"));
        QCOMPARE(ApplyPreview::systemOf(m_ecosystem, m_ecosystem.environments.first(), m_ns,
                     QStringLiteral("Deployment"), QStringLiteral("redis")),
            QString());
        const Environment *environment = ApplyPreview::environmentOf(m_ecosystem, QStringLiteral("local"), m_ns);
        QVERIFY(environment);
        QCOMPARE(environment->name, QStringLiteral("test"));
        QVERIFY(!ApplyPreview::environmentOf(m_ecosystem, QStringLiteral("production"), m_ns));
        QVERIFY(!ApplyPreview::environmentOf(m_ecosystem, QStringLiteral("local"), QStringLiteral("kube-system")));
    }
};

QTEST_GUILESS_MAIN(TestApplyPreview)
#include "tst_applypreview.moc"
