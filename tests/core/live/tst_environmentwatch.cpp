// SPDX-License-Identifier: GPL-2.0-or-later
// EnvironmentWatch against the local control plane: deployments made with
// kubectl show up, roll out, fail and disappear in the watched state.
#include "live/EnvironmentWatch.h"

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/KubeInformerRegistry.h"
#include "kube/Kubeconfig.h"
#include "releases/CanaryDeployment.h"
#include "releases/CanaryState.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include "LocalCluster.h"

using namespace Shipyard;

namespace {

QByteArray deploymentYaml(const QString &ns, const QString &image)
{
    return QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: %1}\n"
                          "spec:\n  replicas: 2\n  progressDeadlineSeconds: 10\n"
                          "  selector: {matchLabels: {app: api}}\n"
                          "  template:\n    metadata: {labels: {app: api}}\n"
                          "    spec: {containers: [{name: api, image: '%2'}]}\n")
        .arg(ns, image)
        .toUtf8();
}

} // namespace

class tst_EnvironmentWatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_ns = QStringLiteral("live-watch-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("staging"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void followsDeployments()
    {
        const Kubeconfig config = Kubeconfig::load(LocalCluster::kubeconfigPath());
        QVERIFY2(config.isValid(), qPrintable(config.errorString()));
        QString error;
        const KubeClient client = ClusterAccess(config, {}).client(QStringLiteral("staging"), &error);
        QVERIFY2(client.isValid(), qPrintable(error));

        KubeInformerRegistry registry;
        EnvironmentWatch watch(QStringLiteral("staging"), m_ns);
        watch.start(client, registry);
        QTRY_COMPARE_WITH_TIMEOUT(int(watch.connection()), int(EnvironmentWatch::Connection::Live), 30000);
        QCOMPARE(healthName(watch.state(QStringLiteral("api")).health), QStringLiteral("missing"));

        QVERIFY(LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            deploymentYaml(m_ns, QStringLiteral("demo/api:v1"))));
        QTRY_COMPARE_WITH_TIMEOUT(
            healthName(watch.state(QStringLiteral("api")).health), QStringLiteral("healthy"), 60000);
        SystemState state = watch.state(QStringLiteral("api"));
        QCOMPARE(state.tag, QStringLiteral("v1"));
        QCOMPARE(state.ready, 2);
        QCOMPARE(state.desired, 2);

        // kwok keeps images tagged -broken from ever becoming Ready.
        QVERIFY(LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            deploymentYaml(m_ns, QStringLiteral("demo/api:v2-broken"))));
        QTRY_COMPARE_WITH_TIMEOUT(watch.state(QStringLiteral("api")).tag, QStringLiteral("v2-broken"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            healthName(watch.state(QStringLiteral("api")).health), QStringLiteral("failed"), 90000);

        QSignalSpy changed(&watch, &EnvironmentWatch::systemChanged);
        QVERIFY(LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("delete"), QStringLiteral("deployment"), QStringLiteral("api"), QStringLiteral("-n"),
                m_ns }));
        QTRY_COMPARE_WITH_TIMEOUT(
            healthName(watch.state(QStringLiteral("api")).health), QStringLiteral("missing"), 30000);
        QVERIFY(changed.contains(QVariantList { QStringLiteral("api") }));
    }

    // A canary is no system of its own: it shows on the system it belongs
    // to, with its share and step, until it goes.
    void showsACanaryOnItsSystem()
    {
        const Kubeconfig config = Kubeconfig::load(LocalCluster::kubeconfigPath());
        QString error;
        const KubeClient client = ClusterAccess(config, {}).client(QStringLiteral("staging"), &error);
        QVERIFY2(client.isValid(), qPrintable(error));
        KubeInformerRegistry registry;
        EnvironmentWatch watch(QStringLiteral("staging"), m_ns);
        watch.start(client, registry);
        QTRY_COMPARE_WITH_TIMEOUT(int(watch.connection()), int(EnvironmentWatch::Connection::Live), 30000);

        QVERIFY(LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            deploymentYaml(m_ns, QStringLiteral("demo/api:v1"))));
        QTRY_COMPARE_WITH_TIMEOUT(
            healthName(watch.state(QStringLiteral("api")).health), QStringLiteral("healthy"), 60000);
        QVERIFY(!watch.state(QStringLiteral("api")).canary);

        // The canary as a delivery makes it: the rendered Deployment with the new image.
        const QJsonObject rendered = QJsonDocument::fromJson(QStringLiteral(R"({"apiVersion": "apps/v1",
            "kind": "Deployment", "metadata": {"name": "api", "namespace": "%1"},
            "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "api"}},
                "template": {"metadata": {"labels": {"app": "api"}},
                    "spec": {"containers": [{"name": "api", "image": "demo/api:v2"}]}}}})")
                                                                 .arg(m_ns)
                                                                 .toUtf8())
                                         .object();
        QVERIFY(!rendered.isEmpty());
        QJsonObject canary = CanaryDeployment::make(rendered, QStringLiteral("api"), 1);
        CanaryState progress;
        progress.step = 1;
        progress.stepCount = 2;
        progress.share = 50;
        progress.paused = QStringLiteral("waits for a person");
        QJsonObject metadata = canary[QLatin1String("metadata")].toObject();
        QJsonObject annotations = metadata[QLatin1String("annotations")].toObject();
        const QJsonObject written = progress.annotations();
        for (auto it = written.begin(); it != written.end(); ++it)
            annotations.insert(it.key(), it.value());
        metadata.insert(QStringLiteral("annotations"), annotations);
        canary.insert(QStringLiteral("metadata"), metadata);
        QVERIFY(LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") }, QJsonDocument(canary).toJson()));

        QTRY_VERIFY_WITH_TIMEOUT(watch.state(QStringLiteral("api")).canary.has_value() &&
                watch.state(QStringLiteral("api")).canary->ready == 1,
            60000);
        const SystemState state = watch.state(QStringLiteral("api"));
        QCOMPARE(state.tag, QStringLiteral("v1"));
        QCOMPARE(state.ready, 2);
        QCOMPARE(state.canary->tag, QStringLiteral("v2"));
        QCOMPARE(state.canary->share, 50);
        QCOMPARE(state.canary->step, 1);
        QCOMPARE(state.canary->stepCount, 2);
        QVERIFY(state.canary->waiting);

        QSignalSpy changed(&watch, &EnvironmentWatch::systemChanged);
        QVERIFY(LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("delete"), QStringLiteral("deployment"), CanaryDeployment::nameOf(QStringLiteral("api")),
                QStringLiteral("-n"), m_ns }));
        QTRY_VERIFY_WITH_TIMEOUT(!watch.state(QStringLiteral("api")).canary, 30000);
        QVERIFY(changed.contains(QVariantList { QStringLiteral("api") }));
        QCOMPARE(healthName(watch.state(QStringLiteral("api")).health), QStringLiteral("healthy"));
    }

    void unknownContextFailsOnlyItself()
    {
        EnvironmentWatch watch(QStringLiteral("nowhere"), QStringLiteral("x"));
        QSignalSpy spy(&watch, &EnvironmentWatch::connectionChanged);
        watch.fail(QStringLiteral("context 'nowhere' is not in the kubeconfig"));
        QCOMPARE(int(watch.connection()), int(EnvironmentWatch::Connection::Failed));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(healthName(watch.state(QStringLiteral("api")).health), QStringLiteral("unknown"));
    }

private:
    QString m_ns;
};

QTEST_GUILESS_MAIN(tst_EnvironmentWatch)
#include "tst_environmentwatch.moc"
