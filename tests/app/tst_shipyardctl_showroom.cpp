// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl showroom` against the local control plane, with real git
// repositories and a file tracker: up, list, sweep --dry-run, down, and the
// exit codes scripts rely on.
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
            QSKIP("the local cluster is not up (packaging/localcluster/cluster up)");
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
};

QTEST_GUILESS_MAIN(tst_ShipyardctlShowroom)
#include "tst_shipyardctl_showroom.moc"
