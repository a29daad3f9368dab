// SPDX-License-Identifier: GPL-2.0-or-later
// A task's whole way to staging, every part real: its branch rebased onto
// the upstream of a real git remote, the image built with buildah and pushed
// to the docker-registry of fixture `registry`, verified there, delivered to
// the local control plane, then merged and pushed upstream. And the same way
// ending in a push that someone else's push beat: the release is rolled back
// and upstream keeps only their change.
#include "DeliveryTestWorld.h"
#include "FixtureEnvironment.h"

#include "tracker/TrackerFactory.h"

#include <QScopeGuard>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestDeliveryRelease : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    QMap<QString, QString> m_fixture;
    QString m_ns;
    QString m_root; // upstream.git, seed/ (another developer) and clone/ (the task's checkout)
    Ecosystem m_ecosystem;

    static QString git() { return QStringLiteral("git -c user.name=Dev -c user.email=dev@example.org "); }

    QString upstreamMain() const
    {
        return DeliveryTestWorld::output(
            QStringLiteral("git rev-parse main"), m_root + QStringLiteral("/upstream.git"));
    }

    Delivery::Options options() const
    {
        Delivery::Options options = m_world.options();
        options.imageStorage = m_fixture.value(QStringLiteral("BUILDAH_STORAGE")) + QLatin1String("/delivery");
        return options;
    }

    QString taskStatus(const QString &key) const
    {
        auto tracker = TrackerFactory::create(m_ecosystem);
        return tracker.tracker ? tracker.tracker->task(key).task->status : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
        m_fixture = readFixtureEnvironment(QStringLiteral(REGISTRY_STATE_FILE));
        QVERIFY2(m_fixture.contains(QStringLiteral("REGISTRY_ADDRESS")),
            "the registry fixture did not run: ctest -R tst_delivery_release runs it first");

        m_ns = m_world.newNamespace();
        m_root = m_world.filePath(m_ns + QStringLiteral("-git"));
        const QString seed = m_root + QStringLiteral("/seed");
        DeliveryTestWorld::copyDemoSystem(QStringLiteral("catalog"), seed);
        DeliveryTestWorld::run(
            QStringLiteral("git init -q -b main && %1 add -A && %1 commit -qm 'catalog 1.0'").arg(git()), seed);
        DeliveryTestWorld::run(
            QStringLiteral("git clone -q --bare seed upstream.git && git clone -q upstream.git clone"), m_root);
        const QString clone = m_root + QStringLiteral("/clone");
        DeliveryTestWorld::run(
            QStringLiteral("git checkout -q -b feature/SHOP-7-stock && echo 'in stock' > src/stock.txt && %1 add -A && "
                           "%1 commit -qm 'SHOP-7 show the stock'")
                .arg(git()),
            clone);
        // Upstream moves on meanwhile: the branch is rebased, not just fast-forwarded.
        DeliveryTestWorld::run(
            QStringLiteral("echo '# catalog' > README && %1 add -A && %1 commit -qm 'catalog readme' && git push -q "
                           "'%2' HEAD:main")
                .arg(git(), m_root + QStringLiteral("/upstream.git")),
            seed);

        const QString tasksDir = m_world.filePath(m_ns);
        QDir().mkpath(tasksDir);
        QFile tasks(tasksDir + QStringLiteral("/tasks.yaml"));
        QVERIFY(tasks.open(QIODevice::WriteOnly));
        tasks.write("tasks:\n"
                    "  - key: SHOP-7\n    title: Show the stock\n    status: Awaiting Delivery\n"
                    "  - key: SHOP-8\n    title: Show the price\n    status: Awaiting Delivery\n"
                    "  - key: SHOP-9\n    title: Label the catalog\n    status: Awaiting Delivery\n");
        tasks.close();
        m_ecosystem = m_world.ecosystemFor(m_ns, QStringLiteral("staging"), { { QStringLiteral("catalog"), clone } },
            QStringLiteral("registry:\n  url: %1\n  insecure: true\n")
                .arg(m_fixture.value(QStringLiteral("REGISTRY_ADDRESS"))));
        // The build command runs in the checkout: make's static binary.
        for (System &system : m_ecosystem.systems)
            system.buildCommand = QStringLiteral("make");
    }

    void taskBranchToStagingAndUpstream()
    {
        const QString before = upstreamMain();
        const QString clone = m_root + QStringLiteral("/clone");
        const QString branchBefore =
            DeliveryTestWorld::output(QStringLiteral("git rev-parse feature/SHOP-7-stock"), clone);
        QElapsedTimer clock;
        clock.start();
        QString log;
        const Delivery::Result result = DeliveryTestWorld::deliver(m_ecosystem,
            { { QStringLiteral("catalog"), QStringLiteral("feature/SHOP-7-stock"), {} } }, options(), &log);
        qInfo("rebase, build, push, verify, deliver, merge and push of one system: %lld ms", qint64(clock.elapsed()));
        QVERIFY2(result.succeeded(), qPrintable(result.reason));

        // Rebased onto the new upstream in memory, built from that commit's
        // files, then pushed as upstream's new head.
        const QString head = upstreamMain();
        QCOMPARE(DeliveryTestWorld::output(QStringLiteral("git rev-parse %1~1").arg(head), clone), before);
        QCOMPARE(DeliveryTestWorld::output(QStringLiteral("git log -1 --format=%s %1").arg(head), clone),
            QStringLiteral("SHOP-7 show the stock"));
        // The branch is checked out in the clone: its files and its branch stay as the developer left them.
        QCOMPARE(DeliveryTestWorld::output(QStringLiteral("git status --porcelain"), clone), QString());
        QCOMPARE(DeliveryTestWorld::output(QStringLiteral("git rev-parse feature/SHOP-7-stock"), clone), branchBefore);
        // The image of that commit, built, in the registry and running.
        const QString image =
            m_fixture.value(QStringLiteral("REGISTRY_ADDRESS")) + QStringLiteral("/demo/catalog:") + head;
        QCOMPARE(DeliveryTestWorld::imageOf(m_ns, QStringLiteral("catalog")), image);
        QVERIFY2(
            log.contains(QStringLiteral("catalog-test")) || log.contains(QStringLiteral("$ true")), qPrintable(log));
        const ReleaseRecord record = DeliveryTestWorld::storeFor(m_ns).list().value(0);
        QCOMPARE(record.id, result.releaseId);
        QCOMPARE(record.system(QStringLiteral("catalog"))->gitSha, head);
        QCOMPARE(record.tasks, QStringList { QStringLiteral("SHOP-7") });
        QCOMPARE(taskStatus(QStringLiteral("SHOP-7")), QStringLiteral("Awaiting Delivery"));
    }

    // The developer works on main with uncommitted changes (one of them
    // breaks the build) while SHOP-9's branch, never checked out, is
    // delivered: it is built from its own commit, and the clone's checkout,
    // index and files are exactly as they were.
    void branchNotCheckedOutIsBuiltFromItsCommit()
    {
        const QString clone = m_root + QStringLiteral("/clone");
        DeliveryTestWorld::run(QStringLiteral("git checkout -q -b feature/SHOP-9-label main && echo 'label' > "
                                              "src/label.txt && %1 add -A && %1 commit -qm 'SHOP-9 label the catalog' "
                                              "&& git checkout -q main")
                                   .arg(git()),
            clone);
        const auto restore = qScopeGuard([&clone] {
            DeliveryTestWorld::run(QStringLiteral("git checkout -q -- Makefile && rm -f notes.txt staged.txt && "
                                                  "git rm -q --cached --ignore-unmatch staged.txt"),
                clone);
        });
        DeliveryTestWorld::run(
            QStringLiteral("echo 'all:\n\tfalse' > Makefile && echo 'scratch' > notes.txt && echo staged > staged.txt "
                           "&& git add staged.txt"),
            clone);
        // Upstream moves on: the branch is rebased, and the local branch follows.
        DeliveryTestWorld::run(QStringLiteral("git pull -q --ff-only '%2' main && echo '# more' >> README && %1 commit "
                                              "-qam 'catalog readme, more' && git push -q '%2' HEAD:main")
                                   .arg(git(), m_root + QStringLiteral("/upstream.git")),
            m_root + QStringLiteral("/seed"));
        const QString snapshot = QStringLiteral("git status --porcelain=v1 -uall && git rev-parse HEAD && "
                                                "git symbolic-ref HEAD && sha1sum .git/index Makefile notes.txt");
        const QString before = DeliveryTestWorld::output(snapshot, clone);
        const QString branchBefore =
            DeliveryTestWorld::output(QStringLiteral("git rev-parse feature/SHOP-9-label"), clone);

        QString log;
        const Delivery::Result result = DeliveryTestWorld::deliver(m_ecosystem,
            { { QStringLiteral("catalog"), QStringLiteral("feature/SHOP-9-label"), {} } }, options(), &log);
        QVERIFY2(result.succeeded(), qPrintable(result.reason));
        QCOMPARE(DeliveryTestWorld::output(snapshot, clone), before);
        // The image is the delivered commit's, which is upstream's head now.
        const QString head = upstreamMain();
        QCOMPARE(DeliveryTestWorld::output(QStringLiteral("git log -1 --format=%s %1").arg(head), clone),
            QStringLiteral("SHOP-9 label the catalog"));
        QCOMPARE(DeliveryTestWorld::imageOf(m_ns, QStringLiteral("catalog")),
            m_fixture.value(QStringLiteral("REGISTRY_ADDRESS")) + QStringLiteral("/demo/catalog:") + head);
        // Not checked out, the local branch follows what was delivered.
        QVERIFY2(DeliveryTestWorld::output(QStringLiteral("git rev-parse feature/SHOP-9-label"), clone) != branchBefore,
            qPrintable(log));
        QCOMPARE(DeliveryTestWorld::output(QStringLiteral("git rev-parse feature/SHOP-9-label"), clone), head);
    }

    // Another developer's push lands between this delivery's preparation
    // and its push: the branch is integrated again onto theirs and pushed
    // once more; nothing of theirs is overwritten.
    void racedPushIsIntegratedAgain()
    {
        const QString clone = m_root + QStringLiteral("/clone");
        const QString running = DeliveryTestWorld::imageOf(m_ns, QStringLiteral("catalog"));
        QVERIFY(!running.isEmpty());
        DeliveryTestWorld::run(QStringLiteral("git checkout -q -b feature/SHOP-8-price main && echo 9.99 > "
                                              "src/price.txt && %1 add -A && %1 commit -qm 'SHOP-8 show the price'")
                                   .arg(git()),
            clone);
        // Another developer pushes to upstream while the release is smoke-tested:
        // the merged upstream can no longer be pushed without overwriting theirs.
        const QString upstream = m_root + QStringLiteral("/upstream.git");
        const QString before = upstreamMain();
        Ecosystem racing = m_ecosystem;
        for (System &system : racing.systems) {
            if (system.name == QLatin1String("catalog"))
                system.smokeCommands = { QStringLiteral("cd '%1/seed' && git pull -q --ff-only '%2' main && %3 commit "
                                                        "-q --allow-empty -m 'a concurrent change' && git push -q '%2' "
                                                        "HEAD:main")
                        .arg(m_root, upstream, git()) };
        }

        QString log;
        const Delivery::Result result = DeliveryTestWorld::deliver(
            racing, { { QStringLiteral("catalog"), QStringLiteral("feature/SHOP-8-price"), {} } }, options(), &log);
        QVERIFY2(result.succeeded(), qPrintable(result.reason));
        QVERIFY2(log.contains(QStringLiteral("integrated again")), qPrintable(log));
        // Upstream holds the other developer's change, then the task's.
        QCOMPARE(DeliveryTestWorld::output(QStringLiteral("git log -1 --format=%s main"), upstream),
            QStringLiteral("SHOP-8 show the price"));
        QCOMPARE(DeliveryTestWorld::output(QStringLiteral("git log -1 --format=%s main~1"), upstream),
            QStringLiteral("a concurrent change"));
        QCOMPARE(DeliveryTestWorld::output(QStringLiteral("git rev-parse main~2"), upstream), before);
        QVERIFY(DeliveryTestWorld::imageOf(m_ns, QStringLiteral("catalog")) != running);
        QVERIFY(result.returnedTasks.isEmpty());
        QCOMPARE(DeliveryTestWorld::storeFor(m_ns).list().value(0).result, ReleaseRecord::Result::Succeeded);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryRelease)
#include "tst_delivery_release.moc"
