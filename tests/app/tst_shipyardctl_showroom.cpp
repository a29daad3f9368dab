// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl showroom` against the local control plane, with real git
// repositories and a file tracker: up, list, sweep --dry-run, down, and the
// exit codes scripts rely on.
#include "TestWorldRequirement.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "LocalCluster.h"
#include "ShowroomWorld.h"

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

} // namespace

class tst_ShipyardctlShowroom : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<ShowroomWorld> m_world;

    Run shipyardctl(const QStringList &arguments, bool withEcosystem = true) const
    {
        QStringList all { QStringLiteral("showroom") };
        all += arguments;
        if (withEcosystem)
            all += { QStringLiteral("--ecosystem"), m_world->ecosystemPath(), QStringLiteral("--kubeconfig"),
                LocalCluster::kubeconfigPath() };
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.filePath(QStringLiteral("state")));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), all);
        if (!process.waitForFinished(300000))
            return {};
        Run run { process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError() };
        if (run.exitCode != 0)
            qInfo("shipyardctl %s: exit %d\n%s", qPrintable(arguments.join(QLatin1Char(' '))), run.exitCode,
                run.err.constData());
        return run;
    }

    static bool namespaceExists(const QString &ns)
    {
        QProcess process;
        process.start(QStringLiteral("kubectl"),
            { QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath(), QStringLiteral("--context"),
                QStringLiteral("showroom"), QStringLiteral("get"), QStringLiteral("namespace"), ns });
        process.waitForFinished(60000);
        return process.exitCode() == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(LocalCluster::kubeconfigPath()))
            SHIPYARD_TEST_WORLD_MISSING("the local cluster is not up (packaging/localcluster/cluster up)");
        QVERIFY(m_dir.isValid());
        m_world.emplace(m_dir.path());
    }

    void cleanupTestCase()
    {
        if (m_world)
            m_world->deleteShowrooms();
    }

    void usageErrors()
    {
        QCOMPARE(shipyardctl({ QStringLiteral("up") }).exitCode, 2);
        QCOMPARE(shipyardctl({ QStringLiteral("launch"), QStringLiteral("SHOP-1") }).exitCode, 2);
        QCOMPARE(shipyardctl({ QStringLiteral("list") }, false).exitCode, 2);
        QCOMPARE(
            shipyardctl({ QStringLiteral("list"), QStringLiteral("--output"), QStringLiteral("yaml") }).exitCode, 2);
        QCOMPARE(shipyardctl({ QStringLiteral("up"), QStringLiteral("SHOP-1"), QStringLiteral("--ttl"),
                                 QStringLiteral("soon") })
                     .exitCode,
            2);
    }

    void upListSweepDown()
    {
        const QString task = ShowroomWorld::task(1);
        const QString ns = ShowroomWorld::namespaceOf(task);
        const QString branchHead = m_world->addBranch(QStringLiteral("storefront"), task);
        QVERIFY(!branchHead.isEmpty());
        m_world->setTasks({ { task, QStringLiteral("In QA") } });

        const Run up = shipyardctl({ QStringLiteral("up"), task, QStringLiteral("--output"), QStringLiteral("json"),
            QStringLiteral("--image"), QStringLiteral("storefront=demo/storefront:shop"), QStringLiteral("--image"),
            QStringLiteral("catalog=demo/catalog:1.0"), QStringLiteral("--image"),
            QStringLiteral("mailer=demo/mailer:1.0"), QStringLiteral("--ttl"), QStringLiteral("30m") });
        QCOMPARE(up.exitCode, 0);
        const QJsonObject upJson = up.json().object();
        QCOMPARE(upJson.value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(upJson.value(QLatin1String("namespace")).toString(), ns);
        QVERIFY(upJson.value(QLatin1String("created")).toBool());
        const QDateTime expiresAt =
            QDateTime::fromString(upJson.value(QLatin1String("expiresAt")).toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expiresAt) - 1800) < 120);
        QJsonObject storefront;
        for (const QJsonValue &system : upJson.value(QLatin1String("systems")).toArray()) {
            if (system[QLatin1String("system")].toString() == QLatin1String("storefront"))
                storefront = system.toObject();
            else
                QCOMPARE(system[QLatin1String("branch")].toString(), QString());
        }
        QCOMPARE(storefront.value(QLatin1String("branch")).toString(), QStringLiteral("feature/%1-work").arg(task));
        QVERIFY(namespaceExists(ns));

        const Run list = shipyardctl({ QStringLiteral("list"), QStringLiteral("--output"), QStringLiteral("json") });
        QCOMPARE(list.exitCode, 0);
        const QJsonArray showrooms = list.json().array();
        QCOMPARE(showrooms.size(), 1);
        const QJsonObject listed = showrooms.first().toObject();
        QCOMPARE(listed.value(QLatin1String("task")).toString(), task);
        QCOMPARE(listed.value(QLatin1String("namespace")).toString(), ns);
        QCOMPARE(listed.value(QLatin1String("deployments")).toInt(), 3);
        QVERIFY(listed.value(QLatin1String("podsTotal")).toInt() >= 3);
        QCOMPARE(listed.value(QLatin1String("podsReady")).toInt(), listed.value(QLatin1String("podsTotal")).toInt());
        QVERIFY(!listed.value(QLatin1String("expired")).toBool());
        QVERIFY(listed.value(QLatin1String("creator")).toString().contains(QLatin1Char('@')));

        const Run table = shipyardctl({ QStringLiteral("list") });
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.startsWith("TASK"), table.out.constData());
        QVERIFY(table.out.contains(ns.toUtf8()));

        // A live task keeps its showroom; once closed, a dry run names it and leaves it.
        const Run keep = shipyardctl({ QStringLiteral("sweep"), QStringLiteral("--output"), QStringLiteral("json") });
        QCOMPARE(keep.exitCode, 0);
        QCOMPARE(keep.json().object().value(QLatin1String("removed")).toArray().size(), 0);
        QCOMPARE(keep.json().object().value(QLatin1String("kept")).toArray().size(), 1);
        m_world->setTasks({ { task, QStringLiteral("Closed") } });
        const Run dry = shipyardctl({ QStringLiteral("sweep"), QStringLiteral("--dry-run") });
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(QStringLiteral("would remove %1 (%2): %2 is Closed").arg(ns, task).toUtf8()),
            dry.out.constData());
        QVERIFY(namespaceExists(ns));

        const Run down = shipyardctl({ QStringLiteral("down"), task });
        QCOMPARE(down.exitCode, 0);
        QVERIFY2(down.out.contains("is down"), down.out.constData());
        QVERIFY(!namespaceExists(ns));

        const Run again = shipyardctl({ QStringLiteral("down"), task });
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("does not exist"), again.err.constData());

        const Run empty = shipyardctl({ QStringLiteral("list"), QStringLiteral("--output"), QStringLiteral("json") });
        QCOMPARE(empty.exitCode, 0);
        QCOMPARE(empty.json().array().size(), 0);
    }

    // Pinned, a showroom outlives its expiry; asleep, its Deployments are
    // at zero and remember what they had; up and wake bring them back.
    void pinSleepWake()
    {
        const QString task = ShowroomWorld::task(2);
        const QString ns = ShowroomWorld::namespaceOf(task);
        QVERIFY(!m_world->addBranch(QStringLiteral("storefront"), task).isEmpty());
        m_world->setTasks({ { task, QStringLiteral("In QA") } });
        const QStringList images { QStringLiteral("--image"), QStringLiteral("storefront=demo/storefront:shop"),
            QStringLiteral("--image"), QStringLiteral("catalog=demo/catalog:1.0"), QStringLiteral("--image"),
            QStringLiteral("mailer=demo/mailer:1.0") };
        QCOMPARE(shipyardctl(QStringList { QStringLiteral("up"), task } + images).exitCode, 0);
        const auto replicas = [&](const QString &deployment) {
            QProcess kubectl;
            kubectl.start(QStringLiteral("kubectl"),
                { QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath(), QStringLiteral("--context"),
                    QStringLiteral("showroom"), QStringLiteral("-n"), ns, QStringLiteral("get"),
                    QStringLiteral("deployment"), deployment, QStringLiteral("-o"),
                    QStringLiteral("jsonpath={.spec.replicas}") });
            kubectl.waitForFinished(60000);
            return QString::fromUtf8(kubectl.readAllStandardOutput()).trimmed();
        };
        const QString catalogReplicas = replicas(QStringLiteral("catalog"));
        QVERIFY(!catalogReplicas.isEmpty() && catalogReplicas != QLatin1String("0"));

        // Its time is up, as if the TTL had passed.
        QVERIFY(LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("annotate"), QStringLiteral("--overwrite"), QStringLiteral("namespace"), ns,
                QStringLiteral("shipyard.dev/expires-at=2026-01-01T00:00:00Z") }));
        const Run expired = shipyardctl({ QStringLiteral("sweep"), QStringLiteral("--dry-run") });
        QVERIFY2(expired.out.contains(ns.toUtf8()) && expired.out.contains("expired at"), expired.out.constData());

        QCOMPARE(shipyardctl({ QStringLiteral("pin"), task }).exitCode, 2); // no reason
        const Run pin = shipyardctl({ QStringLiteral("pin"), task, QStringLiteral("--reason"),
            QStringLiteral("the customer's demo on Friday") });
        QCOMPARE(pin.exitCode, 0);
        const Run pinnedList =
            shipyardctl({ QStringLiteral("list"), QStringLiteral("--output"), QStringLiteral("json") });
        QJsonObject listed;
        for (const QJsonValue &showroom : pinnedList.json().array())
            if (showroom[QLatin1String("task")].toString() == task)
                listed = showroom.toObject();
        QVERIFY(listed.value(QLatin1String("pinnedBy")).toString().contains(QLatin1Char('@')));
        QCOMPARE(listed.value(QLatin1String("pinReason")).toString(), QStringLiteral("the customer's demo on Friday"));
        const Run kept = shipyardctl({ QStringLiteral("sweep"), QStringLiteral("--output"), QStringLiteral("json") });
        QCOMPARE(kept.exitCode, 0);
        for (const QJsonValue &removed : kept.json().object().value(QLatin1String("removed")).toArray())
            QVERIFY(removed[QLatin1String("namespace")].toString() != ns);
        QVERIFY(namespaceExists(ns));

        const Run sleep = shipyardctl({ QStringLiteral("sleep"), task });
        QCOMPARE(sleep.exitCode, 0);
        QVERIFY2(
            sleep.out.contains(QStringLiteral("catalog: %1 → 0").arg(catalogReplicas).toUtf8()), sleep.out.constData());
        QCOMPARE(replicas(QStringLiteral("catalog")), QStringLiteral("0"));
        QCOMPARE(replicas(QStringLiteral("storefront")), QStringLiteral("0"));
        // Twice asleep still remembers what it had.
        QCOMPARE(shipyardctl({ QStringLiteral("sleep"), task }).exitCode, 0);
        const Run asleep = shipyardctl({ QStringLiteral("list") });
        QVERIFY2(asleep.out.contains("asleep since"), asleep.out.constData());

        const Run wake = shipyardctl({ QStringLiteral("wake"), task });
        QCOMPARE(wake.exitCode, 0);
        QCOMPARE(replicas(QStringLiteral("catalog")), catalogReplicas);
        QVERIFY(!shipyardctl({ QStringLiteral("list") }).out.contains("asleep since"));

        // A delivery into a sleeping showroom wakes it first.
        QCOMPARE(shipyardctl({ QStringLiteral("sleep"), task }).exitCode, 0);
        QCOMPARE(shipyardctl(QStringList { QStringLiteral("up"), task } + images).exitCode, 0);
        QCOMPARE(replicas(QStringLiteral("catalog")), catalogReplicas);

        // Unpinned, an expired showroom goes at the next sweep again.
        QCOMPARE(shipyardctl({ QStringLiteral("unpin"), task }).exitCode, 0);
        QVERIFY(LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("annotate"), QStringLiteral("--overwrite"), QStringLiteral("namespace"), ns,
                QStringLiteral("shipyard.dev/expires-at=2026-01-01T00:00:00Z") }));
        const Run again = shipyardctl({ QStringLiteral("sweep"), QStringLiteral("--dry-run") });
        QVERIFY2(again.out.contains(ns.toUtf8()) && again.out.contains("expired at"), again.out.constData());

        // Not expired, but no delivery for longer than the environment's sleepAfter (1h): the sweep puts it to sleep.
        QVERIFY(LocalCluster::kubectl(QStringLiteral("showroom"),
            { QStringLiteral("annotate"), QStringLiteral("--overwrite"), QStringLiteral("namespace"), ns,
                QStringLiteral("shipyard.dev/expires-at=2099-01-01T00:00:00Z"),
                QStringLiteral("shipyard.dev/delivered-at=2026-01-01T00:00:00Z") }));
        const Run idle = shipyardctl({ QStringLiteral("sweep") });
        QCOMPARE(idle.exitCode, 0);
        QVERIFY2(
            idle.out.contains(
                QStringLiteral("put %1 (%2) to sleep: no delivery since 2026-01-01T00:00:00Z").arg(ns, task).toUtf8()),
            idle.out.constData());
        QVERIFY(namespaceExists(ns));
        QCOMPARE(replicas(QStringLiteral("catalog")), QStringLiteral("0"));
        QCOMPARE(shipyardctl({ QStringLiteral("down"), task }).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(tst_ShipyardctlShowroom)
#include "tst_shipyardctl_showroom.moc"
