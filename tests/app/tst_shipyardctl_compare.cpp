// SPDX-License-Identifier: GPL-2.0-or-later
// Comparing two environments: EnvironmentComparison on a real git
// repository, and `shipyardctl compare` on two namespaces of the local
// control plane whose Deployments carry the commits they run.
#include "ClusterTestSupport.h"

#include "live/EnvironmentComparison.h"
#include "model/EcosystemLoader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestShipyardctlCompare : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ecosystemPath;
    Ecosystem m_ecosystem;
    QStringList m_commits; // catalog 1.0, SHOP-3, SHOP-4
    QStringList m_namespaces;

    QString shell(const QString &command)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
        process.waitForFinished(60000);
        if (process.exitCode() != 0)
            qWarning("%s: %s", qPrintable(command), process.readAllStandardError().constData());
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    }

    void runs(const QString &ns, const QString &commit)
    {
        const QString manifest = QStringLiteral(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: catalog\n  annotations:\n"
            "    shipyard.dev/git-sha: \"%1\"\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: "
            "catalog}\n  template:\n    metadata:\n      labels: {app: catalog}\n    spec:\n      "
            "containers: [{name: catalog, image: \"demo/catalog:%1\"}]\n")
                                     .arg(commit);
        QFile file(m_dir.filePath(ns + QStringLiteral(".yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(manifest.toUtf8());
        file.close();
        int code = 0;
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("apply"), QStringLiteral("-f"), file.fileName() }, &code);
        QCOMPARE(code, 0);
    }

    std::pair<int, QJsonObject> compare(const QString &from, const QString &to)
    {
        QProcess process;
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            { QStringLiteral("compare"), QStringLiteral("--ecosystem"), m_ecosystemPath, from, to,
                QStringLiteral("--kubeconfig"), clusterKubeconfigPath(), QStringLiteral("--output"),
                QStringLiteral("json") });
        process.waitForFinished(60000);
        return { process.exitCode(), QJsonDocument::fromJson(process.readAllStandardOutput()).object() };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString git = QStringLiteral("git -c user.name=Alice -c user.email=alice@example.org ");
        shell(QStringLiteral("mkdir -p systems/catalog && cd systems/catalog && git init -q -b main && "
                             "echo 1.0 > VERSION && %1 add -A && %1 commit -qm 'catalog 1.0' && "
                             "echo eur > CURRENCY && %1 add -A && %1 commit -qm 'SHOP-3 Prices in euros' && "
                             "echo 5 > STOCK && %1 add -A && %1 commit -qm 'SHOP-4 Stock' -m 'Also fixes SHOP-3 "
                             "rounding.'")
                .arg(git));
        m_commits = shell(QStringLiteral("git -C systems/catalog log --reverse --format=%H")).split(QLatin1Char('\n'));
        QCOMPARE(m_commits.size(), 3);

        const int run = QRandomGenerator::global()->bounded(100000);
        m_namespaces = { QStringLiteral("t-compare-a-%1").arg(run), QStringLiteral("t-compare-b-%1").arg(run) };
        m_ecosystemPath = m_dir.filePath(QStringLiteral("ecosystem.yaml"));
        QFile file(m_ecosystemPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral(
            "apiVersion: shipyard/v1\nname: Compare\ngating:\n  taskKey: \"SHOP-[0-9]+\"\n"
            "systems:\n"
            "  - {name: catalog, template: backend, repository: systems/catalog, image: demo/catalog, manifests: "
            "[deploy/]}\n"
            "  - {name: storefront, template: frontend, repository: systems/storefront, image: demo/storefront, "
            "manifests: [deploy/]}\n"
            "environments:\n"
            "  - {name: staging, kind: staging, context: local, namespace: %1}\n"
            "  - {name: production, kind: production, context: local, namespace: %2}\n")
                .arg(m_namespaces[0], m_namespaces[1])
                .toUtf8());
        file.close();
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(m_ecosystemPath);
        QVERIFY(loaded.ecosystem);
        m_ecosystem = *loaded.ecosystem;
    }

    void cleanupTestCase()
    {
        for (const QString &ns : std::as_const(m_namespaces))
            kubectl(QStringLiteral("local"),
                { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false"),
                    QStringLiteral("--ignore-not-found") });
    }

    void commitsAndTasksBetweenTwoEnvironments()
    {
        const QList<EnvironmentComparison::SystemDifference> differences = EnvironmentComparison::compare(m_ecosystem,
            { { QStringLiteral("catalog"), m_commits[2] } }, { { QStringLiteral("catalog"), m_commits[0] } });
        QCOMPARE(differences.size(), 2);
        const EnvironmentComparison::SystemDifference &catalog = differences[0];
        QVERIFY2(catalog.problem.isEmpty(), qPrintable(catalog.problem));
        QCOMPARE(catalog.onlyInA.size(), 2);
        QCOMPARE(catalog.onlyInA[0].id, m_commits[2]);
        QCOMPARE(catalog.onlyInA[1].summary, QStringLiteral("SHOP-3 Prices in euros"));
        QVERIFY(catalog.onlyInB.isEmpty());
        QCOMPARE(catalog.tasksOnlyInA, (QStringList { QStringLiteral("SHOP-4"), QStringLiteral("SHOP-3") }));
        QVERIFY(!catalog.same());
        // The storefront runs nowhere from a known commit.
        QVERIFY(differences[1].problem.contains(QLatin1String("neither environment")));

        // The other way round: the same commits, on the other side.
        const auto reversed = EnvironmentComparison::compare(m_ecosystem,
            { { QStringLiteral("catalog"), m_commits[0] } }, { { QStringLiteral("catalog"), m_commits[2] } });
        QCOMPARE(reversed[0].onlyInB.size(), 2);
        QVERIFY(reversed[0].onlyInA.isEmpty());

        const auto same = EnvironmentComparison::compare(m_ecosystem, { { QStringLiteral("catalog"), m_commits[1] } },
            { { QStringLiteral("catalog"), m_commits[1] } });
        QVERIFY(same[0].same());

        const QString unknown = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
        const auto missing = EnvironmentComparison::compare(
            m_ecosystem, { { QStringLiteral("catalog"), unknown } }, { { QStringLiteral("catalog"), m_commits[0] } });
        QVERIFY2(missing[0].problem.contains(QLatin1String("0123456789ab is not in")), qPrintable(missing[0].problem));
    }

    void shipyardctlComparesWhatRuns()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        for (const QString &ns : std::as_const(m_namespaces))
            kubectl(QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), ns });
        runs(m_namespaces[0], m_commits[2]);
        runs(m_namespaces[1], m_commits[0]);

        const auto [exitCode, answer] = compare(QStringLiteral("staging"), QStringLiteral("production"));
        QCOMPARE(exitCode, 1); // they differ
        QCOMPARE(answer.value(QLatin1String("tasksOnlyInFrom")).toArray(),
            QJsonArray({ QStringLiteral("SHOP-4"), QStringLiteral("SHOP-3") }));
        const QJsonObject catalog = answer.value(QLatin1String("systems")).toArray().first().toObject();
        QCOMPARE(catalog.value(QLatin1String("fromCommit")).toString(), m_commits[2]);
        QCOMPARE(catalog.value(QLatin1String("onlyInFrom")).toArray().size(), 2);

        const auto [sameExit, sameAnswer] = compare(QStringLiteral("staging"), QStringLiteral("staging"));
        // The storefront runs from no known commit: that is a difference nobody can vouch for.
        QCOMPARE(sameExit, 1);
        QVERIFY(sameAnswer.value(QLatin1String("tasksOnlyInFrom")).toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestShipyardctlCompare)
#include "tst_shipyardctl_compare.moc"
