// SPDX-License-Identifier: GPL-2.0-or-later
// KubeClient against the real local control plane: transport, auth, errors.
#include "ClusterTestSupport.h"

#include "kube/ExecCredentialPlugin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestKubeClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        ExecCredentialPlugin::setStdinIsInteractive(false);
        m_config = clusterKubeconfig();
        QVERIFY2(m_config.isValid(), qPrintable(m_config.errorString()));
    }

    void versionOverHttp2()
    {
        const KubeResponse response = wait(clusterClient(QStringLiteral("local")).get(QStringLiteral("/version")));
        QVERIFY2(response.ok(), qPrintable(response.error.message));
        QCOMPARE(response.httpVersion, QByteArray("2"));
        QVERIFY(response.json().value(QLatin1String("gitVersion")).toString().startsWith(QLatin1String("v1.")));
    }

    void resultArrivesInTheCallersThread()
    {
        const KubeClient client = clusterClient(QStringLiteral("local"));
        QThread *seenIn = nullptr;
        bool done = false;
        client.get(QStringLiteral("/version")).then(this, [&](const KubeResponse &) {
            seenIn = QThread::currentThread();
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(seenIn, thread());
    }

    void forbiddenNamesVerbResourceNamespace()
    {
        const KubeClient client = clusterClient(QStringLiteral("production-developer"));
        const QJsonObject configMap { { QStringLiteral("apiVersion"), QStringLiteral("v1") },
            { QStringLiteral("kind"), QStringLiteral("ConfigMap") },
            { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), QStringLiteral("x") } } } };
        const KubeResponse response =
            wait(client.create(QStringLiteral("/api/v1/namespaces/shipyard-production/configmaps"), configMap));
        QCOMPARE(response.httpStatus, 403);
        QVERIFY(response.error.isForbidden());
        QVERIFY2(response.error.message.contains(QLatin1String("\"developer\" may not create configmaps in namespace "
                                                               "\"shipyard-production\"")),
            qPrintable(response.error.message));
    }

    void notFoundAndInvalid()
    {
        const KubeClient client = clusterClient(QStringLiteral("local"));
        KubeResponse response = wait(client.get(QStringLiteral("/apis/apps/v1/namespaces/default/deployments/nope")));
        QCOMPARE(response.httpStatus, 404);
        QCOMPARE(
            response.error.message, QStringLiteral("Not found: deployments.apps \"nope\" in namespace \"default\""));

        const QJsonObject bad { { QStringLiteral("apiVersion"), QStringLiteral("v1") },
            { QStringLiteral("kind"), QStringLiteral("ConfigMap") },
            { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), QStringLiteral("Not_Valid") } } } };
        response = wait(client.create(QStringLiteral("/api/v1/namespaces/default/configmaps"), bad));
        QCOMPARE(response.httpStatus, 422);
        QVERIFY2(response.error.message.startsWith(QLatin1String("Invalid: configmaps \"Not_Valid\" in namespace "
                                                                 "\"default\": metadata.name: Invalid value")),
            qPrintable(response.error.message));
    }

    void tlsNameMismatchIsExplained()
    {
        KubeConnection connection = *m_config.connection(QStringLiteral("local"), nullptr);
        connection.cluster.tlsServerName = QStringLiteral("wrong.example");
        const KubeResponse response = wait(KubeClient(connection).get(QStringLiteral("/version")));
        QCOMPARE(response.error.kind, KubeError::Kind::Tls);
        QVERIFY2(response.error.message.contains(QLatin1String("not valid for the name \"wrong.example\"")),
            qPrintable(response.error.message));
    }

    void tlsServerNameThatMatchesWorks()
    {
        KubeConnection connection = *m_config.connection(QStringLiteral("local"), nullptr);
        connection.cluster.tlsServerName = QStringLiteral("localhost");
        const KubeResponse response = wait(KubeClient(connection).get(QStringLiteral("/version")));
        QVERIFY2(response.ok(), qPrintable(response.error.message));
    }

    void unknownCertificateAuthority()
    {
        KubeConnection connection = *m_config.connection(QStringLiteral("local"), nullptr);
        connection.cluster.certificateAuthorityData = m_config.user(QStringLiteral("admin"))->clientCertificateData;
        const KubeResponse response = wait(KubeClient(connection).get(QStringLiteral("/version")));
        QCOMPARE(response.error.kind, KubeError::Kind::Tls);
        QVERIFY2(response.error.message.contains(QLatin1String("not signed by the certificate authority")),
            qPrintable(response.error.message));
    }

    void tokenAuthentication()
    {
        KubeConnection connection = *m_config.connection(QStringLiteral("local"), nullptr);
        connection.user = KubeUser {};
        connection.user.token = serviceAccountToken();
        QVERIFY(!connection.user.token.isEmpty());
        const KubeResponse response = wait(KubeClient(connection).send(selfSubjectReview()));
        QVERIFY2(response.ok(), qPrintable(response.error.message));
        QCOMPARE(
            response.json()[QLatin1String("status")][QLatin1String("userInfo")][QLatin1String("username")].toString(),
            QStringLiteral("system:serviceaccount:default:shipyard-test"));
    }

    void execPluginExpiryAndRerunOn401()
    {
        QTemporaryDir dir;
        const QString token = serviceAccountToken();
        // First run answers a token the server refuses, later runs the real
        // one; each answer expires in 2 seconds.
        QFile script(dir.filePath(QStringLiteral("plugin")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\n"
                     "n=$(cat \"$0.count\" 2>/dev/null || echo 0); n=$((n+1)); echo $n > \"$0.count\"\n"
                     "echo \"$KUBERNETES_EXEC_INFO\" > \"$0.info\"\n"
                     "if [ $n -eq 1 ]; then tok=bogus; else tok=$(cat \"$0.token\"); fi\n"
                     "exp=$(date -u -d @$(( $(date +%s) + 2 )) +%Y-%m-%dT%H:%M:%SZ)\n"
                     "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                     "\"status\":{\"token\":\"%s\",\"expirationTimestamp\":\"%s\"}}' \"$tok\" \"$exp\"\n");
        script.close();
        script.setPermissions(script.permissions() | QFile::ExeOwner);
        QFile tokenFile(dir.filePath(QStringLiteral("plugin.token")));
        QVERIFY(tokenFile.open(QIODevice::WriteOnly));
        tokenFile.write(token.toUtf8());
        tokenFile.close();

        KubeConnection connection = *m_config.connection(QStringLiteral("local"), nullptr);
        connection.user = KubeUser {};
        connection.user.name = QStringLiteral("plugin-user");
        KubeExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        exec.command = script.fileName();
        exec.interactiveMode = KubeExecConfig::InteractiveMode::Never;
        exec.provideClusterInfo = true;
        connection.user.exec = exec;
        const KubeClient client(connection);
        const auto runs = [&] {
            QFile count(script.fileName() + QStringLiteral(".count"));
            return count.open(QIODevice::ReadOnly) ? count.readAll().trimmed().toInt() : 0;
        };

        KubeResponse response = wait(client.send(selfSubjectReview()));
        QVERIFY2(response.ok(), qPrintable(response.error.message));
        QCOMPARE(runs(), 2); // bogus token, 401, re-run, success

        QFile info(script.fileName() + QStringLiteral(".info"));
        QVERIFY(info.open(QIODevice::ReadOnly));
        const QJsonObject execInfo = QJsonDocument::fromJson(info.readAll()).object();
        QCOMPARE(execInfo[QLatin1String("spec")][QLatin1String("interactive")].toBool(true), false);
        QCOMPARE(execInfo[QLatin1String("spec")][QLatin1String("cluster")][QLatin1String("server")].toString(),
            connection.cluster.server);

        response = wait(client.send(selfSubjectReview()));
        QVERIFY(response.ok());
        QCOMPARE(runs(), 2); // cached while not expired

        QTest::qWait(2500);
        response = wait(client.send(selfSubjectReview()));
        QVERIFY(response.ok());
        QCOMPARE(runs(), 3); // expired: run again
    }

    void execPluginMissingShowsInstallHint()
    {
        KubeConnection connection = *m_config.connection(QStringLiteral("local"), nullptr);
        connection.user = KubeUser {};
        KubeExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1beta1");
        exec.command = QStringLiteral("shipyard-no-such-plugin");
        exec.installHint = QStringLiteral("Install it with: apt install shipyard-plugin");
        connection.user.exec = exec;
        const KubeResponse response = wait(KubeClient(connection).get(QStringLiteral("/version")));
        QCOMPARE(response.error.kind, KubeError::Kind::Credentials);
        QVERIFY(response.error.message.contains(QLatin1String("executable shipyard-no-such-plugin not found")));
        QVERIFY(response.error.message.contains(exec.installHint));
    }

    void execPluginV1NeedsInteractiveMode()
    {
        KubeConnection connection = *m_config.connection(QStringLiteral("local"), nullptr);
        connection.user = KubeUser {};
        connection.user.name = QStringLiteral("u");
        KubeExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        exec.command = QStringLiteral("true");
        connection.user.exec = exec;
        const KubeResponse response = wait(KubeClient(connection).get(QStringLiteral("/version")));
        QCOMPARE(response.error.message,
            QStringLiteral("interactiveMode must be specified for u to use exec authentication plugin"));
    }

private:
    static KubeRequest selfSubjectReview()
    {
        KubeRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/apis/authentication.k8s.io/v1/selfsubjectreviews");
        request.body = R"({"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"})";
        return request;
    }

    QString serviceAccountToken()
    {
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), QStringLiteral("default"), QStringLiteral("create"),
                QStringLiteral("serviceaccount"), QStringLiteral("shipyard-test") },
            &m_ignored); // exists after the first run
        return QString::fromUtf8(kubectl(QStringLiteral("local"),
                                     { QStringLiteral("-n"), QStringLiteral("default"), QStringLiteral("create"),
                                         QStringLiteral("token"), QStringLiteral("shipyard-test") }))
            .trimmed();
    }

    Kubeconfig m_config;
    int m_ignored = 0;
};

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kubeclient.moc"
