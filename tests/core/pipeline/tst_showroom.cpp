// SPDX-License-Identifier: GPL-2.0-or-later
// Showrooms end to end against the local control plane (fixture
// `localcluster`), with real git repositories and a file tracker.
#include "ClusterTestSupport.h"
#include "ShowroomWorld.h"

#include "audit/AuditJournal.h"
#include "kube/ClusterAccess.h"
#include "model/EcosystemLoader.h"
#include "pipeline/ShowroomManager.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestShowroom : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<ShowroomWorld> m_world;
    std::optional<Ecosystem> m_ecosystem;

    ShowroomManager manager() const
    {
        ShowroomManager showrooms(*m_ecosystem, {}, ClusterAccess::load(clusterKubeconfigPath()));
        showrooms.setAuditJournal(m_dir.filePath(QStringLiteral("audit.jsonl")));
        return showrooms;
    }

    static ShowroomManager::UpOptions upOptions(const QString &catalogTag)
    {
        ShowroomManager::UpOptions options;
        options.images = { { QStringLiteral("storefront"), QStringLiteral("demo/storefront:1.0") },
            { QStringLiteral("catalog"), QStringLiteral("demo/catalog:") + catalogTag },
            { QStringLiteral("mailer"), QStringLiteral("demo/mailer:1.0") } };
        return options;
    }

    ShowroomManager::UpResult up(const QString &task, const ShowroomManager::UpOptions &options) const
    {
        QElapsedTimer clock;
        clock.start();
        QStringList lines;
        const ShowroomManager::UpResult result =
            manager().up(task, options, [&lines](const QString &line) { lines.append(line); });
        qInfo("showroom up %s: %lld ms", qPrintable(task), qint64(clock.elapsed()));
        if (!result.succeeded())
            qInfo("%s", qPrintable(lines.join(QLatin1Char('\n'))));
        return result;
    }

    static QJsonObject get(const QString &kind, const QString &name, const QString &ns = {})
    {
        QStringList arguments { QStringLiteral("get"), kind, name, QStringLiteral("-o"), QStringLiteral("json") };
        if (!ns.isEmpty())
            arguments += { QStringLiteral("-n"), ns };
        int code = 0;
        const QByteArray json = kubectl(QStringLiteral("showroom"), arguments, &code);
        return code == 0 ? QJsonDocument::fromJson(json).object() : QJsonObject();
    }

    static bool namespaceExists(const QString &ns) { return !get(QStringLiteral("namespace"), ns).isEmpty(); }

    static const ShowroomInfo *find(const QList<ShowroomInfo> &showrooms, const QString &ns)
    {
        for (const ShowroomInfo &showroom : showrooms) {
            if (showroom.namespaceName == ns)
                return &showroom;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_dir.isValid());
        m_world.emplace(m_dir.path());
    }

    void init()
    {
        // Each case reads the repositories and the tracker as they are now.
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(m_world->ecosystemPath());
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            qWarning("%s", qPrintable(diagnostic.toString()));
        QVERIFY(loaded.ecosystem);
        m_ecosystem = *loaded.ecosystem;
    }

    void cleanupTestCase()
    {
        if (m_world)
            m_world->deleteShowrooms();
    }

    void namespaceForLowercasesTheTask()
    {
        QCOMPARE(manager().namespaceFor(QStringLiteral("SHOP-12")), QStringLiteral("sy-test-shop-12"));
        QVERIFY(manager().error().isEmpty());
    }

    void upListDown()
    {
        const QString task = ShowroomWorld::task(1);
        const QString ns = ShowroomWorld::namespaceOf(task);
        const QString branchHead = m_world->addBranch(QStringLiteral("catalog"), task);
        m_world->setTasks({ { task, QStringLiteral("In QA") } });
        // A release tag on the storefront's upstream names its version, as `git describe --tags` would.
        QVERIFY(ShowroomWorld::run(
            QStringLiteral("git tag -f v2.4.0 main"), m_world->repositoryOf(QStringLiteral("storefront"))));
        const QString storefrontVersion = QStringLiteral("v2.4.0");

        const QDateTime before = QDateTime::currentDateTimeUtc();
        const ShowroomManager::UpResult first = up(task, upOptions(QStringLiteral("shop-branch")));
        QVERIFY2(first.succeeded(), qPrintable(first.error + (first.delivery ? first.delivery->reason : QString())));
        QVERIFY(first.created);
        QCOMPARE(first.namespaceName, ns);

        // The namespace says what it is, who made it and until when.
        const QJsonObject metadata = get(QStringLiteral("namespace"), ns).value(QLatin1String("metadata")).toObject();
        const QJsonObject labels = metadata.value(QLatin1String("labels")).toObject();
        QCOMPARE(labels.value(QLatin1String("shipyard.dev/showroom")).toString(), QStringLiteral("true"));
        QCOMPARE(labels.value(QLatin1String("shipyard.dev/task")).toString(), task);
        const QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
        QVERIFY(annotations.value(QLatin1String("shipyard.dev/creator")).toString().contains(QLatin1Char('@')));
        const QDateTime expiresAt =
            QDateTime::fromString(annotations.value(QLatin1String("shipyard.dev/expires-at")).toString(), Qt::ISODate);
        QVERIFY(expiresAt.isValid());
        QVERIFY(qAbs(before.secsTo(expiresAt) - 2 * 3600) < 60);

        // The touched system runs its branch, the others their upstream; all ready.
        const QString upstreamHead = m_world->head(QStringLiteral("storefront"));
        for (const QString &system : ShowroomWorld::systems()) {
            const QJsonObject deployment = get(QStringLiteral("deployment"), system, ns);
            const QString image = deployment[QLatin1String("spec")][QLatin1String("template")][QLatin1String("spec")]
                                            [QLatin1String("containers")][0][QLatin1String("image")]
                                                .toString();
            const QString sha = deployment[QLatin1String("metadata")][QLatin1String("annotations")]
                                          [QLatin1String("shipyard.dev/git-sha")]
                                              .toString();
            const int replicas = deployment[QLatin1String("spec")][QLatin1String("replicas")].toInt();
            QCOMPARE(deployment[QLatin1String("status")][QLatin1String("readyReplicas")].toInt(), replicas);
            // Who delivered it, when, and the version people know it by, where a tag gives one.
            const QJsonObject delivered =
                deployment[QLatin1String("metadata")][QLatin1String("annotations")].toObject();
            QVERIFY(delivered.value(QLatin1String("shipyard.dev/delivered-by")).toString().contains(QLatin1Char('@')));
            const QDateTime deliveredAt = QDateTime::fromString(
                delivered.value(QLatin1String("shipyard.dev/delivered-at")).toString(), Qt::ISODate);
            QVERIFY(deliveredAt.isValid() && deliveredAt >= before.addSecs(-1));
            QCOMPARE(delivered.value(QLatin1String("shipyard.dev/version")).toString(),
                system == QLatin1String("storefront") ? storefrontVersion : QString());
            if (system == QLatin1String("catalog")) {
                QCOMPARE(image, QStringLiteral("demo/catalog:shop-branch"));
                QCOMPARE(sha, branchHead);
            } else {
                QCOMPARE(image, QStringLiteral("demo/%1:1.0").arg(system));
                QCOMPARE(sha, m_world->head(system));
            }
        }
        QVERIFY(branchHead != upstreamHead);

        QString error;
        const QList<ShowroomInfo> showrooms = manager().list(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const ShowroomInfo *listed = find(showrooms, ns);
        QVERIFY(listed);
        QCOMPARE(listed->task, task);
        QCOMPARE(listed->expiresAt, expiresAt);
        QCOMPARE(listed->deployments, 3);
        QVERIFY(listed->podsTotal >= 3);
        QCOMPARE(listed->podsReady, listed->podsTotal);
        QVERIFY(!listed->isExpired(QDateTime::currentDateTimeUtc()));
        QVERIFY(listed->isExpired(expiresAt.addSecs(1)));

        // Up again updates the same showroom: a new catalog image, a later expiry.
        QTest::qWait(1100);
        const ShowroomManager::UpResult second = up(task, upOptions(QStringLiteral("shop-branch2")));
        QVERIFY2(
            second.succeeded(), qPrintable(second.error + (second.delivery ? second.delivery->reason : QString())));
        QVERIFY(!second.created);
        QVERIFY(second.expiresAt > expiresAt);
        QCOMPARE(get(QStringLiteral("deployment"), QStringLiteral("catalog"), ns)[QLatin1String("spec")][QLatin1String(
                     "template")][QLatin1String("spec")][QLatin1String("containers")][0][QLatin1String("image")]
                     .toString(),
            QStringLiteral("demo/catalog:shop-branch2"));

        QElapsedTimer clock;
        clock.start();
        const ShowroomManager::DownResult down = manager().down(task);
        qInfo("showroom down: %lld ms", qint64(clock.elapsed()));
        QVERIFY2(down.succeeded(), qPrintable(down.error));
        QVERIFY(!namespaceExists(ns));
        QVERIFY(!find(manager().list(), ns));

        const ShowroomManager::DownResult again = manager().down(task);
        QVERIFY(!again.succeeded());
        QVERIFY2(again.error.contains(QLatin1String("does not exist")), qPrintable(again.error));
    }

    void downRefusesANamespaceThatIsNoShowroom()
    {
        const QString task = ShowroomWorld::task(9);
        const QString ns = ShowroomWorld::namespaceOf(task);
        m_world->addBranch(QStringLiteral("mailer"), task);
        init();
        kubectl(QStringLiteral("showroom"), { QStringLiteral("create"), QStringLiteral("namespace"), ns });
        const ShowroomManager::DownResult down = manager().down(task);
        QVERIFY(!down.succeeded());
        QVERIFY2(down.error.contains(QLatin1String("not a showroom")), qPrintable(down.error));
        QVERIFY(namespaceExists(ns));
        // Nor does up take it over.
        const ShowroomManager::UpResult up = manager().up(task, upOptions(QStringLiteral("x")));
        QVERIFY(!up.succeeded());
        QVERIFY2(up.error.contains(QLatin1String("not a showroom")), qPrintable(up.error));
        kubectl(QStringLiteral("showroom"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false") });
    }

    void upRefusesSomethingThatIsNoTaskKey()
    {
        const ShowroomManager::UpResult up = manager().up(QStringLiteral("not-a-task"), upOptions(QStringLiteral("x")));
        QVERIFY(!up.succeeded());
        QVERIFY2(up.error.contains(QLatin1String("not a task key")), qPrintable(up.error));
    }

    void upRefusesATaskWithoutBranches()
    {
        const QString task = ShowroomWorld::task(8);
        const ShowroomManager::UpResult up = manager().up(task, upOptions(QStringLiteral("x")));
        QVERIFY(!up.succeeded());
        QVERIFY2(up.error.contains(QLatin1String("no system's repository has a branch naming")), qPrintable(up.error));
        QVERIFY(!namespaceExists(ShowroomWorld::namespaceOf(task)));
    }

    void failedUpRollsBackAndReturnsTheTask()
    {
        const QString task = ShowroomWorld::task(7);
        const QString ns = ShowroomWorld::namespaceOf(task);
        m_world->addBranch(QStringLiteral("catalog"), task);
        m_world->setTasks({ { task, QStringLiteral("In QA") } });
        init();
        // kwok never makes an image ending in -broken ready.
        const ShowroomManager::UpResult up = this->up(task, upOptions(QStringLiteral("1.0-broken")));
        QVERIFY(!up.succeeded());
        QVERIFY(up.error.isEmpty());
        QVERIFY(up.delivery);
        QCOMPARE(up.delivery->outcome, Delivery::Outcome::RolledBack);
        QVERIFY2(up.delivery->returnedTasks.contains(task), qPrintable(up.delivery->reason));
        // The namespace stays for a look; down removes it.
        QVERIFY(namespaceExists(ns));
        QVERIFY(manager().down(task).succeeded());
    }

    void cancelledUpRestoresAndReturnsNothing()
    {
        const QString task = ShowroomWorld::task(8);
        const QString ns = ShowroomWorld::namespaceOf(task);
        m_world->addBranch(QStringLiteral("catalog"), task);
        m_world->setTasks({ { task, QStringLiteral("In QA") } });
        init();
        // The rollout of a -broken image never ends: the person cancels while it waits.
        std::atomic_bool cancel { false };
        ShowroomManager::UpOptions options = upOptions(QStringLiteral("1.0-broken"));
        options.cancel = &cancel;
        QStringList lines;
        const ShowroomManager::UpResult up = manager().up(task, options, [&](const QString &line) {
            lines.append(line);
            if (line.startsWith(QLatin1String("[deploy")) && line.contains(QLatin1String("] running")))
                cancel = true;
        });
        QVERIFY2(cancel, qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(up.error.isEmpty());
        QVERIFY(up.delivery);
        QCOMPARE(up.delivery->outcome, Delivery::Outcome::Cancelled);
        // A cancel is nobody's failure: the task stays where it was.
        QVERIFY(up.delivery->returnedTasks.isEmpty());
        // Nothing of the cancelled release runs: the catalog it brought is gone again.
        QVERIFY2(get(QStringLiteral("deployment"), QStringLiteral("catalog"), ns).isEmpty(),
            qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(manager().down(task).succeeded());
    }

    void downStopsWaitingForANamespaceThatHangs()
    {
        const QString task = ShowroomWorld::task(9);
        const QString ns = ShowroomWorld::namespaceOf(task);
        m_world->addBranch(QStringLiteral("catalog"), task);
        m_world->setTasks({ { task, QStringLiteral("In QA") } });
        init();
        QVERIFY(up(task, upOptions(QStringLiteral("shop-branch"))).succeeded());
        // An object whose finalizer nobody removes holds the namespace in Terminating, as a
        // stuck operator's would.
        int code = 0;
        kubectl(QStringLiteral("showroom"),
            { QStringLiteral("-n"), ns, QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("hold") },
            &code);
        QCOMPARE(code, 0);
        const QStringList holdPatch { QStringLiteral("-n"), ns, QStringLiteral("patch"), QStringLiteral("configmap"),
            QStringLiteral("hold"), QStringLiteral("--type"), QStringLiteral("merge"), QStringLiteral("-p") };
        kubectl(QStringLiteral("showroom"),
            holdPatch + QStringList { QStringLiteral(R"({"metadata":{"finalizers":["shipyard.dev/test-hold"]}})") },
            &code);
        QCOMPARE(code, 0);

        const auto stopWaiting = std::make_shared<std::atomic_bool>(false);
        QStringList lines;
        const ShowroomManager::DownResult down = manager().down(
            task,
            [&](const QString &line) {
                lines.append(line);
                if (line.contains(QLatin1String("shipyard.dev/test-hold")))
                    *stopWaiting = true;
            },
            stopWaiting);
        QVERIFY2(*stopWaiting, qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(down.succeeded(), qPrintable(down.error));
        QVERIFY(down.stoppedWaiting);
        // Kubernetes goes on: the namespace terminates until the finalizer goes.
        QCOMPARE(get(QStringLiteral("namespace"), ns)[QLatin1String("status")][QLatin1String("phase")].toString(),
            QStringLiteral("Terminating"));
        kubectl(QStringLiteral("showroom"),
            holdPatch + QStringList { QStringLiteral(R"({"metadata":{"finalizers":null}})") }, &code);
        QCOMPARE(code, 0);
        QTRY_VERIFY_WITH_TIMEOUT(!namespaceExists(ns), 60000);
    }

    void sweepRemovesExpiredClosedAndOrphanedShowrooms()
    {
        const QString live = ShowroomWorld::task(2);
        const QString expired = ShowroomWorld::task(3);
        const QString closed = ShowroomWorld::task(4);
        const QString orphan = ShowroomWorld::task(5);
        m_world->addBranch(QStringLiteral("catalog"), live);
        m_world->addBranch(QStringLiteral("mailer"), expired);
        m_world->addBranch(QStringLiteral("storefront"), closed);
        m_world->addBranch(QStringLiteral("mailer"), orphan);
        m_world->setTasks({ { live, QStringLiteral("In QA") }, { expired, QStringLiteral("In QA") },
            { closed, QStringLiteral("In QA") }, { orphan, QStringLiteral("In QA") } });
        init();

        for (const QString &task : { live, expired, closed, orphan }) {
            ShowroomManager::UpOptions options = upOptions(QStringLiteral("1.0"));
            if (task == expired)
                options.ttl = std::chrono::seconds(1);
            const ShowroomManager::UpResult result = up(task, options);
            QVERIFY2(
                result.succeeded(), qPrintable(result.error + (result.delivery ? result.delivery->reason : QString())));
        }
        // QA closed one task; another's branch landed in upstream.
        m_world->setTasks({ { live, QStringLiteral("In QA") }, { expired, QStringLiteral("In QA") },
            { closed, QStringLiteral("Closed") }, { orphan, QStringLiteral("In QA") } });
        m_world->mergeIntoMain(QStringLiteral("mailer"), orphan);
        QTest::qWait(1100);

        const auto reasonsOf = [](const ShowroomManager::SweepResult &result, const QString &task) {
            for (const ShowroomManager::SweepEntry &entry : result.removed) {
                if (entry.showroom.task == task)
                    return entry.reasons.join(QStringLiteral("; "));
            }
            return QString();
        };

        const ShowroomManager::SweepResult dry = manager().sweep(QDateTime::currentDateTimeUtc(), true);
        QVERIFY2(dry.succeeded(), qPrintable(dry.error));
        QCOMPARE(dry.removed.size(), 3);
        for (const ShowroomManager::SweepEntry &entry : dry.removed)
            QVERIFY(!entry.removed);
        for (const QString &task : { live, expired, closed, orphan })
            QVERIFY(namespaceExists(ShowroomWorld::namespaceOf(task)));

        QElapsedTimer clock;
        clock.start();
        const ShowroomManager::SweepResult swept = manager().sweep(QDateTime::currentDateTimeUtc(), false);
        qInfo("sweep of 3 showrooms out of 4: %lld ms", qint64(clock.elapsed()));
        QVERIFY2(swept.succeeded(), qPrintable(swept.error));
        QVERIFY2(swept.warnings.isEmpty(), qPrintable(swept.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(swept.removed.size(), 3);
        for (const ShowroomManager::SweepEntry &entry : swept.removed)
            QVERIFY2(entry.removed, qPrintable(entry.error));
        QVERIFY2(
            reasonsOf(swept, expired).startsWith(QLatin1String("expired at ")), qPrintable(reasonsOf(swept, expired)));
        QCOMPARE(reasonsOf(swept, closed), closed + QStringLiteral(" is Closed"));
        QCOMPARE(
            reasonsOf(swept, orphan), QStringLiteral("every branch of %1 is merged into its upstream").arg(orphan));
        QVERIFY(reasonsOf(swept, live).isEmpty());
        QCOMPARE(swept.kept.size(), 1);
        QCOMPARE(swept.kept.constFirst().task, live);

        for (const QString &task : { expired, closed, orphan })
            QVERIFY(!namespaceExists(ShowroomWorld::namespaceOf(task)));
        QVERIFY(namespaceExists(ShowroomWorld::namespaceOf(live)));

        // The sweep is journaled with its reasons.
        int sweeps = 0;
        for (const AuditRecord &record : AuditJournal(m_dir.filePath(QStringLiteral("audit.jsonl"))).read().records) {
            if (record.action != QLatin1String("showroom.sweep"))
                continue;
            ++sweeps;
            QCOMPARE(record.result, QStringLiteral("succeeded"));
            QVERIFY(!record.details.value(QLatin1String("reasons")).toArray().isEmpty());
        }
        QCOMPARE(sweeps, 3);

        QVERIFY(manager().down(live).succeeded());
    }
};

QTEST_GUILESS_MAIN(TestShowroom)
#include "tst_showroom.moc"
