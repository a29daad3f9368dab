// SPDX-License-Identifier: GPL-2.0-or-later
// A protected environment from the command line, against the local control
// plane: `deliver`, `rollback`, `rollout undo|restart` and `scale` want
// --confirm with its name (a usage error, exit 2, changing nothing,
// otherwise), also when the kube-level commands are not given the ecosystem
// (the namespace's lock Lease says the environment is protected); a confirmed
// change is refused while another holds the environment's lock, and once it
// is free takes the lock for itself and leaves an audit record.
#include "DeliveryTestWorld.h"

#include "audit/AuditJournal.h"
#include "pipeline/EnvironmentLock.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <csignal>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestShipyardctlProtected : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    QString m_ns;
    QString m_ecosystem;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_STATE_HOME"), m_world.filePath(QStringLiteral("state")));
        return env;
    }

    Run ctl(const QStringList &arguments) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            arguments + QStringList { QStringLiteral("--kubeconfig"), clusterKubeconfigPath() });
        Run run;
        if (!process.waitForFinished(180000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QStringList place() const
    {
        return { QStringLiteral("--ecosystem"), m_ecosystem, QStringLiteral("--environment"), QStringLiteral("test") };
    }

    QStringList deployment(const QStringList &more = {}) const
    {
        return QStringList { QStringLiteral("--context"), QStringLiteral("local"), QStringLiteral("-n"), m_ns } + more;
    }

    Run deliver(const QString &tag, const QStringList &more = {}) const
    {
        QStringList arguments = QStringList { QStringLiteral("deliver") } + place() + more;
        for (const QString &system : DeliveryTestWorld::systemNames())
            arguments += { QStringLiteral("--system"), system, QStringLiteral("--image"),
                QStringLiteral("%1=demo/%1:%2").arg(system, tag) };
        return ctl(arguments);
    }

    QString replicas() const
    {
        return QString::fromUtf8(kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("get"), QStringLiteral("deployment"),
                QStringLiteral("storefront"), QStringLiteral("-o"), QStringLiteral("jsonpath={.spec.replicas}") }));
    }

    QString leaseAnnotation(const QString &key) const
    {
        QString escaped = key;
        escaped.replace(QLatin1Char('.'), QStringLiteral("\\."));
        return QString::fromUtf8(kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("get"), QStringLiteral("lease"),
                QString::fromLatin1(EnvironmentLock::leaseName), QStringLiteral("-o"),
                QStringLiteral("jsonpath={.metadata.annotations.%1}").arg(escaped) }));
    }

    QList<AuditRecord> journal() const
    {
        return AuditJournal(m_world.filePath(QStringLiteral("state/shipyard/audit.jsonl"))).read().records;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
        m_ns = m_world.newNamespace();
        // Production by kind: protected unless the file says otherwise.
        const Ecosystem ecosystem = m_world.ecosystemFor(m_ns, QStringLiteral("production"));
        QVERIFY(ecosystem.environment(QStringLiteral("test"))->isProtected);
        m_ecosystem = ecosystem.filePath;
    }

    void deliverAndRollbackWantTheName()
    {
        const Run unconfirmed = deliver(QStringLiteral("v1"));
        QCOMPARE(unconfirmed.exitCode, 2);
        QVERIFY2(unconfirmed.err.contains(
                     QStringLiteral("test is a protected environment: to deliver into it, add --confirm test")),
            qPrintable(unconfirmed.err));
        const Run mistaken = deliver(QStringLiteral("v1"), { QStringLiteral("--confirm"), QStringLiteral("staging") });
        QCOMPARE(mistaken.exitCode, 2);
        QVERIFY2(
            mistaken.err.contains(QStringLiteral("--confirm staging does not name test")), qPrintable(mistaken.err));
        // Nothing began: no lock taken, nothing applied.
        QCOMPARE(QString::fromUtf8(kubectl(QStringLiteral("local"),
                     { QStringLiteral("-n"), m_ns, QStringLiteral("get"), QStringLiteral("leases,deployments"),
                         QStringLiteral("-o"), QStringLiteral("name") })),
            QString());

        for (const QString &tag : { QStringLiteral("v1"), QStringLiteral("v2") }) {
            const Run confirmed = deliver(tag, { QStringLiteral("--confirm"), QStringLiteral("test") });
            QVERIFY2(confirmed.exitCode == 0, qPrintable(confirmed.err));
        }
        // The lock's Lease says whose namespace this is, for those without the ecosystem.
        QCOMPARE(leaseAnnotation(QStringLiteral("shipyard.dev/environment")), QStringLiteral("test"));
        QCOMPARE(leaseAnnotation(QStringLiteral("shipyard.dev/protected")), QStringLiteral("true"));

        const Run rollback = ctl(QStringList { QStringLiteral("rollback") } + place());
        QCOMPARE(rollback.exitCode, 2);
        QVERIFY2(
            rollback.err.contains(QStringLiteral("to roll it back, add --confirm test")), qPrintable(rollback.err));
        QCOMPARE(DeliveryTestWorld::imageOf(m_ns, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v2"));
        const Run rolledBack = ctl(QStringList { QStringLiteral("rollback") } + place() +
            QStringList { QStringLiteral("--confirm"), QStringLiteral("test") });
        QVERIFY2(rolledBack.exitCode == 0, qPrintable(rolledBack.err));
        QCOMPARE(DeliveryTestWorld::imageOf(m_ns, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v1"));
    }

    void kubeCommandsWantTheName()
    {
        const QString generation = QString::fromUtf8(kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("get"), QStringLiteral("deployment"),
                QStringLiteral("storefront"), QStringLiteral("-o"),
                QStringLiteral("jsonpath={.metadata.generation}") }));
        const QStringList withEcosystem { QStringLiteral("--ecosystem"), m_ecosystem };
        const QList<QStringList> changes {
            { QStringLiteral("scale"), QStringLiteral("deployment/storefront"), QStringLiteral("--replicas"),
                QStringLiteral("3") },
            { QStringLiteral("rollout"), QStringLiteral("restart"), QStringLiteral("deployment/storefront") },
            { QStringLiteral("rollout"), QStringLiteral("undo"), QStringLiteral("deployment/storefront") },
        };
        for (const QStringList &change : changes) {
            // With the ecosystem, or without it (the Lease tells): exit 2, and the name to give.
            for (const QStringList &more : { withEcosystem, QStringList() }) {
                const Run refused = ctl(change + deployment(more));
                QVERIFY2(refused.exitCode == 2, qPrintable(change.join(QLatin1Char(' ')) + refused.err));
                QVERIFY2(refused.err.contains(QStringLiteral("is test's, a protected environment")) &&
                        refused.err.contains(QStringLiteral("add --confirm test")),
                    qPrintable(refused.err));
            }
            const Run mistaken = ctl(change + deployment({ QStringLiteral("--confirm"), QStringLiteral("staging") }));
            QCOMPARE(mistaken.exitCode, 2);
        }
        // A dry run changes nothing and needs no confirmation.
        const Run dryRun = ctl(QStringList { QStringLiteral("rollout"), QStringLiteral("undo"),
                                   QStringLiteral("deployment/storefront"), QStringLiteral("--dry-run") } +
            deployment());
        QVERIFY2(dryRun.exitCode == 0, qPrintable(dryRun.err));
        QCOMPARE(QString::fromUtf8(kubectl(QStringLiteral("local"),
                     { QStringLiteral("-n"), m_ns, QStringLiteral("get"), QStringLiteral("deployment"),
                         QStringLiteral("storefront"), QStringLiteral("-o"),
                         QStringLiteral("jsonpath={.metadata.generation}") })),
            generation);
    }

    void confirmedChangeTakesTheLockAndIsAudited()
    {
        const QString replicasBefore = replicas();
        const QStringList scale { QStringLiteral("scale"), QStringLiteral("deployment/storefront"),
            QStringLiteral("--replicas"), QStringLiteral("2"), QStringLiteral("--confirm"), QStringLiteral("test") };

        // Someone holds the environment: refused (exit 1), naming the holder, nothing changed.
        QProcess holder;
        holder.setProcessEnvironment(environment());
        holder.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            QStringList { QStringLiteral("lock"), QStringLiteral("take") } + place() +
                QStringList { QStringLiteral("--kubeconfig"), clusterKubeconfigPath(), QStringLiteral("--reason"),
                    QStringLiteral("freeze") });
        QByteArray seen;
        QElapsedTimer clock;
        clock.start();
        while (!seen.contains("Ctrl-C releases it") && clock.elapsed() < 20000) {
            holder.waitForReadyRead(200);
            seen += holder.readAllStandardOutput();
        }
        QVERIFY2(seen.contains("Ctrl-C releases it"), holder.readAllStandardError().constData());
        const Run refused = ctl(scale + deployment());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("another delivery is running: the environment is held by")) &&
                refused.err.contains(QStringLiteral("/%1").arg(holder.processId())),
            qPrintable(refused.err));
        QCOMPARE(replicas(), replicasBefore);
        ::kill(pid_t(holder.processId()), SIGTERM);
        QVERIFY(holder.waitForFinished(15000));

        // Free: the scale takes the lock (its reason is on the Lease), acts, and is audited.
        const Run scaled = ctl(scale + deployment({ QStringLiteral("--output"), QStringLiteral("json") }));
        QVERIFY2(scaled.exitCode == 0, qPrintable(scaled.err));
        QCOMPARE(QJsonDocument::fromJson(scaled.out.toUtf8()).object().value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(replicas(), QStringLiteral("2"));
        QCOMPARE(leaseAnnotation(QStringLiteral("shipyard.dev/reason")),
            QStringLiteral("scale deployment/storefront to 2 replicas"));
        QCOMPARE(EnvironmentLock::read(clusterClient(QStringLiteral("local")), m_ns).isHeld(), false);

        const QList<AuditRecord> records = journal();
        QStringList results;
        for (const AuditRecord &record : records) {
            if (record.action != QLatin1String("scale"))
                continue;
            QCOMPARE(record.namespaceName, m_ns);
            QCOMPARE(record.details.value(QLatin1String("environment")).toString(), QStringLiteral("test"));
            QCOMPARE(record.details.value(QLatin1String("deployment")).toString(), QStringLiteral("storefront"));
            QCOMPARE(record.details.value(QLatin1String("replicas")).toInt(), 2);
            results.append(record.result);
        }
        QCOMPARE(results.size(), 2);
        QVERIFY2(results.first().startsWith(QStringLiteral("failed: another delivery is running")),
            qPrintable(results.first()));
        QCOMPARE(results.last(), QStringLiteral("succeeded"));
        const QByteArray events = kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("get"), QStringLiteral("events"),
                QStringLiteral("--field-selector"), QStringLiteral("reason=ShipyardScale"), QStringLiteral("-o"),
                QStringLiteral("json") });
        QCOMPARE(QJsonDocument::fromJson(events).object().value(QLatin1String("items")).toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestShipyardctlProtected)
#include "tst_shipyardctl_protected.moc"
