// SPDX-License-Identifier: GPL-2.0-or-later
// Shipyard inside a pod, against the local control plane: no kubeconfig at
// all, only what the kubelet gives a pod - KUBERNETES_SERVICE_HOST/PORT and
// a service-account directory with ca.crt, token and namespace. Here the
// directory is a temporary one (SHIPYARD_SERVICEACCOUNT_DIR) holding a real
// token of a ServiceAccount bound to the Role of packaging/kubernetes.
//  - the context "in-cluster" reads, in the service account's namespace;
//  - a token replaced in the file is followed once the re-read interval has
//    passed (projected tokens rotate): a bad one gets 401, a good one works;
//  - `shipyardctl get` and `shipyardctl deliver` work with that Role alone.
#include "DeliveryTestWorld.h"

#include "kube/InClusterConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QUrl>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

const QString serviceAccount = QStringLiteral("shipyard-robot");

void writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    file.write(contents);
}

KubeResponse getConfigMaps(const KubeClient &client, const QString &ns)
{
    return wait(client.get(QStringLiteral("/api/v1/namespaces/%1/configmaps").arg(ns)));
}

} // namespace

class TestShipyardctlInCluster : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    QTemporaryDir m_home; // no ~/.kube/config in it
    QString m_ns;
    QString m_saDir;
    QString m_host;
    QString m_port;
    QByteArray m_token;

    QProcessEnvironment podEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("KUBECONFIG"));
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("KUBERNETES_SERVICE_HOST"), m_host);
        environment.insert(QStringLiteral("KUBERNETES_SERVICE_PORT"), m_port);
        environment.insert(QStringLiteral("SHIPYARD_SERVICEACCOUNT_DIR"), m_saDir);
        return environment;
    }

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };

    Run shipyardctl(const QStringList &arguments, int timeoutMs = 60000) const
    {
        QProcess process;
        process.setProcessEnvironment(podEnvironment());
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), arguments);
        Run run;
        if (!process.waitForFinished(timeoutMs))
            return run;
        run.exitCode = process.exitCode();
        run.out = process.readAllStandardOutput();
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid() && m_home.isValid());
        m_ns = m_world.newNamespace();

        // The ServiceAccount and Role the manifests deploy, bound as kustomize binds them.
        for (const char *file : { "serviceaccount.yaml", "role.yaml" }) {
            int code = 0;
            const QString path = QStringLiteral(SHIPYARD_SOURCE_DIR "/packaging/kubernetes/") + QLatin1String(file);
            kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), m_ns, QStringLiteral("apply"), QStringLiteral("-f"), path }, &code);
            QCOMPARE(code, 0);
        }
        int code = 0;
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("create"), QStringLiteral("rolebinding"), serviceAccount,
                QStringLiteral("--role=") + serviceAccount,
                QStringLiteral("--serviceaccount=%1:%2").arg(m_ns, serviceAccount) },
            &code);
        QCOMPARE(code, 0);
        m_token = kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("create"), QStringLiteral("token"), serviceAccount,
                QStringLiteral("--duration=10m") },
            &code)
                      .trimmed();
        QCOMPARE(code, 0);
        QVERIFY(!m_token.isEmpty());

        // What the kubelet mounts, from the local cluster's kubeconfig.
        const Kubeconfig config = clusterKubeconfig();
        const auto context = config.context(QStringLiteral("local"));
        QVERIFY(context);
        const auto cluster = config.cluster(context->cluster);
        QVERIFY(cluster && !cluster->certificateAuthorityData.isEmpty());
        const QUrl server(cluster->server);
        m_host = server.host();
        m_port = QString::number(server.port(443));
        m_saDir = m_home.filePath(QStringLiteral("serviceaccount"));
        QVERIFY(QDir().mkpath(m_saDir));
        writeFile(m_saDir + QStringLiteral("/ca.crt"), cluster->certificateAuthorityData);
        writeFile(m_saDir + QStringLiteral("/token"), m_token);
        writeFile(m_saDir + QStringLiteral("/namespace"), m_ns.toUtf8());

        // This process as a pod, too.
        const QProcessEnvironment environment = podEnvironment();
        for (const QString &name : { QStringLiteral("HOME"), QStringLiteral("KUBERNETES_SERVICE_HOST"),
                 QStringLiteral("KUBERNETES_SERVICE_PORT"), QStringLiteral("SHIPYARD_SERVICEACCOUNT_DIR") })
            qputenv(qPrintable(name), environment.value(name).toUtf8());
        qunsetenv("KUBECONFIG");
        qputenv("SHIPYARD_TOKEN_FILE_REREAD_SECONDS", "2");
    }

    void inClusterIsTheCurrentContext()
    {
        const ClusterAccess access = ClusterAccess::load();
        QVERIFY2(access.isValid(), qPrintable(access.errorString()));
        QCOMPARE(access.kubeconfig().currentContext(), InClusterConfig::contextName());
        QString error;
        const KubeClient client = access.client({}, &error);
        QVERIFY2(client.isValid(), qPrintable(error));
        QCOMPARE(client.connection().cluster.server, QStringLiteral("https://%1:%2").arg(m_host, m_port));
        QCOMPARE(client.defaultNamespace(), m_ns);
        const KubeResponse listed = getConfigMaps(client, m_ns);
        QVERIFY2(listed.ok(), qPrintable(listed.error.message));
        // Only the namespace of the Role: nothing elsewhere.
        const KubeResponse elsewhere = getConfigMaps(client, QStringLiteral("kube-system"));
        QCOMPARE(elsewhere.httpStatus, 403);
    }

    void rotatedTokenIsFollowed()
    {
        const KubeClient client = ClusterAccess::load().client(InClusterConfig::contextName());
        QVERIFY(client.isValid());
        QVERIFY(getConfigMaps(client, m_ns).ok());

        // Replaced by a token the server does not know: used once the
        // interval has passed, and refused.
        writeFile(m_saDir + QStringLiteral("/token"), "not-a-token-of-this-cluster");
        QVERIFY(getConfigMaps(client, m_ns).ok()); // still the one read before
        QTest::qWait(2500);
        const KubeResponse refused = getConfigMaps(client, m_ns);
        QCOMPARE(refused.httpStatus, 401);

        // A fresh token, as the kubelet writes it: works again without a restart.
        int code = 0;
        const QByteArray fresh = kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("create"), QStringLiteral("token"), serviceAccount,
                QStringLiteral("--duration=10m") },
            &code)
                                     .trimmed();
        QCOMPARE(code, 0);
        writeFile(m_saDir + QStringLiteral("/token"), fresh);
        QTest::qWait(2500);
        const KubeResponse again = getConfigMaps(client, m_ns);
        QVERIFY2(again.ok(), qPrintable(again.error.message));
    }

    void refusedTokenIsReplacedAtOnce()
    {
        // A token bound to a Secret dies with it: refused while the client
        // still holds it, long before the (here ten-minute) interval is up.
        int code = 0;
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("create"), QStringLiteral("secret"), QStringLiteral("generic"),
                QStringLiteral("token-anchor") },
            &code);
        QCOMPARE(code, 0);
        const QByteArray bound = kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("create"), QStringLiteral("token"), serviceAccount,
                QStringLiteral("--duration=10m"), QStringLiteral("--bound-object-kind=Secret"),
                QStringLiteral("--bound-object-name=token-anchor") },
            &code)
                                     .trimmed();
        QCOMPARE(code, 0);
        writeFile(m_saDir + QStringLiteral("/token"), bound);
        qputenv("SHIPYARD_TOKEN_FILE_REREAD_SECONDS", "600");
        const auto restore = qScopeGuard([] { qputenv("SHIPYARD_TOKEN_FILE_REREAD_SECONDS", "2"); });
        const KubeClient client = ClusterAccess::load().client(InClusterConfig::contextName());
        QVERIFY(client.isValid());
        QVERIFY(getConfigMaps(client, m_ns).ok());

        // The kubelet writes a new token; the old one is revoked.
        writeFile(m_saDir + QStringLiteral("/token"), m_token);
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("delete"), QStringLiteral("secret"),
                QStringLiteral("token-anchor") },
            &code);
        QCOMPARE(code, 0);
        // Until the server refuses the bound token (a fresh reader of a directory holding only it).
        QTemporaryDir only;
        writeFile(only.filePath(QStringLiteral("token")), bound);
        QFile::copy(m_saDir + QStringLiteral("/ca.crt"), only.filePath(QStringLiteral("ca.crt")));
        qputenv("SHIPYARD_SERVICEACCOUNT_DIR", QFile::encodeName(only.path()));
        int status = 0;
        for (int i = 0; i < 50 && status != 401; ++i) {
            status = getConfigMaps(ClusterAccess::load().client(InClusterConfig::contextName()), m_ns).httpStatus;
            if (status != 401)
                QTest::qWait(200);
        }
        qputenv("SHIPYARD_SERVICEACCOUNT_DIR", QFile::encodeName(m_saDir));
        QCOMPARE(status, 401);

        // The client's 401 makes it read the file again, and the request goes through.
        const KubeResponse again = getConfigMaps(client, m_ns);
        QVERIFY2(again.ok(), qPrintable(QString::number(again.httpStatus) + QLatin1Char(' ') + again.error.message));
    }

    void missingServiceAccountIsNamed()
    {
        qputenv("SHIPYARD_SERVICEACCOUNT_DIR", QFile::encodeName(m_home.filePath(QStringLiteral("nothing"))));
        QString error;
        const KubeClient client = ClusterAccess::load().client(InClusterConfig::contextName(), &error);
        qputenv("SHIPYARD_SERVICEACCOUNT_DIR", QFile::encodeName(m_saDir));
        QVERIFY(!client.isValid());
        QVERIFY2(error.contains(QLatin1String("context \"in-cluster\" does not exist")) &&
                error.contains(m_home.filePath(QStringLiteral("nothing/token"))),
            qPrintable(error));
    }

    void shipyardctlReadsWithoutKubeconfig()
    {
        writeFile(m_saDir + QStringLiteral("/token"), m_token);
        int code = 0;
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("create"), QStringLiteral("configmap"),
                QStringLiteral("seen-in-cluster"), QStringLiteral("--from-literal=a=b") },
            &code);
        QCOMPARE(code, 0);
        const Run run = shipyardctl(
            { QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-o"), QStringLiteral("json") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("seen-in-cluster"), run.out.constData());

        const Run contexts = shipyardctl({ QStringLiteral("contexts") });
        QVERIFY2(contexts.exitCode == 0, qPrintable(contexts.err));
        // Current, with the service account's namespace.
        const QByteArray row = contexts.out.split('\n').value(1).simplified();
        QCOMPARE(row,
            QStringLiteral("* in-cluster in-cluster https://%1:%2 in-cluster %3").arg(m_host, m_port, m_ns).toUtf8());
    }

    void deliversWithTheRoleAlone()
    {
        writeFile(m_saDir + QStringLiteral("/token"), m_token);
        m_world.ecosystemFor(m_ns);
        const QString ecosystem = m_world.filePath(m_ns + QStringLiteral("/ecosystem.yaml"));
        // The environment names the pod's own cluster.
        QFile file(ecosystem);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray yaml = file.readAll();
        file.close();
        QVERIFY(yaml.contains("    context: local\n"));
        yaml.replace("    context: local\n", "    context: in-cluster\n");
        writeFile(ecosystem, yaml);

        QStringList arguments { QStringLiteral("deliver"), QStringLiteral("--ecosystem"), ecosystem,
            QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--output"),
            QStringLiteral("json") };
        for (const QString &system : DeliveryTestWorld::systemNames())
            arguments += { QStringLiteral("--system"), system, QStringLiteral("--image"),
                QStringLiteral("%1=demo/%1:incluster").arg(system) };
        const Run run = shipyardctl(arguments, 300000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + QString::fromUtf8(run.out)));
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QLatin1String("outcome")).toString(),
            QStringLiteral("succeeded"));
        for (const QString &system : DeliveryTestWorld::systemNames())
            QCOMPARE(DeliveryTestWorld::imageOf(m_ns, system), QStringLiteral("demo/%1:incluster").arg(system));
        // The robot's service account wrote the release record.
        QCOMPARE(DeliveryTestWorld::storeFor(m_ns).list().value(0).id,
            QJsonDocument::fromJson(run.out).object().value(QLatin1String("release")).toString());
    }
};

QTEST_GUILESS_MAIN(TestShipyardctlInCluster)
#include "tst_shipyardctl_incluster.moc"
