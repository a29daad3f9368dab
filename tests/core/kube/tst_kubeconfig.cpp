// SPDX-License-Identifier: GPL-2.0-or-later
// Kubeconfig loading compared with kubectl itself: every row writes files,
// then asks `kubectl config view --flatten` and Shipyard the same question.
#include "TestWorldRequirement.h"
#include "kube/ClusterAccess.h"
#include "kube/Kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

namespace {

using FileMap = QList<std::pair<QString, QByteArray>>;

const QByteArray caPem = "-----BEGIN CERTIFICATE-----\nMIIBcertificate-authority\n-----END CERTIFICATE-----\n";
const QByteArray certPem = "-----BEGIN CERTIFICATE-----\nMIIBclient\n-----END CERTIFICATE-----\n";
const QByteArray keyPem = "-----BEGIN PRIVATE KEY-----\nMIIBkey\n-----END PRIVATE KEY-----\n";

QByteArray fileData(const QByteArray &data, const QString &path)
{
    if (!data.isEmpty() || path.isEmpty())
        return data;
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable " + path.toUtf8() + '>');
}

QByteArray decode(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

// The rows `shipyardctl contexts -o json` must print, derived from kubectl's view.
QJsonArray contextRows(const QJsonObject &view)
{
    QHash<QString, QString> servers;
    for (const QJsonValue &cluster : view.value(QLatin1String("clusters")).toArray()) {
        servers.insert(cluster[QLatin1String("name")].toString(),
            cluster[QLatin1String("cluster")][QLatin1String("server")].toString());
    }
    QJsonArray rows;
    for (const QJsonValue &entry : view.value(QLatin1String("contexts")).toArray()) {
        const QJsonObject context = entry[QLatin1String("context")].toObject();
        const QString name = entry[QLatin1String("name")].toString();
        const QString cluster = context.value(QLatin1String("cluster")).toString();
        rows.append(QJsonObject {
            { QStringLiteral("name"), name },
            { QStringLiteral("cluster"), cluster },
            { QStringLiteral("server"), servers.value(cluster) },
            { QStringLiteral("user"), context.value(QLatin1String("user")).toString() },
            { QStringLiteral("namespace"), context.value(QLatin1String("namespace")).toString() },
            { QStringLiteral("current"), name == view.value(QLatin1String("current-context")).toString() },
        });
    }
    return rows;
}

} // namespace

class TestKubeconfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (m_kubectl.isEmpty())
            SHIPYARD_TEST_WORLD_MISSING("kubectl is not installed; run inside packaging/dev/shipyard-dev exec");
        m_shipyardctl = QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl");
    }

    void matchesKubectl_data()
    {
        QTest::addColumn<FileMap>("files");
        QTest::addColumn<QString>("kubeconfigEnv");
        QTest::addColumn<QString>("explicitFile");

        const QByteArray a = "apiVersion: v1\n"
                             "kind: Config\n"
                             "current-context: alpha\n"
                             "clusters:\n"
                             "- name: shared\n"
                             "  cluster: {server: \"https://a.example:6443\", certificate-authority: certs/ca.pem, "
                             "tls-server-name: api.a}\n"
                             "- name: only-a\n"
                             "  cluster: {server: \"https://only-a:6443\", proxy-url: \"socks5://localhost:1080\"}\n"
                             "users:\n"
                             "- name: admin\n"
                             "  user: {client-certificate: certs/client.pem, client-key: certs/client.key}\n"
                             "contexts:\n"
                             "- name: alpha\n"
                             "  context: {cluster: shared, user: admin, namespace: team-a}\n"
                             "- name: uses-b-cluster\n"
                             "  context: {cluster: only-b, user: tokenuser}\n";
        const QByteArray b = "current-context: beta\n"
                             "clusters:\n"
                             "- name: shared\n"
                             "  cluster: {server: \"https://b.example:6443\", insecure-skip-tls-verify: true}\n"
                             "- name: only-b\n"
                             "  cluster: {server: \"https://only-b:6443\", certificate-authority-data: "
                             "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCmIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=}\n"
                             "users:\n"
                             "- name: admin\n"
                             "  user: {token: from-b}\n"
                             "- name: tokenuser\n"
                             "  user: {token: t0k3n}\n"
                             "contexts:\n"
                             "- name: alpha\n"
                             "  context: {cluster: only-b, user: tokenuser, namespace: from-b}\n"
                             "- name: beta\n"
                             "  context: {cluster: shared, user: admin}\n";
        const QByteArray noCurrent = "clusters:\n"
                                     "- name: c\n"
                                     "  cluster: {server: \"https://c:6443\"}\n"
                                     "contexts:\n"
                                     "- name: gamma\n"
                                     "  context: {cluster: c, user: nobody}\n";
        const FileMap certs { { QStringLiteral("cfg/certs/ca.pem"), caPem },
            { QStringLiteral("cfg/certs/client.pem"), certPem }, { QStringLiteral("cfg/certs/client.key"), keyPem } };

        QTest::newRow("single file") << (certs + FileMap { { QStringLiteral("cfg/a"), a } }) << QStringLiteral("cfg/a")
                                     << QString();
        QTest::newRow("first file wins a name whole, not merged field by field")
            << (certs + FileMap { { QStringLiteral("cfg/a"), a }, { QStringLiteral("b"), b } })
            << QStringLiteral("cfg/a:b") << QString();
        QTest::newRow("order reversed") << (certs +
                                               FileMap { { QStringLiteral("cfg/a"), a }, { QStringLiteral("b"), b } })
                                        << QStringLiteral("b:cfg/a") << QString();
        QTest::newRow("missing files, empty entries and duplicates skipped")
            << (certs + FileMap { { QStringLiteral("cfg/a"), a }, { QStringLiteral("b"), b } })
            << QStringLiteral(":missing:cfg/a::cfg/a:also-missing:b") << QString();
        QTest::newRow("current-context from the first file that has one")
            << FileMap { { QStringLiteral("n"), noCurrent }, { QStringLiteral("b"), b } } << QStringLiteral("n:b")
            << QString();
        QTest::newRow("empty file first")
            << FileMap { { QStringLiteral("empty"), QByteArray() }, { QStringLiteral("b"), b } }
            << QStringLiteral("empty:b") << QString();
        QTest::newRow("null lists") << FileMap { { QStringLiteral("n"), "clusters: null\nusers:\ncontexts: []\n" },
            { QStringLiteral("b"), b } }
                                    << QStringLiteral("n:b") << QString();
        QTest::newRow("--kubeconfig loads one file only")
            << (certs + FileMap { { QStringLiteral("cfg/a"), a }, { QStringLiteral("b"), b } }) << QStringLiteral("b")
            << QStringLiteral("cfg/a");
        QTest::newRow("duplicate name inside one file is an error")
            << FileMap { { QStringLiteral("d"),
                   "clusters:\n- name: x\n  cluster: {server: https://1}\n"
                   "- name: x\n  cluster: {server: https://2}\n" } }
            << QStringLiteral("d") << QString();
        QTest::newRow("invalid base64 is an error") << FileMap { { QStringLiteral("d"),
                                                           "clusters:\n- name: x\n  cluster: {server: https://1, "
                                                           "certificate-authority-data: '%%%'}\n" } }
                                                    << QStringLiteral("d") << QString();
        QTest::newRow("unparsable yaml is an error")
            << FileMap { { QStringLiteral("ok"), b }, { QStringLiteral("bad"), "clusters: [\n" } }
            << QStringLiteral("ok:bad") << QString();
    }

    void matchesKubectl()
    {
        QFETCH(FileMap, files);
        QFETCH(QString, kubeconfigEnv);
        QFETCH(QString, explicitFile);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const auto &[path, contents] : files) {
            QVERIFY(QDir(dir.path()).mkpath(QFileInfo(path).path()));
            QFile file(dir.filePath(path));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(contents);
        }

        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("KUBECONFIG"), kubeconfigEnv);
        environment.insert(QStringLiteral("HOME"), dir.path());
        const auto runTool = [&](const QString &program, QStringList arguments, QByteArray *output) {
            if (!explicitFile.isEmpty())
                arguments << QStringLiteral("--kubeconfig") << explicitFile;
            QProcess process;
            process.setProcessEnvironment(environment);
            process.setWorkingDirectory(dir.path());
            process.start(program, arguments);
            process.waitForFinished(30000);
            *output = process.readAllStandardOutput();
            return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        };

        QByteArray kubectlOutput;
        const int kubectlExit = runTool(m_kubectl,
            { QStringLiteral("config"), QStringLiteral("view"), QStringLiteral("--flatten"), QStringLiteral("-o"),
                QStringLiteral("json") },
            &kubectlOutput);

        const QString savedDir = QDir::currentPath();
        QDir::setCurrent(dir.path());
        const QByteArray savedEnv = qgetenv("KUBECONFIG");
        qputenv("KUBECONFIG", kubeconfigEnv.toLocal8Bit());
        const Kubeconfig config = Kubeconfig::load(explicitFile);
        qputenv("KUBECONFIG", savedEnv);
        QDir::setCurrent(savedDir);

        QCOMPARE(config.isValid(), kubectlExit == 0);
        if (kubectlExit != 0)
            return;

        const QJsonObject view = QJsonDocument::fromJson(kubectlOutput).object();
        QCOMPARE(config.currentContext(), view.value(QLatin1String("current-context")).toString());

        const QJsonArray contexts = view.value(QLatin1String("contexts")).toArray();
        QCOMPARE(config.contexts().size(), contexts.size());
        for (const QJsonValue &entry : contexts) {
            const auto ours = config.context(entry[QLatin1String("name")].toString());
            QVERIFY(ours);
            const QJsonObject theirs = entry[QLatin1String("context")].toObject();
            QCOMPARE(ours->cluster, theirs.value(QLatin1String("cluster")).toString());
            QCOMPARE(ours->user, theirs.value(QLatin1String("user")).toString());
            QCOMPARE(ours->ns, theirs.value(QLatin1String("namespace")).toString());
        }

        for (const QJsonValue &entry : view.value(QLatin1String("clusters")).toArray()) {
            const auto ours = config.cluster(entry[QLatin1String("name")].toString());
            QVERIFY(ours);
            const QJsonObject theirs = entry[QLatin1String("cluster")].toObject();
            QCOMPARE(ours->server, theirs.value(QLatin1String("server")).toString());
            QCOMPARE(ours->insecureSkipTlsVerify, theirs.value(QLatin1String("insecure-skip-tls-verify")).toBool());
            QCOMPARE(ours->tlsServerName, theirs.value(QLatin1String("tls-server-name")).toString());
            QCOMPARE(ours->proxyUrl, theirs.value(QLatin1String("proxy-url")).toString());
            // --flatten reads relative files the way kubectl resolves them
            QCOMPARE(fileData(ours->certificateAuthorityData, ours->certificateAuthority),
                decode(theirs.value(QLatin1String("certificate-authority-data"))));
        }

        for (const QJsonValue &entry : view.value(QLatin1String("users")).toArray()) {
            const auto ours = config.user(entry[QLatin1String("name")].toString());
            QVERIFY(ours);
            const QJsonObject theirs = entry[QLatin1String("user")].toObject();
            QCOMPARE(ours->token, theirs.value(QLatin1String("token")).toString());
            QCOMPARE(fileData(ours->clientCertificateData, ours->clientCertificate),
                decode(theirs.value(QLatin1String("client-certificate-data"))));
            QCOMPARE(
                fileData(ours->clientKeyData, ours->clientKey), decode(theirs.value(QLatin1String("client-key-data"))));
        }

        // And the command a script would use.
        QByteArray ctlOutput;
        QCOMPARE(runTool(m_shipyardctl, { QStringLiteral("contexts"), QStringLiteral("-o"), QStringLiteral("json") },
                     &ctlOutput),
            0);
        QCOMPARE(QJsonDocument::fromJson(ctlOutput).array(), contextRows(view));
    }

    void resolvesRelativePathsAgainstTheirFile()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub")));
        QFile file(dir.filePath(QStringLiteral("sub/config")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("users:\n- name: u\n  user:\n    tokenFile: tok\n    exec: {command: ./bin/plugin, apiVersion: "
                   "client.authentication.k8s.io/v1}\n- name: p\n  user:\n    exec: {command: gcloud}\n");
        file.close();
        const Kubeconfig config = Kubeconfig::loadFiles({ file.fileName() });
        QVERIFY(config.isValid());
        QCOMPARE(config.user(QStringLiteral("u"))->tokenFile, dir.filePath(QStringLiteral("sub/tok")));
        QCOMPARE(config.user(QStringLiteral("u"))->exec->command, dir.filePath(QStringLiteral("sub/bin/plugin")));
        // A bare command is looked up on PATH, not next to the file.
        QCOMPARE(config.user(QStringLiteral("p"))->exec->command, QStringLiteral("gcloud"));
    }

    // client-go refuses a cluster with both a CA and insecure-skip-tls-verify
    // when it makes the client (kubectl config view still shows it): so does
    // Shipyard, naming the file, the line and the cluster.
    void refusesCertificateAuthorityWithInsecure_data()
    {
        QTest::addColumn<QByteArray>("cluster");
        QTest::addColumn<bool>("refused");
        const QByteArray caData = caPem.toBase64();
        QTest::newRow("certificate-authority-data and insecure") << "certificate-authority-data: " + caData +
                "\n    insecure-skip-tls-verify: true\n" << true;
        QTest::newRow("certificate-authority file and insecure")
            << QByteArray("certificate-authority: ca.pem\n    insecure-skip-tls-verify: true\n") << true;
        QTest::newRow("insecure alone") << QByteArray("insecure-skip-tls-verify: true\n") << false;
        QTest::newRow("certificate authority alone") << QByteArray("certificate-authority: ca.pem\n") << false;
        QTest::newRow("insecure false beside a CA")
            << QByteArray("certificate-authority: ca.pem\n    insecure-skip-tls-verify: false\n") << false;
    }

    void refusesCertificateAuthorityWithInsecure()
    {
        QFETCH(QByteArray, cluster);
        QFETCH(bool, refused);
        QTemporaryDir dir;
        QFile ca(dir.filePath(QStringLiteral("ca.pem")));
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write(caPem);
        ca.close();
        const QString path = dir.filePath(QStringLiteral("config"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: v1\nkind: Config\ncurrent-context: ctx\nclusters:\n- name: edge\n  cluster:\n"
                   "    server: https://127.0.0.1:1\n    " +
            cluster +
            "contexts:\n- name: ctx\n  context: {cluster: edge, user: u}\n"
            "users:\n- name: u\n  user: {token: t}\n");
        file.close();

        const Kubeconfig config = Kubeconfig::loadFiles({ path });
        QVERIFY2(config.isValid(), qPrintable(config.errorString())); // reading it is fine, as for kubectl
        QString error;
        const auto connection = config.connection(QStringLiteral("ctx"), &error);
        QCOMPARE(!connection, refused);
        QString clientError;
        const KubeClient client = ClusterAccess(config, path).client(QStringLiteral("ctx"), &clientError);
        QCOMPARE(!client.isValid(), refused);

        // kubectl says the same when it makes its client (the server is never reached).
        QProcess kubectl;
        kubectl.setProcessChannelMode(QProcess::MergedChannels);
        kubectl.start(m_kubectl,
            { QStringLiteral("--kubeconfig"), path, QStringLiteral("--request-timeout=5s"), QStringLiteral("get"),
                QStringLiteral("--raw"), QStringLiteral("/version") });
        QVERIFY(kubectl.waitForFinished(30000));
        const QString kubectlSaid = QString::fromUtf8(kubectl.readAll());
        const QString words =
            QStringLiteral("specifying a root certificates file with the insecure flag is not allowed");
        QCOMPARE(kubectlSaid.contains(words), refused);
        if (!refused) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            return;
        }
        // The line of insecure-skip-tls-verify, the cluster and its context.
        QVERIFY2(error.startsWith(path + QStringLiteral(":9:31: error: cluster \"edge\" of context \"ctx\": ") + words),
            qPrintable(error));
        QCOMPARE(clientError, error);
    }

private:
    QString m_kubectl;
    QString m_shipyardctl;
};

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"
