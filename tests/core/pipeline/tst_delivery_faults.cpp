// SPDX-License-Identifier: GPL-2.0-or-later
// The promise of a delivery, broken on purpose against the local control
// plane and real git remotes: whatever fails, upstream and the environment
// end whole, and a task goes back to its developer only for what its
// branch did.
//  - failures of the environment (a registry or an apiserver out of reach)
//    leave the task where it is; a failing test command sends it back;
//  - a delivering `shipyardctl` paused (SIGSTOP) past its lease while
//    another delivery takes the lock writes and pushes nothing once resumed;
//  - a delivering `shipyardctl` killed (SIGKILL) mid-rollout: the next
//    delivery restores the last good release over it, and the history names
//    it interrupted;
//  - two repositories whose second push is refused: once (a concurrent
//    push) it lands on a second try; for good, the first is reverted with a
//    commit and the environment restored, nothing forced;
//  - a cancel as the merge begins pushes nothing and restores the environment.
#include "DeliveryTestWorld.h"
#include "GitTestHelpers.h"

#include "kube/ClusterAccess.h"
#include "kube/Kubeconfig.h"
#include "releases/ReleaseStore.h"
#include "tracker/TrackerFactory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryFile>

#include <csignal>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

QString git()
{
    return QStringLiteral("git -c user.name=Dev -c user.email=dev@example.org ");
}

} // namespace

class TestDeliveryFaults : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;

    // A git world for SYSTEMS in ROOT: ROOT/<system>.git (upstream, bare),
    // ROOT/<system> (a developer's clone on main) with BRANCH committed and
    // not checked out. Returns system → clone.
    static QMap<QString, QString> makeRepositories(
        const QString &root, const QStringList &systems, const QStringList &branches)
    {
        QMap<QString, QString> clones;
        for (const QString &system : systems) {
            const QString seed = root + QStringLiteral("/seed-") + system;
            DeliveryTestWorld::copyDemoSystem(system, seed);
            DeliveryTestWorld::run(
                QStringLiteral("git init -q -b main && %1 add -A && %1 commit -qm '%2 1.0'").arg(git(), system), seed);
            DeliveryTestWorld::run(
                QStringLiteral("git clone -q --bare seed-%1 %1.git && git clone -q %1.git %1").arg(system), root);
            const QString clone = root + QLatin1Char('/') + system;
            for (const QString &branch : branches)
                DeliveryTestWorld::run(QStringLiteral("git checkout -q -b %2 main && echo '%2' > src/%3.txt && %1 add "
                                                      "-A && %1 commit -qm '%2 in %3' && git checkout -q main")
                                           .arg(git(), branch, system),
                    clone);
            clones.insert(system, clone);
        }
        return clones;
    }

    static QString head(const QString &bare, const QString &revision = QStringLiteral("main"))
    {
        return DeliveryTestWorld::output(QStringLiteral("git rev-parse %1").arg(revision), bare);
    }

    static QString statusOf(const Ecosystem &ecosystem, const QString &key)
    {
        auto tracker = TrackerFactory::create(ecosystem);
        if (!tracker.tracker)
            return {};
        const TaskLookup lookup = tracker.tracker->task(key);
        return lookup.task ? lookup.task->status : QString();
    }

    static void writeTasks(const Ecosystem &ecosystem, const QStringList &keys)
    {
        QFile file(QFileInfo(ecosystem.filePath).absolutePath() + QStringLiteral("/tasks.yaml"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("tasks:\n");
        for (const QString &key : keys)
            file.write(QStringLiteral("  - key: %1\n    title: %1\n    status: Awaiting Delivery\n").arg(key).toUtf8());
    }

    // `shipyardctl deliver` into ECOSYSTEM's environment, as another machine would run it.
    static std::unique_ptr<QProcess> startShipyardctl(const Ecosystem &ecosystem, const QStringList &systems)
    {
        auto process = std::make_unique<QProcess>();
        QStringList arguments { QStringLiteral("deliver"), QStringLiteral("--ecosystem"), ecosystem.filePath,
            QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--kubeconfig"),
            clusterKubeconfigPath() };
        // "system[=branch][@image]"
        for (const QString &system : systems) {
            const qsizetype image = system.indexOf(QLatin1Char('@'));
            arguments << QStringLiteral("--system") << system.left(image);
            if (image > 0)
                arguments << QStringLiteral("--image")
                          << system.left(image).section(QLatin1Char('='), 0, 0) + QLatin1Char('=') +
                        system.mid(image + 1);
        }
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), arguments);
        if (!process->waitForStarted())
            qFatal("shipyardctl did not start");
        return process;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
    }

    // Whose failure it is decides whether the task goes back.
    void onlyTheBranchsFaultsReturnTheTask()
    {
        const QString ns = m_world.newNamespace();
        const QString root = m_world.filePath(ns + QStringLiteral("-git"));
        const QMap<QString, QString> clones =
            makeRepositories(root, { QStringLiteral("catalog") }, { QStringLiteral("feature/SHOP-7-fault") });
        const QList<Delivery::Target> targets { { QStringLiteral("catalog"), QStringLiteral("feature/SHOP-7-fault"),
            QStringLiteral("demo/catalog:v1") } };
        const QString upstreamBefore = head(root + QStringLiteral("/catalog.git"));

        // A registry nobody answers at: the verify step fails, the task stays.
        Ecosystem ecosystem = m_world.ecosystemFor(ns, QStringLiteral("staging"), clones,
            QStringLiteral("registry:\n  url: http://127.0.0.1:1\n  insecure: true\n"));
        writeTasks(ecosystem, { QStringLiteral("SHOP-7") });
        Delivery::Result result = DeliveryTestWorld::deliver(ecosystem, targets, m_world.options());
        QCOMPARE(result.outcome, Delivery::Outcome::Failed);
        QCOMPARE(result.failedStep, QStringLiteral("verify"));
        QCOMPARE(result.fault, Fault::Environment);
        QVERIFY(result.returnedTasks.isEmpty());
        QVERIFY2(result.reason.contains(QStringLiteral("not the branch's fault")), qPrintable(result.reason));
        QCOMPARE(statusOf(ecosystem, QStringLiteral("SHOP-7")), QStringLiteral("Awaiting Delivery"));

        // An apiserver nobody answers at: the lock is not taken, the task stays.
        QTemporaryFile kubeconfig;
        QVERIFY(kubeconfig.open());
        kubeconfig.write("apiVersion: v1\nkind: Config\ncurrent-context: local\n"
                         "clusters:\n- name: gone\n  cluster: {server: 'https://127.0.0.1:1', "
                         "insecure-skip-tls-verify: true}\n"
                         "users:\n- name: someone\n  user: {token: not-a-token}\n"
                         "contexts:\n- name: local\n  context: {cluster: gone, user: someone}\n");
        kubeconfig.close();
        ecosystem = m_world.ecosystemFor(ns, QStringLiteral("staging"), clones);
        Delivery::Options unreachable = m_world.options();
        unreachable.cluster = ClusterAccess::load(kubeconfig.fileName());
        result = DeliveryTestWorld::deliver(ecosystem, targets, unreachable);
        QCOMPARE(result.outcome, Delivery::Outcome::Failed);
        QCOMPARE(result.failedStep, QStringLiteral("lock"));
        QVERIFY(result.returnedTasks.isEmpty());
        QCOMPARE(statusOf(ecosystem, QStringLiteral("SHOP-7")), QStringLiteral("Awaiting Delivery"));

        // A test command that fails: the branch's, the task goes back.
        for (System &system : ecosystem.systems)
            system.testCommand = QStringLiteral("echo 'the test fails' && false");
        result = DeliveryTestWorld::deliver(ecosystem, targets, m_world.options());
        QCOMPARE(result.outcome, Delivery::Outcome::Failed);
        QCOMPARE(result.failedStep, QStringLiteral("test"));
        QCOMPARE(result.fault, Fault::Branch);
        QCOMPARE(result.returnedTasks, QStringList { QStringLiteral("SHOP-7") });
        QCOMPARE(statusOf(ecosystem, QStringLiteral("SHOP-7")), QStringLiteral("In Progress"));
        // None of it touched upstream or the clone's branch.
        QCOMPARE(head(root + QStringLiteral("/catalog.git")), upstreamBefore);
    }

    // Paused past its lease, a holder wakes up to find the lock another's:
    // it neither applies nor pushes nor rolls back what the other delivered.
    void pausedHolderWritesNothingOnceResumed()
    {
        const QString ns = m_world.newNamespace();
        const QString root = m_world.filePath(ns + QStringLiteral("-git"));
        const QMap<QString, QString> clones = makeRepositories(root, { QStringLiteral("catalog") },
            { QStringLiteral("feature/SHOP-7-first"), QStringLiteral("feature/SHOP-8-second") });
        const Ecosystem ecosystem = m_world.ecosystemFor(ns, QStringLiteral("staging"), clones,
            QStringLiteral("rollback:\n  rolloutTimeout: 30s\n  keepReleases: 10\n"));
        writeTasks(ecosystem, { QStringLiteral("SHOP-7"), QStringLiteral("SHOP-8") });
        const QString upstream = root + QStringLiteral("/catalog.git");
        QVERIFY(DeliveryTestWorld::deliver(
            ecosystem, { { QStringLiteral("catalog"), {}, QStringLiteral("demo/catalog:v1") } }, m_world.options())
                .succeeded());
        const QString upstreamBefore = head(upstream);

        // The first delivery waits in a rollout that will not finish; it is paused there.
        std::unique_ptr<QProcess> first =
            startShipyardctl(ecosystem, { QStringLiteral("catalog=feature/SHOP-7-first@demo/catalog:v2-broken") });
        QTRY_VERIFY_WITH_TIMEOUT(
            DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")) == QStringLiteral("demo/catalog:v2-broken"),
            60000);
        QVERIFY(::kill(pid_t(first->processId()), SIGSTOP) == 0);

        // The second waits for the lock, finds it expired, restores over the
        // paused one's release and delivers.
        Delivery::Options options = m_world.options();
        options.waitForLock = true;
        QString log;
        const Delivery::Result second = DeliveryTestWorld::deliver(ecosystem,
            { { QStringLiteral("catalog"), QStringLiteral("feature/SHOP-8-second"),
                QStringLiteral("demo/catalog:v3") } },
            options, &log);
        QVERIFY2(second.succeeded(), qPrintable(second.reason));
        QVERIFY2(log.contains(QStringLiteral("never finished")), qPrintable(log));
        const QString upstreamAfterSecond = head(upstream);
        QVERIFY(upstreamAfterSecond != upstreamBefore);

        // Resumed, the first sees its lock gone and stops.
        QVERIFY(::kill(pid_t(first->processId()), SIGCONT) == 0);
        QVERIFY(first->waitForFinished(120000));
        const QString output = QString::fromUtf8(first->readAll());
        QCOMPARE(first->exitCode(), 1);
        QVERIFY2(output.contains(QStringLiteral("no rollback")), qPrintable(output));
        // The environment and upstream are as the second left them.
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v3"));
        QCOMPARE(head(upstream), upstreamAfterSecond);
        QVERIFY(!DeliveryTestWorld::output(QStringLiteral("git log --format=%s main"), upstream)
                .contains(QStringLiteral("SHOP-7")));
        // The first's release is on record as interrupted.
        const QList<ReleaseRecord> records = DeliveryTestWorld::storeFor(ns).list();
        QVERIFY(std::any_of(records.cbegin(), records.cend(), [](const ReleaseRecord &record) {
            return record.result == ReleaseRecord::Result::Interrupted &&
                record.tasks == QStringList { QStringLiteral("SHOP-7") };
        }));
        QCOMPARE(statusOf(ecosystem, QStringLiteral("SHOP-7")), QStringLiteral("Awaiting Delivery"));
    }

    // Killed mid-rollout, a delivery leaves its release in progress; the
    // next one restores over it, and the history says it was interrupted.
    void killedDeliveryIsRecoveredByTheNext()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = m_world.ecosystemFor(ns);
        QVERIFY(
            DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), m_world.options())
                .succeeded());
        std::unique_ptr<QProcess> killed = startShipyardctl(ecosystem,
            { QStringLiteral("storefront@demo/storefront:v2-broken"), QStringLiteral("catalog@demo/catalog:v2") });
        QTRY_VERIFY_WITH_TIMEOUT(
            DeliveryTestWorld::imageOf(ns, QStringLiteral("storefront")) == QStringLiteral("demo/storefront:v2-broken"),
            60000);
        QVERIFY(::kill(pid_t(killed->processId()), SIGKILL) == 0);
        QVERIFY(killed->waitForFinished(10000));
        const QList<ReleaseRecord> before = DeliveryTestWorld::storeFor(ns).list();
        QVERIFY(!before.isEmpty());
        QCOMPARE(before.first().result, ReleaseRecord::Result::InProgress);
        const QString interruptedId = before.first().id;

        // Delivering only the mailer: the killed release's storefront and
        // catalog go back to v1 all the same.
        Delivery::Options options = m_world.options();
        options.waitForLock = true; // the killed holder's lease runs out
        QString log;
        const Delivery::Result next = DeliveryTestWorld::deliver(
            ecosystem, { { QStringLiteral("mailer"), {}, QStringLiteral("demo/mailer:v3") } }, options, &log);
        QVERIFY2(next.succeeded(), qPrintable(next.reason));
        QVERIFY2(log.contains(interruptedId), qPrintable(log));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("storefront")), QStringLiteral("demo/storefront:v1"));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v1"));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("mailer")), QStringLiteral("demo/mailer:v3"));

        QProcess history;
        history.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            { QStringLiteral("history"), QStringLiteral("--ecosystem"), ecosystem.filePath,
                QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--kubeconfig"),
                clusterKubeconfigPath() });
        QVERIFY(history.waitForFinished(60000));
        const QString table = QString::fromUtf8(history.readAllStandardOutput());
        bool found = false;
        for (const QString &line : table.split(QLatin1Char('\n')))
            found |= line.startsWith(interruptedId) && line.contains(QStringLiteral("interrupted"));
        QVERIFY2(found, qPrintable(table));
    }

    // Two repositories; the second's upstream refuses the push through its
    // `update` hook, the way a concurrent push or a server's rule would.
    void multiRepositoryMerges_data()
    {
        QTest::addColumn<bool>("refusedForGood");
        QTest::newRow("refused once: a concurrent push, integrated again") << false;
        QTest::newRow("refused for good: the first repository's merge is reverted") << true;
    }

    void multiRepositoryMerges()
    {
        QFETCH(bool, refusedForGood);
        const QString ns = m_world.newNamespace();
        const QString root = m_world.filePath(ns + QStringLiteral("-git"));
        const QMap<QString, QString> clones = makeRepositories(
            root, { QStringLiteral("catalog"), QStringLiteral("mailer") }, { QStringLiteral("feature/SHOP-7-both") });
        // Served by git's own receive-pack, which runs the hooks (a push to a
        // path writes the refs directly).
        const std::unique_ptr<GitTest::Server> daemon = GitTest::startGitDaemon(root);
        QVERIFY(daemon);
        for (auto it = clones.cbegin(); it != clones.cend(); ++it)
            DeliveryTestWorld::run(
                QStringLiteral("git remote set-url origin git://127.0.0.1:%1/%2.git && git fetch -q origin")
                    .arg(daemon->port)
                    .arg(it.key()),
                it.value());
        const Ecosystem ecosystem = m_world.ecosystemFor(ns, QStringLiteral("staging"), clones);
        writeTasks(ecosystem, { QStringLiteral("SHOP-7") });
        const QList<Delivery::Target> v1 { { QStringLiteral("catalog"), {}, QStringLiteral("demo/catalog:v1") },
            { QStringLiteral("mailer"), {}, QStringLiteral("demo/mailer:v1") } };
        QVERIFY(DeliveryTestWorld::deliver(ecosystem, v1, m_world.options()).succeeded());
        const QString catalog = root + QStringLiteral("/catalog.git");
        const QString mailer = root + QStringLiteral("/mailer.git");
        const QString catalogBefore = head(catalog);
        const QString mailerBefore = head(mailer);
        QMap<QString, QString> branchesBefore;
        for (auto it = clones.cbegin(); it != clones.cend(); ++it)
            branchesBefore.insert(it.key(), head(it.value(), QStringLiteral("feature/SHOP-7-both")));

        // Refused once: another developer pushes to the mailer while the
        // catalog's push lands (its post-receive hook plays them), so the
        // mailer's push is not a fast-forward any more. Refused for good:
        // the mailer's update hook refuses every push.
        QFile script(refusedForGood ? mailer + QStringLiteral("/hooks/update")
                                    : catalog + QStringLiteral("/hooks/post-receive"));
        QVERIFY(script.open(QIODevice::WriteOnly));
        if (refusedForGood) {
            script.write("#!/bin/sh\necho 'main is closed for pushes' >&2\nexit 1\n");
        } else {
            script.write("#!/bin/sh\nset -e\nother=../mailer.git\nbase=$(git --git-dir=$other rev-parse main)\n"
                         "tree=$(git --git-dir=$other rev-parse \"$base^{tree}\")\n"
                         "theirs=$(echo 'a concurrent change' | GIT_AUTHOR_NAME=Other GIT_AUTHOR_EMAIL=o@example.org "
                         "GIT_COMMITTER_NAME=Other GIT_COMMITTER_EMAIL=o@example.org "
                         "git --git-dir=$other commit-tree $tree -p $base)\n"
                         "git --git-dir=$other update-ref refs/heads/main $theirs $base\n");
        }
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));

        const QList<Delivery::Target> targets { { QStringLiteral("catalog"), QStringLiteral("feature/SHOP-7-both"),
                                                    QStringLiteral("demo/catalog:v2") },
            { QStringLiteral("mailer"), QStringLiteral("feature/SHOP-7-both"), QStringLiteral("demo/mailer:v2") } };
        QString log;
        const Delivery::Result result = DeliveryTestWorld::deliver(ecosystem, targets, m_world.options(), &log);
        const QString catalogLog = DeliveryTestWorld::output(QStringLiteral("git log --format=%s main"), catalog);
        const QString mailerLog = DeliveryTestWorld::output(QStringLiteral("git log --format=%s main"), mailer);
        if (!refusedForGood) {
            QVERIFY2(result.succeeded(), qPrintable(result.reason + QLatin1Char('\n') + log));
            QVERIFY2(log.contains(QStringLiteral("integrating again")), qPrintable(log));
            QCOMPARE(mailerLog.split(QLatin1Char('\n')).mid(0, 2),
                QStringList(
                    { QStringLiteral("feature/SHOP-7-both in mailer"), QStringLiteral("a concurrent change") }));
            QCOMPARE(head(mailer, QStringLiteral("main~2")), mailerBefore);
            QCOMPARE(head(catalog, QStringLiteral("main~1")), catalogBefore);
            QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("mailer")), QStringLiteral("demo/mailer:v2"));
            return;
        }
        QCOMPARE(result.outcome, Delivery::Outcome::RolledBack);
        QCOMPARE(result.failedStep, QStringLiteral("merge"));
        QVERIFY2(result.reason.contains(QStringLiteral("catalog: its merge was reverted")), qPrintable(result.reason));
        QVERIFY(result.returnedTasks.isEmpty());
        // The catalog's merge landed and was taken back by a commit on top:
        // nothing was forced, its history keeps both.
        QVERIFY2(catalogLog.startsWith(QStringLiteral("Revert the delivery of feature/SHOP-7-both")),
            qPrintable(catalogLog));
        QCOMPARE(head(catalog, QStringLiteral("main~2")), catalogBefore);
        QCOMPARE(DeliveryTestWorld::output(QStringLiteral("git diff --stat %1 main").arg(catalogBefore), catalog),
            QString());
        QCOMPARE(head(mailer), mailerBefore);
        // The environment runs v1 again; the clones' branches never moved.
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v1"));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("mailer")), QStringLiteral("demo/mailer:v1"));
        for (auto it = clones.cbegin(); it != clones.cend(); ++it)
            QCOMPARE(head(it.value(), QStringLiteral("feature/SHOP-7-both")), branchesBefore.value(it.key()));
        QCOMPARE(statusOf(ecosystem, QStringLiteral("SHOP-7")), QStringLiteral("Awaiting Delivery"));
    }

    // A cancel as the merge begins: nothing is pushed, the environment is restored.
    void cancelDuringMerge()
    {
        const QString ns = m_world.newNamespace();
        const QString root = m_world.filePath(ns + QStringLiteral("-git"));
        const QMap<QString, QString> clones =
            makeRepositories(root, { QStringLiteral("catalog") }, { QStringLiteral("feature/SHOP-7-cancel") });
        const Ecosystem ecosystem = m_world.ecosystemFor(ns, QStringLiteral("staging"), clones);
        writeTasks(ecosystem, { QStringLiteral("SHOP-7") });
        QVERIFY(DeliveryTestWorld::deliver(
            ecosystem, { { QStringLiteral("catalog"), {}, QStringLiteral("demo/catalog:v1") } }, m_world.options())
                .succeeded());
        const QString upstream = root + QStringLiteral("/catalog.git");
        const QString before = head(upstream);

        Delivery delivery(ecosystem, QStringLiteral("test"),
            { { QStringLiteral("catalog"), QStringLiteral("feature/SHOP-7-cancel"),
                QStringLiteral("demo/catalog:v2") } },
            m_world.options());
        QObject::connect(
            &delivery, &Delivery::stepStateChanged, &delivery,
            [&delivery](Delivery::Step step, const QString &, Delivery::State state) {
                if (step == Delivery::Step::Merge && state == Delivery::State::Running)
                    delivery.cancel();
            },
            Qt::DirectConnection);
        delivery.start();
        QVERIFY(delivery.wait(std::chrono::minutes(3)));
        const Delivery::Result result = delivery.result();
        QCOMPARE(result.outcome, Delivery::Outcome::Cancelled);
        QCOMPARE(result.failedStep, QStringLiteral("merge"));
        QVERIFY(result.returnedTasks.isEmpty());
        QCOMPARE(head(upstream), before);
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v1"));
        QCOMPARE(statusOf(ecosystem, QStringLiteral("SHOP-7")), QStringLiteral("Awaiting Delivery"));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryFaults)
#include "tst_delivery_faults.moc"
