// SPDX-License-Identifier: GPL-2.0-or-later
// The delivery queue of an environment as the Pipeline view shows it, against
// the local control plane (fixture `localcluster`): contenders are processes
// of their own (lockholder), as deliveries from other machines would be, and
// the model follows their Leases through a watch.
#include "delivery/DeliveryQueueModel.h"
#include "delivery/PipelineView.h"

#include "kube/ClusterAccess.h"
#include "kube/Kubeconfig.h"
#include "model/EcosystemLoader.h"
#include "pipeline/EnvironmentLock.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <csignal>

#include "LocalCluster.h"

using namespace Shipyard;

namespace {

// Short leases keep the expiry cases quick.
constexpr int leaseSeconds = 3;

// One lockholder process: it takes (or waits for) the lock, says so on stdout, and releases on "release".
class Contender
{
public:
    Contender(const QString &ns, const QString &identity, bool wait, const QString &reason = {}) : m_identity(identity)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(LOCKHOLDER),
            { LocalCluster::kubeconfigPath(), QStringLiteral("local"), ns, identity, QString::number(leaseSeconds),
                wait ? QStringLiteral("wait") : QStringLiteral("nowait"), reason });
    }
    ~Contender()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    Contender(const Contender &) = delete;
    Contender &operator=(const Contender &) = delete;

    // Waits (with the event loop running) for a line starting with PREFIX.
    bool waitFor(const QString &prefix, int timeoutMs = 30000)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            while (m_process.canReadLine())
                m_lines.append(QString::fromUtf8(m_process.readLine()).trimmed());
            for (const QString &line : std::as_const(m_lines)) {
                if (line.startsWith(prefix))
                    return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            QTest::qWait(50);
        }
        qWarning("%s: no \"%s\" in %s", qPrintable(m_identity), qPrintable(prefix),
            qPrintable(m_lines.join(QStringLiteral(" | "))));
        return false;
    }
    void release()
    {
        m_process.write("release\n");
        m_process.waitForBytesWritten(5000);
    }
    void die()
    {
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(5000);
    }

private:
    QString m_identity;
    QProcess m_process;
    QStringList m_lines;
};

QStringList identities(const DeliveryQueueModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        result.append((index.data(DeliveryQueueModel::HolderRole).toBool() ? QStringLiteral("holder ")
                                                                           : QStringLiteral("waiter ")) +
            index.data(DeliveryQueueModel::IdentityRole).toString() +
            (index.data(DeliveryQueueModel::ExpiredRole).toBool() ? QStringLiteral(" (expired)") : QString()));
    }
    return result;
}

} // namespace

class tst_DeliveryQueueModel : public QObject
{
    Q_OBJECT

private:
    QString m_ns;
    KubeClient m_client;

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(LocalCluster::kubeconfigPath()))
            QFAIL("the local cluster is not up (packaging/localcluster/cluster up)");
        qputenv("KUBECONFIG", LocalCluster::kubeconfigPath().toUtf8());
        m_ns = QStringLiteral("t-queue-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
        QString error;
        m_client = ClusterAccess::load(LocalCluster::kubeconfigPath()).client(QStringLiteral("local"), &error);
        QVERIFY2(m_client.isValid(), qPrintable(error));
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void holderAndWaitersInOrder()
    {
        DeliveryQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.watch(m_client, m_ns);
        QTRY_VERIFY_WITH_TIMEOUT(model.source()->hasSynced(), 20000);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.summary(), QStringLiteral("Queue: empty"));

        // The Pipeline view on the same environment, as a person would look at it.
        const EcosystemLoadResult loaded = EcosystemLoader().loadData(
            QStringLiteral("apiVersion: shipyard/v1\nname: Queue Test\n"
                           "systems:\n  - name: app\n    template: backend\n    repository: systems/app\n"
                           "    image: demo/app\n    manifests: [deploy/]\n"
                           "environments:\n  - name: queue\n    kind: staging\n    context: local\n"
                           "    namespace: %1\n")
                .arg(m_ns)
                .toUtf8(),
            QStringLiteral("queue-test.yaml"));
        QVERIFY(loaded.ecosystem);
        PipelineView view;
        view.setEcosystem(*loaded.ecosystem, ClusterAccess::load());
        QCOMPARE(view.environment(), QStringLiteral("queue"));
        QAbstractItemModelTester viewTester(view.queueModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        Contender alice(m_ns, QStringLiteral("alice@a/1"), false, QStringLiteral("deliver app=demo/app:1.0"));
        QVERIFY(alice.waitFor(QStringLiteral("acquired")));
        QTRY_COMPARE_WITH_TIMEOUT(identities(model), QStringList { QStringLiteral("holder alice@a/1") }, 10000);
        QCOMPARE(
            model.index(0).data(DeliveryQueueModel::ReasonRole).toString(), QStringLiteral("deliver app=demo/app:1.0"));
        QVERIFY(model.index(0).data(Qt::DisplayRole).toString().contains(QStringLiteral("deliver app=demo/app:1.0")));
        QVERIFY(model.index(0).data(DeliveryQueueModel::SinceRole).toDateTime().isValid());
        QVERIFY(model.index(0).data(DeliveryQueueModel::ExpiresRole).toDateTime() >
            model.index(0).data(DeliveryQueueModel::SinceRole).toDateTime());

        Contender bob(m_ns, QStringLiteral("bob@b/2"), true, QStringLiteral("deliver catalog (SHOP-12)"));
        QVERIFY(bob.waitFor(QStringLiteral("waiting")));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);
        Contender carol(m_ns, QStringLiteral("carol@c/3"), true);
        QVERIFY(carol.waitFor(QStringLiteral("waiting")));
        QElapsedTimer seen;
        seen.start();
        QTRY_COMPARE_WITH_TIMEOUT(identities(model),
            (QStringList { QStringLiteral("holder alice@a/1"), QStringLiteral("waiter bob@b/2"),
                QStringLiteral("waiter carol@c/3") }),
            10000);
        qInfo("a new waiter shown %lld ms after it said it waits", qint64(seen.elapsed()));
        QCOMPARE(model.index(1).data(DeliveryQueueModel::ReasonRole).toString(),
            QStringLiteral("deliver catalog (SHOP-12)"));
        QVERIFY(model.index(1)
                .data(DeliveryQueueModel::LeaseRole)
                .toString()
                .startsWith(QLatin1String(EnvironmentLock::queuePrefix)));
        QCOMPARE(model.waiting(), 2);
        QCOMPARE(model.holder(), QStringLiteral("alice@a/1"));
        QTRY_COMPARE_WITH_TIMEOUT(view.queueButton()->text(), QStringLiteral("Queue: 2 waiting"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(view.lockHolder(), QStringLiteral("alice@a/1"), 10000);
        QCOMPARE(identities(*view.queueModel()), identities(model));
        const QString directory = qEnvironmentVariable("SHIPYARD_SCREENSHOT_DIR");
        if (!directory.isEmpty()) {
            // The list the button opens, to look at (not for the documentation).
            view.resize(1000, 600);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QVERIFY(view.grab().save(directory + QStringLiteral("/pipeline-queue-bar.png")));
            bool saved = false;
            QTimer::singleShot(500, &view, [&] {
                QMenu *menu = view.queueButton()->menu();
                saved = menu->grab().save(directory + QStringLiteral("/pipeline-queue-list.png"));
                menu->close();
            });
            view.queueButton()->showMenu();
            QVERIFY(saved);
        }

        // Renewals (a third of the lease, every second here) repaint the expiry, nothing else.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const QDateTime expiresBefore = model.index(0).data(DeliveryQueueModel::ExpiresRole).toDateTime();
        QTest::qWait(3000);
        QVERIFY(changed.size() >= 2);
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const QList<int> roles = signal.at(2).value<QList<int>>();
            QVERIFY(!roles.isEmpty());
            for (int role : roles)
                QVERIFY2(role == DeliveryQueueModel::ExpiresRole || role == Qt::ToolTipRole,
                    qPrintable(QStringLiteral("role %1 changed on a renewal").arg(role)));
        }
        QVERIFY(model.index(0).data(DeliveryQueueModel::ExpiresRole).toDateTime() > expiresBefore);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);

        // The holder lets go: the first waiter holds, the second moves up.
        alice.release();
        QVERIFY(bob.waitFor(QStringLiteral("acquired")));
        QTRY_COMPARE_WITH_TIMEOUT(identities(model),
            (QStringList { QStringLiteral("holder bob@b/2"), QStringLiteral("waiter carol@c/3") }), 10000);
        QCOMPARE(model.index(0).data(DeliveryQueueModel::ReasonRole).toString(),
            QStringLiteral("deliver catalog (SHOP-12)"));
        QTRY_COMPARE_WITH_TIMEOUT(view.queueButton()->text(), QStringLiteral("Queue: 1 waiting"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(view.lockHolder(), QStringLiteral("bob@b/2"), 10000);

        // A waiter whose process dies stops renewing: shown gone after two lease durations.
        QElapsedTimer clock;
        clock.start();
        carol.die();
        QTRY_COMPARE_WITH_TIMEOUT(identities(model),
            (QStringList { QStringLiteral("holder bob@b/2"), QStringLiteral("waiter carol@c/3 (expired)") }), 15000);
        qInfo("a dead waiter shown gone after %lld ms", qint64(clock.elapsed()));
        QVERIFY(model.index(1).data(Qt::DisplayRole).toString().contains(QStringLiteral("gone")));
        QCOMPARE(model.waiting(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(view.queueButton()->text(), QStringLiteral("Queue: empty"), 10000);

        // The last holder lets go; the dead entry goes when someone deletes it (the next waiter would).
        bob.release();
        QTRY_COMPARE_WITH_TIMEOUT(
            identities(model), QStringList { QStringLiteral("waiter carol@c/3 (expired)") }, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(view.lockHolder(), QString(), 15000);
        const QString stale = model.index(0).data(DeliveryQueueModel::LeaseRole).toString();
        QVERIFY(LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("delete"), QStringLiteral("lease"), stale }));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 10000);
        QCOMPARE(resets.size(), 0);
    }
};

QTEST_MAIN(tst_DeliveryQueueModel)
#include "tst_deliveryqueuemodel.moc"
