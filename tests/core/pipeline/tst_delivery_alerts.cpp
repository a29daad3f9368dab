// SPDX-License-Identifier: GPL-2.0-or-later
// Alertmanager's alerts around a delivery: a real Alertmanager fed by a real
// Prometheus rule (fixture `prometheus`: any pushed shipyard_test_alert
// above 0 fires), releases delivered to the local control plane.
#include "DeliveryTestWorld.h"
#include "FiringAlerts.h"

#include "pipeline/EnvironmentLock.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestDeliveryAlerts : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    FiringAlerts m_alerts { QStringLiteral(PROMETHEUS_STATE_FILE) };

    QString alertmanager() const { return m_alerts.alertmanager(); }
    QByteArray newShop() { return m_alerts.newShop(); }
    // Makes the fixture's rule fire for SERVICE of SHOP in the environment
    // "test", and waits until Alertmanager lists the alert.
    void fire(const QByteArray &shop, const QByteArray &service) { QVERIFY(m_alerts.fire(shop, service)); }

    // An ecosystem whose staging environment "test" watches the alerts of
    // SHOP's delivered systems for WINDOW after each release.
    // MONITORING: more of `rollback`, a monitoring query watched beside the alerts.
    Ecosystem ecosystemWatching(const QString &ns, const QByteArray &shop, const QString &window,
        const QString &url = {}, const QString &onUnreachable = QStringLiteral("proceed"),
        const QString &monitoring = {})
    {
        return m_world.ecosystemFor(ns, QStringLiteral("staging"), {},
            QStringLiteral("variables: {SHOP: %1}\n"
                           "rollback:\n  rolloutTimeout: 60s\n  alerts:\n    alertmanager: %2\n"
                           "    matchers: ['shop=\"${SHOP}\"', 'service=\"${SYSTEM}\"', 'env=\"${ENVIRONMENT}\"']\n"
                           "    window: %3\n    interval: 1s\n    onUnreachable: %4\n%5")
                .arg(QString::fromLatin1(shop), url.isEmpty() ? alertmanager() : url, window, onUnreachable,
                    monitoring));
    }

    static QByteArray lastAuditLine(const QString &journal)
    {
        QFile file(journal);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll().trimmed().split('\n').last();
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
        QVERIFY2(!alertmanager().isEmpty(),
            "the prometheus fixture did not run: ctest -R tst_delivery_alerts runs it first");
    }

    // A firing alert refuses the delivery before anything changes, without
    // sending a task back; a person's reason lets it through, audited and
    // recorded, and the alert that already fired does not undo the release.
    void firingAlertRefusesUnlessAPersonSaysWhy()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray shop = newShop();
        fire(shop, "catalog");
        const Ecosystem ecosystem = ecosystemWatching(ns, shop, QStringLiteral("3s"));

        const Delivery::Result refused =
            DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), m_world.options());
        QCOMPARE(refused.outcome, Delivery::Outcome::Failed);
        QCOMPARE(refused.failedStep, QStringLiteral("lock"));
        QCOMPARE(refused.fault, Fault::Environment);
        QVERIFY2(refused.reason.startsWith(QStringLiteral(
                     "alerts of test fire: ShipyardTestAlert: catalog in test is failing (catalog); "
                     "a person may deliver anyway, saying why (shipyardctl deliver --ignore-alerts WHY)")),
            qPrintable(refused.reason));
        QVERIFY(refused.returnedTasks.isEmpty());
        QCOMPARE(kubectl(QStringLiteral("local"),
                     { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployments,leases"),
                         QStringLiteral("-o"), QStringLiteral("name") })
                     .trimmed(),
            QByteArray());
        const QByteArray refusal = lastAuditLine(m_world.options().auditJournal);
        QVERIFY2(refusal.contains("\"result\":\"refused: alerts of test fire: ShipyardTestAlert"), refusal.constData());

        Delivery::Options overriding = m_world.options();
        overriding.alertOverride = QStringLiteral("the fix for this very alert");
        QString log;
        const Delivery::Result result =
            DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), overriding, &log);
        QVERIFY2(result.succeeded(), qPrintable(result.reason));
        QVERIFY2(log.contains(QStringLiteral("delivered anyway: the fix for this very alert")), qPrintable(log));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v1"));
        const ReleaseRecord record = DeliveryTestWorld::storeFor(ns).list().value(0);
        QCOMPARE(record.id, result.releaseId);
        QCOMPARE(record.result, ReleaseRecord::Result::Succeeded);
        QVERIFY2(QJsonDocument(record.steps).toJson().contains("alerts firing, delivered anyway: the fix for this"),
            QJsonDocument(record.steps).toJson().constData());
        QFile journal(overriding.auditJournal);
        QVERIFY(journal.open(QIODevice::ReadOnly));
        const QByteArray audited = journal.readAll();
        QVERIFY(audited.contains("\"alertOverride\":\"the fix for this very alert\""));
        QVERIFY(audited.contains("\"firingAlerts\":[\"ShipyardTestAlert: catalog in test is failing (catalog)\"]"));
    }

    // The same through shipyardctl: refused, then delivered with --ignore-alerts.
    void shipyardctlIgnoresAlertsWhenAPersonSaysWhy()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray shop = newShop();
        fire(shop, "mailer");
        const Ecosystem ecosystem = ecosystemWatching(ns, shop, QStringLiteral("2s"));
        const auto deliver = [&](const QStringList &more) {
            QStringList arguments { QStringLiteral("deliver"), QStringLiteral("--ecosystem"), ecosystem.filePath,
                QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--kubeconfig"),
                clusterKubeconfigPath(), QStringLiteral("--output"), QStringLiteral("json") };
            for (const QString &system : DeliveryTestWorld::systemNames())
                arguments += { QStringLiteral("--system"), system, QStringLiteral("--image"),
                    QStringLiteral("%1=demo/%1:v1").arg(system) };
            QProcess process;
            process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), arguments + more);
            if (!process.waitForFinished(180000))
                return std::pair { -1, QJsonObject() };
            return std::pair { process.exitCode(), QJsonDocument::fromJson(process.readAllStandardOutput()).object() };
        };
        const auto [refusedCode, refused] = deliver({});
        QVERIFY(refusedCode != 0);
        QVERIFY2(refused.value(QLatin1String("reason")).toString().contains(QStringLiteral("--ignore-alerts WHY")),
            QJsonDocument(refused).toJson().constData());
        const auto [code, delivered] =
            deliver({ QStringLiteral("--ignore-alerts"), QStringLiteral("SHOP-7 is the fix") });
        QCOMPARE(code, 0);
        QCOMPARE(delivered.value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("mailer")), QStringLiteral("demo/mailer:v1"));
    }

    // A delivery that waited for the lock asks again once it holds it: an
    // alert that began to fire meanwhile refuses it.
    void alertThatBeginsWhileWaitingForTheLockRefuses()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray shop = newShop();
        const Ecosystem ecosystem = ecosystemWatching(ns, shop, QStringLiteral("3s"));
        QProcess holder;
        holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        holder.start(QStringLiteral(LOCKHOLDER),
            { clusterKubeconfigPath(), QStringLiteral("local"), ns, QStringLiteral("someone-else"),
                QStringLiteral("15"), QStringLiteral("nowait") });
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += holder.readAll()).contains("acquired"), 20000);

        Delivery::Options waiting = m_world.options();
        waiting.waitForLock = true;
        Delivery delivery(ecosystem, QStringLiteral("test"), DeliveryTestWorld::images(QStringLiteral("v1")), waiting);
        delivery.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            delivery.log().contains(QStringLiteral("waiting: test is held by someone-else")), 20000);
        QVERIFY2(delivery.log().contains(QStringLiteral("no alert of test fires")), qPrintable(delivery.log()));
        fire(shop, "catalog");
        holder.write("release\n");
        QVERIFY(holder.waitForFinished(20000));

        QVERIFY(delivery.wait(std::chrono::minutes(2)));
        const Delivery::Result result = delivery.result();
        QCOMPARE(result.outcome, Delivery::Outcome::Failed);
        QCOMPARE(result.failedStep, QStringLiteral("lock"));
        QVERIFY2(result.reason.startsWith(QStringLiteral("alerts of test fire: ShipyardTestAlert: catalog in test")),
            qPrintable(result.reason));
        QCOMPARE(kubectl(QStringLiteral("local"),
                     { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployments"),
                         QStringLiteral("-o"), QStringLiteral("name") })
                     .trimmed(),
            QByteArray());
        // The lock it took is free again for the next one.
        QTRY_VERIFY_WITH_TIMEOUT(
            EnvironmentLock::read(clusterClient(QStringLiteral("local")), ns).holder.isEmpty(), 20000);
    }

    // `shipyardctl status` names the alerts that would refuse a delivery.
    void statusShowsFiringAlerts()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray shop = newShop();
        fire(shop, "storefront");
        const Ecosystem ecosystem = ecosystemWatching(ns, shop, QStringLiteral("3s"));
        QProcess status;
        status.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            { QStringLiteral("status"), QStringLiteral("--ecosystem"), ecosystem.filePath,
                QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--kubeconfig"),
                clusterKubeconfigPath(), QStringLiteral("--output"), QStringLiteral("json") });
        QVERIFY(status.waitForFinished(60000));
        const QJsonObject root = QJsonDocument::fromJson(status.readAllStandardOutput()).object();
        const QJsonArray alerts = root.value(QLatin1String("alerts")).toArray();
        QCOMPARE(alerts.size(), 1);
        const QJsonObject alert = alerts.first().toObject();
        QCOMPARE(alert.value(QLatin1String("name")).toString(), QStringLiteral("ShipyardTestAlert"));
        QCOMPARE(alert.value(QLatin1String("system")).toString(), QStringLiteral("storefront"));
        QCOMPARE(alert.value(QLatin1String("summary")).toString(), QStringLiteral("storefront in test is failing"));
    }

    // An alert of a delivered system that fires during the watch after the
    // release rolls the release back, naming the alert.
    void alertDuringTheWatchRollsBack()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray shop = newShop();
        const Ecosystem ecosystem = ecosystemWatching(ns, shop, QStringLiteral("60s"));
        Delivery::Options unwatched = m_world.options();
        unwatched.watchMonitoring = false; // the first release is not watched
        QVERIFY(DeliveryTestWorld::deliver(ecosystem, DeliveryTestWorld::images(QStringLiteral("v1")), unwatched)
                .succeeded());

        Delivery delivery(
            ecosystem, QStringLiteral("test"), DeliveryTestWorld::images(QStringLiteral("v2")), m_world.options());
        delivery.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const Delivery::StepState &step : delivery.steps()) {
                    if (step.step == Delivery::Step::Monitor && step.state == Delivery::State::Running)
                        return true;
                }
                return false;
            }(),
            60000);
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("mailer")), QStringLiteral("demo/mailer:v2"));
        fire(shop, "mailer");
        QVERIFY(delivery.wait(std::chrono::minutes(2)));
        const Delivery::Result result = delivery.result();
        QCOMPARE(result.outcome, Delivery::Outcome::RolledBack);
        QCOMPARE(result.failedStep, QStringLiteral("monitor"));
        QVERIFY2(
            result.reason.contains(QStringLiteral("alert ShipyardTestAlert: mailer in test is failing fired (mailer)")),
            qPrintable(result.reason));
        for (const QString &name : DeliveryTestWorld::systemNames())
            QCOMPARE(DeliveryTestWorld::imageOf(ns, name), QStringLiteral("demo/%1:v1").arg(name));
        const ReleaseRecord record = DeliveryTestWorld::storeFor(ns).list().value(0);
        QCOMPARE(record.id, result.releaseId);
        QCOMPARE(record.result, ReleaseRecord::Result::Failed);
        QVERIFY2(record.reason.contains(QStringLiteral("ShipyardTestAlert")), qPrintable(record.reason));
    }

    // Matchers name the delivered systems: an alert of another system in
    // the same environment neither refuses nor rolls back. The monitoring
    // query, watched beside the alerts, has its say too.
    void alertsOfOtherSystemsDoNotCount()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray shop = newShop();
        fire(shop, "warehouse");
        const Ecosystem ecosystem = ecosystemWatching(ns, shop, QStringLiteral("3s"), {}, QStringLiteral("proceed"),
            QStringLiteral("  monitoring:\n    prometheus: %1\n    query: vector(0)\n    threshold: 0.05\n"
                           "    window: 2s\n    interval: 1s\n")
                .arg(m_alerts.fixture(QStringLiteral("PROMETHEUS_URL"))));
        Delivery delivery(
            ecosystem, QStringLiteral("test"), DeliveryTestWorld::images(QStringLiteral("v1")), m_world.options());
        delivery.start();
        QVERIFY(delivery.wait(std::chrono::minutes(2)));
        QVERIFY2(delivery.result().succeeded(), qPrintable(delivery.result().reason + delivery.log()));
        QVERIFY2(delivery.log().contains(QStringLiteral("no alert of test fires")), qPrintable(delivery.log()));
        for (const Delivery::StepState &step : delivery.steps()) {
            if (step.step == Delivery::Step::Monitor) {
                QCOMPARE(step.state, Delivery::State::Succeeded);
                QCOMPARE(step.message, QStringLiteral("stayed at or below 0.05 for 2 s; no alert fired for 3 s"));
            }
        }
    }

    // An Alertmanager that does not answer: a warning and on by default,
    // a refusal when the ecosystem says stop.
    void unreachableAlertmanagerFollowsThePolicy()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray shop = newShop();
        const QString nowhere = QStringLiteral("http://127.0.0.1:1");
        QString log;
        const Delivery::Result kept =
            DeliveryTestWorld::deliver(ecosystemWatching(ns, shop, QStringLiteral("2s"), nowhere),
                DeliveryTestWorld::images(QStringLiteral("v1")), m_world.options(), &log);
        QVERIFY2(kept.succeeded(), qPrintable(kept.reason));
        QVERIFY2(log.contains(QStringLiteral("warning: the alerts of test cannot be read (Alertmanager unreachable: "
                                             "http://127.0.0.1:1")),
            qPrintable(log));
        const ReleaseRecord record = DeliveryTestWorld::storeFor(ns).list().value(0);
        QVERIFY2(record.reason.contains(QStringLiteral("alerts inconclusive")), qPrintable(record.reason));

        const Delivery::Result refused = DeliveryTestWorld::deliver(
            ecosystemWatching(ns, shop, QStringLiteral("2s"), nowhere, QStringLiteral("stop")),
            DeliveryTestWorld::images(QStringLiteral("v2")), m_world.options());
        QCOMPARE(refused.outcome, Delivery::Outcome::Failed);
        QCOMPARE(refused.failedStep, QStringLiteral("lock"));
        QVERIFY2(refused.reason.contains(QStringLiteral("(onUnreachable: stop)")), qPrintable(refused.reason));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v1"));
    }

    // A cancel while Alertmanager keeps silent is a cancel, not an
    // unreadable Alertmanager, even where that would refuse the delivery.
    void cancelWhileReadingTheAlerts()
    {
        QProcess silent;
        silent.setProgram(QStringLiteral("python3"));
        silent.setArguments({ QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/kube/hostile-server.py") });
        silent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        silent.start();
        QVERIFY(silent.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(silent.canReadLine(), 10000);
        const int port = silent.readLine().trimmed().toInt();
        QVERIFY(port > 0);

        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = ecosystemWatching(ns, newShop(), QStringLiteral("3s"),
            QStringLiteral("http://127.0.0.1:%1/alertmanager/silent").arg(port), QStringLiteral("stop"));
        Delivery delivery(
            ecosystem, QStringLiteral("test"), DeliveryTestWorld::images(QStringLiteral("v1")), m_world.options());
        delivery.start();
        QTRY_VERIFY_WITH_TIMEOUT(delivery.steps().value(0).state == Delivery::State::Running, 10000);
        QTest::qWait(500);
        delivery.cancel();
        // Well before the request's own timeout.
        QVERIFY(delivery.wait(std::chrono::seconds(10)));
        QCOMPARE(delivery.result().outcome, Delivery::Outcome::Cancelled);
        QCOMPARE(delivery.steps().value(0).state, Delivery::State::Cancelled);
        silent.closeWriteChannel();
        QVERIFY(silent.waitForFinished(5000));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryAlerts)
#include "tst_delivery_alerts.moc"
