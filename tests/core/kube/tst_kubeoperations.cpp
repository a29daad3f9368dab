// SPDX-License-Identifier: GPL-2.0-or-later
// Server-side apply, access reviews, the Lease lock, namespace deletion and
// the shipyardctl commands, against the real local control plane.
#include "ClusterTestSupport.h"
#include "DeadContexts.h"

#include "kube/AccessReview.h"
#include "kube/KubeDiscovery.h"
#include "kube/LeaseLock.h"
#include "kube/NamespaceDeletion.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

template<typename T> T result(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

QJsonObject configMap(const QString &name, const QJsonObject &data)
{
    return QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("v1") },
        { QStringLiteral("kind"), QStringLiteral("ConfigMap") },
        { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), name } } },
        { QStringLiteral("data"), data } };
}

} // namespace

class TestKubeOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        m_client = clusterClient(QStringLiteral("local"));
        m_ns = QStringLiteral("shipyard-ops-%1").arg(QRandomGenerator::global()->bounded(100000));
        QVERIFY(
            wait(m_client.create(QStringLiteral("/api/v1/namespaces"),
                     QJsonObject { { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), m_ns } } } }))
                .ok());
    }

    void cleanupTestCase()
    {
        if (m_client.isValid() && !m_ns.isEmpty())
            wait(m_client.remove(QStringLiteral("/api/v1/namespaces/") + m_ns));
    }

    void discoveryResolvesLikeKubectl_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("qualified");
        QTest::newRow("plural") << QStringLiteral("pods") << QStringLiteral("pods");
        QTest::newRow("short name") << QStringLiteral("deploy") << QStringLiteral("deployments.apps");
        QTest::newRow("kind") << QStringLiteral("ReplicaSet") << QStringLiteral("replicasets.apps");
        QTest::newRow("singular") << QStringLiteral("lease") << QStringLiteral("leases.coordination.k8s.io");
        QTest::newRow("group qualified") << QStringLiteral("deployments.apps") << QStringLiteral("deployments.apps");
        QTest::newRow("version qualified")
            << QStringLiteral("deployments.v1.apps") << QStringLiteral("deployments.apps");
        QTest::newRow("cluster scoped") << QStringLiteral("ns") << QStringLiteral("namespaces");
    }

    void discoveryResolvesLikeKubectl()
    {
        QFETCH(QString, name);
        QFETCH(QString, qualified);
        static const KubeDiscovery discovery = result(KubeDiscovery::fetch(m_client));
        QVERIFY2(discovery.isValid(), qPrintable(discovery.error().message));
        QCOMPARE(discovery.find(name).qualifiedName(), qualified);
    }

    void applyConflictsAndForce()
    {
        const QString path = QStringLiteral("/api/v1/namespaces/%1/configmaps/applied").arg(m_ns);
        KubeResponse response = wait(m_client.apply(
            path, configMap(QStringLiteral("applied"), { { QStringLiteral("a"), QStringLiteral("1") } }), {}));
        QVERIFY2(response.ok(), qPrintable(response.error.message)); // created

        KubeClient::ApplyOptions other;
        other.fieldManager = QStringLiteral("someone-else");
        response = wait(m_client.apply(
            path, configMap(QStringLiteral("applied"), { { QStringLiteral("a"), QStringLiteral("2") } }), other));
        QCOMPARE(response.httpStatus, 409);
        QVERIFY2(response.error.message.contains(QLatin1String(".data.a")), qPrintable(response.error.message));
        QVERIFY2(response.error.message.contains(QLatin1String("\"shipyard\"")), qPrintable(response.error.message));
        QVERIFY(response.error.message.contains(QLatin1String("force")));

        KubeClient::ApplyOptions dryRun = other;
        dryRun.force = true;
        dryRun.dryRun = true;
        response = wait(m_client.apply(
            path, configMap(QStringLiteral("applied"), { { QStringLiteral("a"), QStringLiteral("3") } }), dryRun));
        QVERIFY(response.ok());
        QCOMPARE(response.json()[QLatin1String("data")][QLatin1String("a")].toString(), QStringLiteral("3"));
        QCOMPARE(
            wait(m_client.get(path)).json()[QLatin1String("data")][QLatin1String("a")].toString(), QStringLiteral("1"));

        other.force = true;
        response = wait(m_client.apply(
            path, configMap(QStringLiteral("applied"), { { QStringLiteral("a"), QStringLiteral("2") } }), other));
        QVERIFY(response.ok());
        QCOMPARE(
            wait(m_client.get(path)).json()[QLatin1String("data")][QLatin1String("a")].toString(), QStringLiteral("2"));
    }

    void accessReviewsForTheDeveloper()
    {
        const KubeClient developer = clusterClient(QStringLiteral("production-developer"));
        AccessReview::Answer answer = result(AccessReview::canI(developer, QStringLiteral("create"),
            QStringLiteral("deployments.apps"), QStringLiteral("shipyard-production")));
        QVERIFY(!answer.error.isError());
        QVERIFY(!answer.allowed);
        answer = result(AccessReview::canI(
            developer, QStringLiteral("list"), QStringLiteral("pods"), QStringLiteral("shipyard-production")));
        QVERIFY(answer.allowed);
        const AccessReview::Identity identity = result(AccessReview::whoAmI(developer));
        QCOMPARE(identity.username, QStringLiteral("developer"));

        // The same through shipyardctl, exit codes included.
        int exitCode = -1;
        const QByteArray output = shipyardctl(
            { QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("delete"), QStringLiteral("pods"),
                QStringLiteral("--context"), QStringLiteral("production-developer") },
            &exitCode);
        QCOMPARE(exitCode, 1);
        QVERIFY(output.startsWith("no"));
    }

    void leaseLock()
    {
        LeaseLock a(m_client, m_ns, QStringLiteral("deliveries"), QStringLiteral("a"), std::chrono::seconds(2));
        LeaseLock b(m_client, m_ns, QStringLiteral("deliveries"), QStringLiteral("b"), std::chrono::seconds(2));
        QCOMPARE(result(a.tryAcquireOrRenew()).outcome, LeaseLock::Outcome::Acquired); // created on 404
        LeaseLock::Attempt attempt = result(b.tryAcquireOrRenew());
        QCOMPARE(attempt.outcome, LeaseLock::Outcome::HeldByOther);
        QCOMPARE(attempt.holder, QStringLiteral("a"));
        QCOMPARE(result(a.tryAcquireOrRenew()).outcome, LeaseLock::Outcome::Renewed);
        // b has seen the record change just now: it waits a full duration of its own clock.
        QCOMPARE(result(b.tryAcquireOrRenew()).outcome, LeaseLock::Outcome::HeldByOther);
        QTest::qWait(2300);
        QCOMPARE(result(b.tryAcquireOrRenew()).outcome, LeaseLock::Outcome::Acquired); // a stopped renewing
        const QJsonObject lease =
            wait(m_client.get(QStringLiteral("/apis/coordination.k8s.io/v1/namespaces/%1/leases/deliveries").arg(m_ns)))
                .json();
        QCOMPARE(lease[QLatin1String("spec")][QLatin1String("holderIdentity")].toString(), QStringLiteral("b"));
        QCOMPARE(lease[QLatin1String("spec")][QLatin1String("leaseTransitions")].toInt(), 1);
        QVERIFY(lease[QLatin1String("spec")][QLatin1String("renewTime")].toString().contains(
            QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"))));
        QCOMPARE(result(a.tryAcquireOrRenew()).outcome, LeaseLock::Outcome::HeldByOther);
        // Released: taken at once, no waiting for expiry.
        QVERIFY(result(b.release()).error.kind == KubeError::Kind::None);
        QCOMPARE(result(a.tryAcquireOrRenew()).outcome, LeaseLock::Outcome::Acquired);

        // Two contenders on an expired lease: exactly one wins, by resourceVersion.
        LeaseLock c(m_client, m_ns, QStringLiteral("deliveries"), QStringLiteral("c"), std::chrono::seconds(2));
        LeaseLock d(m_client, m_ns, QStringLiteral("deliveries"), QStringLiteral("d"), std::chrono::seconds(2));
        result(c.tryAcquireOrRenew());
        result(d.tryAcquireOrRenew());
        QTest::qWait(2300);
        auto first = c.tryAcquireOrRenew();
        auto second = d.tryAcquireOrRenew();
        const int winners = int(result(first).held()) + int(result(second).held());
        QCOMPARE(winners, 1);
    }

    // Multi-step operations run on a pool of their own. Those on a context
    // that accepts connections and never answers hold their threads for the
    // connect timeout; a lease renewal on a live context never waits behind
    // them (it would lose the lock if it did).
    void liveLeaseBesideHungOperations()
    {
        QTemporaryDir dir;
        DeadContexts dead;
        QVERIFY(dead.start());
        QVERIFY(dead.writeKubeconfig(dir.filePath(QStringLiteral("dead.yaml"))));
        const KubeClient hung = ClusterAccess(Kubeconfig::loadFiles({ dir.filePath(QStringLiteral("dead.yaml")) }), {})
                                    .client(QStringLiteral("hung"));
        QVERIFY(hung.isValid());
        constexpr int hungOperations = 40;
        std::vector<std::unique_ptr<LeaseLock>> hungLocks;
        QList<QFuture<LeaseLock::Attempt>> pending;
        for (int i = 0; i < hungOperations; ++i) {
            hungLocks.push_back(std::make_unique<LeaseLock>(hung, QStringLiteral("x"), QStringLiteral("deliveries"),
                QStringLiteral("h%1").arg(i), std::chrono::seconds(15)));
            pending.append(hungLocks.back()->tryAcquireOrRenew());
        }
        LeaseLock live(m_client, m_ns, QStringLiteral("beside-hung"), QStringLiteral("live"), std::chrono::seconds(15));
        QElapsedTimer clock;
        clock.start();
        const LeaseLock::Attempt attempt = result(live.tryAcquireOrRenew());
        const qint64 elapsed = clock.elapsed();
        qInfo("the live lease was taken in %lld ms beside %d operations on a hung context", elapsed, hungOperations);
        QCOMPARE(attempt.outcome, LeaseLock::Outcome::Acquired);
        QVERIFY2(elapsed < 2000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        for (QFuture<LeaseLock::Attempt> &future : pending) {
            const LeaseLock::Attempt failed = result(future);
            QVERIFY2(failed.error.message.contains(QStringLiteral("127.0.0.1:%1").arg(dead.hungPort())),
                qPrintable(failed.error.message));
        }
        qInfo("the hung ones failed after %lld ms", clock.elapsed());
    }

    void getJsonMatchesKubectl()
    {
        for (int i = 0; i < 3; ++i)
            QVERIFY(
                wait(m_client.create(QStringLiteral("/api/v1/namespaces/%1/configmaps").arg(m_ns),
                         configMap(QStringLiteral("cm-%1").arg(i), { { QStringLiteral("k"), QStringLiteral("v") } })))
                    .ok());
        const QStringList arguments { QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-n"), m_ns,
            QStringLiteral("-o"), QStringLiteral("json") };
        int exitCode = -1;
        const QJsonDocument ours = QJsonDocument::fromJson(
            shipyardctl(arguments + QStringList { QStringLiteral("--context"), QStringLiteral("local") }, &exitCode));
        QCOMPARE(exitCode, 0);
        const QJsonDocument theirs = QJsonDocument::fromJson(kubectl(QStringLiteral("local"), arguments));
        QCOMPARE(ours, theirs);
    }

    void namespaceDeletionWaits()
    {
        const QString ns = m_ns + QStringLiteral("-doomed");
        QVERIFY(
            wait(m_client.create(QStringLiteral("/api/v1/namespaces"),
                     QJsonObject { { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), ns } } } }))
                .ok());
        QVERIFY(wait(m_client.create(QStringLiteral("/api/v1/namespaces/%1/configmaps").arg(ns),
                         configMap(QStringLiteral("x"), {})))
                .ok());
        QStringList lines;
        std::mutex mutex;
        const NamespaceDeletion::Result deleted =
            result(NamespaceDeletion::run(m_client, ns, std::chrono::seconds(60), [&](const QString &line) {
                std::lock_guard lock(mutex);
                lines.append(line);
            }));
        QVERIFY2(!deleted.error.isError(), qPrintable(deleted.error.message));
        QCOMPARE(wait(m_client.get(QStringLiteral("/api/v1/namespaces/") + ns)).httpStatus, 404);
        QVERIFY(!lines.isEmpty());
        QVERIFY(result(NamespaceDeletion::run(m_client, ns, std::chrono::seconds(5))).alreadyGone);
    }

private:
    static QByteArray shipyardctl(const QStringList &arguments, int *exitCode)
    {
        QProcess process;
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            arguments + QStringList { QStringLiteral("--kubeconfig"), clusterKubeconfigPath() });
        process.waitForFinished(60000);
        *exitCode = process.exitCode();
        return process.readAllStandardOutput();
    }

    KubeClient m_client;
    QString m_ns;
};

QTEST_GUILESS_MAIN(TestKubeOperations)
#include "tst_kubeoperations.moc"
