// SPDX-License-Identifier: GPL-2.0-or-later
// The ecosystem's gates as deliveries enforce them, against the local
// control plane (fixture `localcluster`), a real upstream repository, the
// file tracker and reviews from commit trailers: a refused delivery changes
// nothing anywhere, a passing one merges, and --skip-gates is on record.
#include "DeliveryTestWorld.h"

#include "audit/AuditJournal.h"
#include "git/Repository.h"
#include "tracker/TrackerFactory.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestDeliveryGates : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    QString m_git = QStringLiteral("git -c user.name=Test -c user.email=test@example.org ");

    // A catalog upstream (bare), a developer's clone and its feature branch
    // BRANCH with one commit whose message is MESSAGE.
    QString makeRepositories(const QString &name, const QString &branch, const QString &message)
    {
        const QString root = m_world.filePath(name);
        QDir().mkpath(root + QStringLiteral("/seed"));
        DeliveryTestWorld::run(
            (copyTestSystemCommand(QStringLiteral("catalog"), QStringLiteral("seed")) +
                QStringLiteral(" && cd seed && git init -q -b main && %1 add -A && %1 commit -qm initial").arg(m_git)),
            root);
        DeliveryTestWorld::run(
            QStringLiteral("git clone -q --bare seed upstream.git && git clone -q upstream.git clone"), root);
        commitOnBranch(root + QStringLiteral("/clone"), branch, message, true);
        return root;
    }

    void commitOnBranch(const QString &clone, const QString &branch, const QString &message, bool create)
    {
        QFile file(clone + QStringLiteral("/msg"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(message.toUtf8());
        file.close();
        DeliveryTestWorld::run(QStringLiteral("git checkout -q %1 %2 && date +%N >> FEATURES && %3 add FEATURES && "
                                              "%3 commit -q -F msg && rm msg")
                                   .arg(create ? QStringLiteral("-b") : QString(), branch, m_git),
            clone);
    }

    // The ecosystem with the gates this test sets: the world's own asks
    // for no reviews.
    Ecosystem gatedEcosystem(const QString &ns, const QString &clone, int reviews, int environmentApprovals)
    {
        m_world.ecosystemFor(ns, QStringLiteral("staging"), { { QStringLiteral("catalog"), clone } });
        const QString path = m_world.filePath(ns + QStringLiteral("/ecosystem.yaml"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read the test ecosystem");
        QString yaml = QString::fromUtf8(file.readAll());
        file.close();
        yaml.replace(QStringLiteral("reviewsRequired: 0"), QStringLiteral("reviewsRequired: %1").arg(reviews));
        yaml += QStringLiteral("    approvals: %1\n").arg(environmentApprovals);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write the test ecosystem");
        file.write(yaml.toUtf8());
        file.close();
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(path);
        if (!loaded.ecosystem)
            qFatal("the gated test ecosystem does not load");
        return *loaded.ecosystem;
    }

    void setStatus(const QString &ns, const QString &key, const QString &status)
    {
        QFile tasks(m_world.filePath(ns + QStringLiteral("/tasks.yaml")));
        QVERIFY(tasks.open(QIODevice::WriteOnly | QIODevice::Truncate));
        tasks.write(
            QStringLiteral("tasks:\n  - key: %1\n    title: A change\n    status: %2\n").arg(key, status).toUtf8());
    }

    static QString head(const QString &repository, const QString &ref)
    {
        return DeliveryTestWorld::output(QStringLiteral("git rev-parse %1").arg(ref), repository);
    }

    static QList<Delivery::Target> catalog(const QString &branch)
    {
        return { { QStringLiteral("catalog"), branch, QStringLiteral("demo/catalog:gates") } };
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
    }

    void refusalsChangeNothingUntilTheGatesPass()
    {
        const QString ns = m_world.newNamespace();
        const QString branch = QStringLiteral("feature/SHOP-7-prices");
        const QString root = makeRepositories(ns + QStringLiteral("-git"), branch, QStringLiteral("SHOP-7 prices"));
        const QString clone = root + QStringLiteral("/clone");
        const QString upstream = root + QStringLiteral("/upstream.git");
        const Ecosystem ecosystem = gatedEcosystem(ns, clone, 1, 2);
        setStatus(ns, QStringLiteral("SHOP-7"), QStringLiteral("For Delivery"));

        const auto expectRefusal = [&](const QString &gate, const QString &why) {
            const QString upstreamBefore = head(upstream, QStringLiteral("main"));
            const QString branchBefore = head(clone, branch);
            const Delivery::Result result = DeliveryTestWorld::deliver(ecosystem, catalog(branch), m_world.options());
            QCOMPARE(result.outcome, Delivery::Outcome::Failed);
            QVERIFY(result.refusedByGate);
            QCOMPARE(result.failedStep, QStringLiteral("update"));
            QVERIFY2(result.reason.contains(QStringLiteral("the %1 gate").arg(gate)), qPrintable(result.reason));
            QVERIFY2(result.reason.contains(why), qPrintable(result.reason));
            // A refusal returns no task and touches no branch, no upstream, no cluster.
            QVERIFY(result.returnedTasks.isEmpty());
            QCOMPARE(head(upstream, QStringLiteral("main")), upstreamBefore);
            QCOMPARE(head(clone, branch), branchBefore);
            int code = 0;
            kubectl(QStringLiteral("local"),
                { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"),
                    QStringLiteral("catalog") },
                &code);
            QVERIFY(code != 0);
            QVERIFY(DeliveryTestWorld::storeFor(ns).list().isEmpty());
        };

        // Nobody reviewed it; staging asks for two.
        expectRefusal(QStringLiteral("approvals"), QStringLiteral("0 of 2 required approvals"));
        QCOMPARE(TrackerFactory::create(ecosystem).tracker->task(QStringLiteral("SHOP-7")).task->status,
            QStringLiteral("For Delivery"));

        commitOnBranch(
            clone, branch, QStringLiteral("SHOP-7 rounding\n\nReviewed-by: Carol <carol@example.org>\n"), false);
        expectRefusal(QStringLiteral("approvals"), QStringLiteral("1 of 2 required approvals"));

        commitOnBranch(clone, branch, QStringLiteral("SHOP-7 tests\n\nReviewed-by: Dave <dave@example.org>\n"), false);
        setStatus(ns, QStringLiteral("SHOP-7"), QStringLiteral("In QA"));
        expectRefusal(QStringLiteral("merge-status"), QStringLiteral("'In QA'"));

        // The robot's status asks for the delivery and merge too.
        setStatus(ns, QStringLiteral("SHOP-7"), QStringLiteral("Awaiting Delivery"));
        QString log;
        const Delivery::Result result = DeliveryTestWorld::deliver(ecosystem, catalog(branch), m_world.options(), &log);
        QVERIFY2(result.succeeded(), qPrintable(result.reason));
        QVERIFY(!result.refusedByGate);
        QCOMPARE(head(upstream, QStringLiteral("main")), head(clone, branch));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:gates"));
    }

    void showroomsNeedOnlyATask()
    {
        // Local and showroom environments merge nothing: an unreviewed branch
        // of a task the tracker does not know is delivered.
        const QString ns = m_world.newNamespace();
        const QString root = makeRepositories(
            ns + QStringLiteral("-git"), QStringLiteral("feature/SHOP-9-try"), QStringLiteral("SHOP-9 try"));
        const Ecosystem ecosystem = m_world.ecosystemFor(
            ns, QStringLiteral("local"), { { QStringLiteral("catalog"), root + QStringLiteral("/clone") } });
        const Delivery::Result result =
            DeliveryTestWorld::deliver(ecosystem, catalog(QStringLiteral("feature/SHOP-9-try")), m_world.options());
        QVERIFY2(result.succeeded(), qPrintable(result.reason));

        // A branch that names no task is refused everywhere.
        commitOnBranch(root + QStringLiteral("/clone"), QStringLiteral("experiment"), QStringLiteral("try"), true);
        const Delivery::Result nameless =
            DeliveryTestWorld::deliver(ecosystem, catalog(QStringLiteral("experiment")), m_world.options());
        QVERIFY(nameless.refusedByGate);
        QVERIFY2(nameless.reason.contains(QStringLiteral("task-key gate")), qPrintable(nameless.reason));
    }

    void skippedGatesAreOnRecord()
    {
        const QString ns = m_world.newNamespace();
        const QString branch = QStringLiteral("feature/SHOP-8-hotfix");
        const QString root = makeRepositories(ns + QStringLiteral("-git"), branch, QStringLiteral("SHOP-8 hotfix"));
        const Ecosystem ecosystem = gatedEcosystem(ns, root + QStringLiteral("/clone"), 1, 0);
        Delivery::Options options = m_world.options();
        options.skipGates = true;
        Delivery delivery(ecosystem, QStringLiteral("test"), catalog(branch), options);
        delivery.start();
        QVERIFY(delivery.wait(std::chrono::minutes(5)));
        QVERIFY2(delivery.result().succeeded(), qPrintable(delivery.log()));
        QVERIFY2(delivery.log().contains(QStringLiteral("gates skipped by")), qPrintable(delivery.log()));
        bool updateSaysSo = false;
        for (const Delivery::StepState &step : delivery.steps())
            if (step.step == Delivery::Step::Update && step.message.contains(QStringLiteral("gates skipped by")))
                updateSaysSo = step.message.contains(QStringLiteral("SHOP-8"));
        QVERIFY(updateSaysSo);
        // The record keeps the steps, so every machine sees the skip.
        const QList<ReleaseRecord> records = DeliveryTestWorld::storeFor(ns).list();
        const auto recorded = std::find_if(records.cbegin(), records.cend(),
            [&](const ReleaseRecord &record) { return record.id == delivery.result().releaseId; });
        QVERIFY(recorded != records.cend());
        QVERIFY(QJsonDocument(recorded->steps).toJson().contains("gates skipped by"));
        const AuditJournal::Contents audit = AuditJournal(options.auditJournal).read();
        bool audited = false;
        for (const AuditRecord &record : audit.records)
            audited = audited || record.details.value(QStringLiteral("skipGates")).toBool();
        QVERIFY(audited);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryGates)
#include "tst_delivery_gates.moc"
