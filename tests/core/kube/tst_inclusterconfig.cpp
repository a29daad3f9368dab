// SPDX-License-Identifier: GPL-2.0-or-later
// The context "in-cluster" as Kubeconfig::load() adds it from the pod's
// environment and service-account directory (no cluster needed: only what
// is read, not what a server answers; tst_shipyardctl_incluster talks to one).
#include "kube/InClusterConfig.h"
#include "kube/Kubeconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

namespace {

void writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    file.write(contents);
}

} // namespace

class TestInClusterConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_sa;

    QString kubeconfig(const QByteArray &yaml)
    {
        const QString path = m_dir.filePath(QStringLiteral("kubeconfig"));
        writeFile(path, yaml);
        return path;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_sa = m_dir.filePath(QStringLiteral("sa"));
        QDir().mkpath(m_sa);
        writeFile(m_sa + QStringLiteral("/token"), "a-token\n");
        writeFile(m_sa + QStringLiteral("/ca.crt"), "-----BEGIN CERTIFICATE-----\n");
        writeFile(m_sa + QStringLiteral("/namespace"), "shop-staging\n");
        qputenv("SHIPYARD_SERVICEACCOUNT_DIR", QFile::encodeName(m_sa));
        qputenv("KUBERNETES_SERVICE_HOST", "10.96.0.1");
        qputenv("KUBERNETES_SERVICE_PORT", "443");
        // Neither KUBECONFIG's files nor ~/.kube/config exist.
        qputenv("KUBECONFIG", QFile::encodeName(m_dir.filePath(QStringLiteral("missing"))));
    }

    void aloneItIsTheCurrentContext()
    {
        const Kubeconfig config = Kubeconfig::load();
        QVERIFY2(config.isValid(), qPrintable(config.errorString()));
        QCOMPARE(config.currentContext(), QStringLiteral("in-cluster"));
        QString error;
        const auto connection = config.connection({}, &error);
        QVERIFY2(connection, qPrintable(error));
        QCOMPARE(connection->contextName, QStringLiteral("in-cluster"));
        QCOMPARE(connection->cluster.server, QStringLiteral("https://10.96.0.1:443"));
        QCOMPARE(connection->cluster.certificateAuthority, m_sa + QStringLiteral("/ca.crt"));
        QCOMPARE(connection->user.tokenFile, m_sa + QStringLiteral("/token"));
        QVERIFY(connection->user.token.isEmpty()); // read (and re-read) from the file, never kept here
        QCOMPARE(connection->ns, QStringLiteral("shop-staging"));
    }

    void ipv6HostIsBracketed()
    {
        qputenv("KUBERNETES_SERVICE_HOST", "fd00:10:96::1");
        qputenv("KUBERNETES_SERVICE_PORT", "6443");
        const auto connection = Kubeconfig::load().connection(QStringLiteral("in-cluster"), nullptr);
        QVERIFY(connection);
        QCOMPARE(connection->cluster.server, QStringLiteral("https://[fd00:10:96::1]:6443"));
    }

    void withoutNamespaceFileItIsDefault()
    {
        QFile::remove(m_sa + QStringLiteral("/namespace"));
        const auto connection = Kubeconfig::load().connection(QStringLiteral("in-cluster"), nullptr);
        QVERIFY(connection);
        QCOMPARE(connection->ns, QStringLiteral("default"));
    }

    void besideAMountedKubeconfig()
    {
        const QString file = kubeconfig("clusters:\n- name: prod\n  cluster: {server: https://prod.example:6443}\n"
                                        "users:\n- name: robot\n  user: {token: t}\n"
                                        "contexts:\n- name: production\n  context: {cluster: prod, user: robot}\n"
                                        "current-context: production\n");
        // Named by --kubeconfig as by KUBECONFIG: both contexts are there; the file's current one stays.
        for (const Kubeconfig &config : { Kubeconfig::load(file), [&] {
                                             qputenv("KUBECONFIG", QFile::encodeName(file));
                                             return Kubeconfig::load();
                                         }() }) {
            QVERIFY2(config.isValid(), qPrintable(config.errorString()));
            QCOMPARE(config.currentContext(), QStringLiteral("production"));
            QVERIFY(config.connection(QStringLiteral("production"), nullptr));
            const auto inCluster = config.connection(QStringLiteral("in-cluster"), nullptr);
            QVERIFY(inCluster);
            QCOMPARE(inCluster->user.tokenFile, m_sa + QStringLiteral("/token"));
        }
    }

    void aKubeconfigsOwnInClusterWins()
    {
        const QString file =
            kubeconfig("clusters:\n- name: in-cluster\n  cluster: {server: https://elsewhere.example}\n"
                       "contexts:\n- name: in-cluster\n  context: {cluster: in-cluster}\n");
        const auto connection = Kubeconfig::load(file).connection(QStringLiteral("in-cluster"), nullptr);
        QVERIFY(connection);
        QCOMPARE(connection->cluster.server, QStringLiteral("https://elsewhere.example"));
        QVERIFY(connection->user.tokenFile.isEmpty());
    }

    void notInAPod()
    {
        qunsetenv("KUBERNETES_SERVICE_PORT");
        const Kubeconfig config = Kubeconfig::load();
        QVERIFY(config.contexts().isEmpty());
        QString error;
        QVERIFY(!config.connection(QStringLiteral("in-cluster"), &error));
        QCOMPARE(error,
            QStringLiteral("context \"in-cluster\" does not exist: not running in a cluster (KUBERNETES_SERVICE_HOST "
                           "and KUBERNETES_SERVICE_PORT are not both set)"));
    }

    void withoutTokenItSaysWhy()
    {
        QFile::remove(m_sa + QStringLiteral("/token"));
        const Kubeconfig config = Kubeconfig::load();
        QVERIFY(config.contexts().isEmpty());
        QString error;
        QVERIFY(!config.connection(QStringLiteral("in-cluster"), &error));
        QVERIFY2(error.contains(m_sa + QStringLiteral("/token")) &&
                error.contains(QLatin1String("automountServiceAccountToken")),
            qPrintable(error));
        // Asked for the current context, the same reason.
        QVERIFY(!config.connection({}, &error));
        QVERIFY2(
            error.startsWith(QLatin1String("no context chosen")) && error.contains(m_sa + QStringLiteral("/token")),
            qPrintable(error));
        // loadFiles() alone is the files, as kubectl reads them.
        QVERIFY(Kubeconfig::loadFiles({}).contexts().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestInClusterConfig)
#include "tst_inclusterconfig.moc"
