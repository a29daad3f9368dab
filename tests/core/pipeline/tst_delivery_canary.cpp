// SPDX-License-Identifier: GPL-2.0-or-later
// Partial rollouts against the local control plane, judged by a real
// Prometheus scraping a real pushgateway (fixture `prometheus`) into which
// the test pushes the request counters of the canary it watches: promoted
// through every share, aborted by an error rate or by an Alertmanager alert
// (the fixture's rule, fed through the pushgateway), promoted by a person with
// `shipyardctl canary promote`, and left behind by a killed delivery.
#include "DeliveryTestWorld.h"
#include "FixtureEnvironment.h"

#include "http/CurlTransport.h"
#include "monitoring/AlertmanagerClient.h"
#include "pipeline/CanaryControl.h"
#include "releases/CanaryDeployment.h"

#include <QDateTime>
#include <QJsonDocument>

#include <csignal>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

class TestDeliveryCanary : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    QMap<QString, QString> m_fixture;
    KubeClient m_client;

    bool push(const QByteArray &service, int ok, int failed) const
    {
        HttpRequest request;
        request.method = "POST";
        request.url =
            QUrl(m_fixture.value(QStringLiteral("PUSHGATEWAY_URL")) + QLatin1String("/metrics/job/") + service);
        request.addHeader("Content-Type", "text/plain; version=0.0.4");
        request.body = "# TYPE http_requests_total counter\n"
                       "http_requests_total{service=\"" +
            service + "\",code=\"200\"} " + QByteArray::number(ok) + "\nhttp_requests_total{service=\"" + service +
            "\",code=\"500\"} " + QByteArray::number(failed) + "\n";
        return CurlTransport().send(request).isSuccess();
    }

    // Makes the fixture's rule fire for SERVICE in the environment "test"
    // (or stop, DELETE), and waits until Alertmanager lists the alert.
    bool sendAlertSeries(const QByteArray &method, const QByteArray &service) const
    {
        HttpRequest request;
        request.method = method;
        request.url = QUrl(m_fixture.value(QStringLiteral("PUSHGATEWAY_URL")) + QLatin1String("/metrics/job/alert-") +
            QString::fromLatin1(service));
        request.addHeader("Content-Type", "text/plain; version=0.0.4");
        if (method == "POST")
            request.body = "shipyard_test_alert{shop=\"" + service + "\",service=\"catalog\",env=\"test\"} 1\n";
        return CurlTransport().send(request).isSuccess();
    }

    static QByteArray newService()
    {
        return "canary" + QByteArray::number(QCoreApplication::applicationPid()) + "x" +
            QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    }

    // A staging environment in NS whose systems run CANARY, judged by
    // SERVICE's 5xx ratio.
    Ecosystem ecosystemWith(const QString &ns, const QString &canary, const QByteArray &service)
    {
        const QString query = QStringLiteral("sum(http_requests_total{service=\\\"%1\\\",code=~\\\"5..\\\"})"
                                             " / sum(http_requests_total{service=\\\"%1\\\"})")
                                  .arg(QString::fromLatin1(service));
        return m_world.ecosystemFor(ns, QStringLiteral("staging"), {},
            QStringLiteral("rollback:\n  rolloutTimeout: 60s\n  monitoring:\n    prometheus: %1\n    query: \"%2\"\n"
                           "    threshold: 0.05\n    window: 2s\n    interval: 1s\n")
                .arg(m_fixture.value(QStringLiteral("PROMETHEUS_URL")), query),
            QStringLiteral("    canary: %1\n").arg(canary));
    }

    // Every system at v1, delivered at once: nothing ran yet to put a canary beside.
    void deliverFirstRelease(const Ecosystem &ecosystem)
    {
        Delivery::Options options = m_world.options();
        options.watchMonitoring = false;
        Delivery delivery(ecosystem, QStringLiteral("test"), DeliveryTestWorld::images(QStringLiteral("v1")), options);
        delivery.start();
        QVERIFY(delivery.wait(std::chrono::minutes(3)));
        QVERIFY2(delivery.result().succeeded(), qPrintable(delivery.log()));
        for (const Delivery::StepState &step : delivery.steps()) {
            if (step.step == Delivery::Step::Canary)
                QCOMPARE(step.state, Delivery::State::Skipped);
        }
        QVERIFY(delivery.canary().isEmpty());
    }

    static QList<Delivery::Target> catalog(const QString &tag)
    {
        return { { QStringLiteral("catalog"), {}, QStringLiteral("demo/catalog:") + tag } };
    }

    static QJsonObject deployment(const QString &ns, const QString &name)
    {
        int code = 0;
        const QByteArray json = kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("deployment"), name, QStringLiteral("-o"),
                QStringLiteral("json") },
            &code);
        return code == 0 ? QJsonDocument::fromJson(json).object() : QJsonObject();
    }

    QList<CanaryState> canaries(const QString &ns) const
    {
        KubeError error;
        const QList<CanaryState> states = CanaryControl(m_client, ns).list({}, &error);
        if (error.isError())
            qWarning("canaries not listed: %s", qPrintable(error.message));
        return states;
    }

    // The canary of DELIVERY's catalog, at its STEP (from 0), with VERDICT.
    static bool catalogCanaryAt(const Delivery &delivery, int step, CanaryStepResult::Verdict verdict)
    {
        const QList<CanaryStepResult> steps = delivery.canary().value(QStringLiteral("catalog"));
        return step < steps.size() && steps[step].verdict == verdict;
    }

    static QList<CanaryStepResult::Verdict> verdicts(const QList<CanaryStepResult> &steps)
    {
        QList<CanaryStepResult::Verdict> list;
        for (const CanaryStepResult &step : steps)
            list.append(step.verdict);
        return list;
    }

    // A delivery of catalog v2 by shipyardctl, SIGKILLed once its canary
    // waits for a person: its canary Deployment and release stay behind.
    void killDeliveryAtItsPausedCanary(const Ecosystem &ecosystem, const QString &ns)
    {
        QProcess killed;
        killed.setProcessChannelMode(QProcess::MergedChannels);
        killed.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            { QStringLiteral("deliver"), QStringLiteral("--ecosystem"), ecosystem.filePath,
                QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--kubeconfig"),
                clusterKubeconfigPath(), QStringLiteral("--system"), QStringLiteral("catalog"),
                QStringLiteral("--image"), QStringLiteral("catalog=demo/catalog:v2") });
        QVERIFY(killed.waitForStarted());
        QTRY_VERIFY2_WITH_TIMEOUT(
            !canaries(ns).value(0).paused.isEmpty(), killed.readAllStandardOutput().constData(), 90000);
        QVERIFY(::kill(pid_t(killed.processId()), SIGKILL) == 0);
        QVERIFY(killed.waitForFinished(10000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
        m_client = clusterClient(QStringLiteral("local"));
        m_fixture = readFixtureEnvironment(QStringLiteral(PROMETHEUS_STATE_FILE));
        QVERIFY2(!m_fixture.value(QStringLiteral("PROMETHEUS_URL")).isEmpty(),
            "the prometheus fixture did not run: ctest -R tst_delivery_canary runs it first");
    }

    void healthyCanaryIsPromotedThroughEveryShare()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray service = newService();
        QVERIFY(push(service, 1000, 1));
        const Ecosystem ecosystem = ecosystemWith(ns, QStringLiteral("{steps: [10, 50, 100], pause: 5s}"), service);
        deliverFirstRelease(ecosystem);
        const qint64 generation =
            deployment(ns, QStringLiteral("catalog"))[QLatin1String("metadata")][QLatin1String("generation")]
                .toInteger();

        Delivery delivery(ecosystem, QStringLiteral("test"), catalog(QStringLiteral("v2")), m_world.options());
        delivery.start();
        // At 50 %, two new pods run beside the two old ones, which are still v1.
        QTRY_VERIFY_WITH_TIMEOUT(catalogCanaryAt(delivery, 1, CanaryStepResult::Verdict::Holding), 90000);
        QTRY_COMPARE_WITH_TIMEOUT(
            deployment(ns, QStringLiteral("catalog-canary"))[QLatin1String("status")][QLatin1String("readyReplicas")]
                .toInt(),
            2, 30000);
        const QJsonObject canary = deployment(ns, QStringLiteral("catalog-canary"));
        QCOMPARE(canary[QLatin1String("spec")][QLatin1String("template")][QLatin1String("spec")]
                       [QLatin1String("containers")][0][QLatin1String("image")]
                           .toString(),
            QStringLiteral("demo/catalog:v2"));
        QCOMPARE(canary[QLatin1String("spec")][QLatin1String("selector")][QLatin1String("matchLabels")]
                       [QLatin1String("shipyard.dev/track")]
                           .toString(),
            QStringLiteral("canary"));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v1"));
        QCOMPARE(deployment(ns, QStringLiteral("catalog"))[QLatin1String("metadata")][QLatin1String("generation")]
                     .toInteger(),
            generation);
        // Other processes read where it stands from the cluster.
        const QList<CanaryState> running = canaries(ns);
        QCOMPARE(running.size(), 1);
        QCOMPARE(running.first().system, QStringLiteral("catalog"));
        QCOMPARE(running.first().step, 2);
        QCOMPARE(running.first().share, 50);
        QCOMPARE(running.first().steps.value(0).verdict, CanaryStepResult::Verdict::Passed);

        QVERIFY(delivery.wait(std::chrono::minutes(3)));
        QVERIFY2(delivery.result().succeeded(), qPrintable(delivery.log()));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v2"));
        QVERIFY(deployment(ns, QStringLiteral("catalog-canary")).isEmpty());

        // Shares, pods and verdicts: in the delivery, its steps, its log and its record.
        const QList<CanaryStepResult> steps = delivery.canary().value(QStringLiteral("catalog"));
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps[0].share, 10);
        QCOMPARE(steps[0].replicas, 1); // at least one pod, 33 % of three
        QCOMPARE(steps[0].oldReplicas, 2);
        QCOMPARE(steps[1].share, 50);
        QCOMPARE(steps[1].replicas, 2);
        QCOMPARE(steps[2].share, 100);
        QCOMPARE(verdicts(steps),
            QList<CanaryStepResult::Verdict>({ CanaryStepResult::Verdict::Passed, CanaryStepResult::Verdict::Passed,
                CanaryStepResult::Verdict::Passed }));
        QVERIFY2(steps[0].message.contains(QStringLiteral("monitoring stayed at or below 0.05")),
            qPrintable(steps[0].message));
        for (const Delivery::StepState &step : delivery.steps()) {
            if (step.step == Delivery::Step::Canary) {
                QCOMPARE(step.state, Delivery::State::Succeeded);
                QVERIFY2(step.message.contains(QStringLiteral("10 % passed, 50 % passed, 100 % passed")),
                    qPrintable(step.message));
            }
        }
        const QString log = delivery.log();
        QVERIFY2(log.contains(QStringLiteral("catalog: canary at 10 %: 1 new pod beside 2 old")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("deployment/catalog held back for the canary")), qPrintable(log));
        const ReleaseRecord record = DeliveryTestWorld::storeFor(ns).list().value(0);
        QCOMPARE(record.id, delivery.result().releaseId);
        QCOMPARE(record.result, ReleaseRecord::Result::Succeeded);
        QCOMPARE(record.system(QStringLiteral("catalog"))->canary, steps);
        QVERIFY(record.system(QStringLiteral("catalog"))->revision > 1);
    }

    void errorRateDuringTheSecondShareAbortsIt()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray service = newService();
        QVERIFY(push(service, 1000, 1));
        const Ecosystem ecosystem = ecosystemWith(ns, QStringLiteral("{steps: [10, 50, 100], pause: 20s}"), service);
        deliverFirstRelease(ecosystem);
        const QJsonObject before = deployment(ns, QStringLiteral("catalog"));

        Delivery delivery(ecosystem, QStringLiteral("test"), catalog(QStringLiteral("v2")), m_world.options());
        delivery.start();
        QTRY_VERIFY_WITH_TIMEOUT(catalogCanaryAt(delivery, 1, CanaryStepResult::Verdict::Holding), 120000);
        QVERIFY(push(service, 1000, 200));
        QVERIFY(delivery.wait(std::chrono::minutes(3)));
        const Delivery::Result result = delivery.result();
        QCOMPARE(result.outcome, Delivery::Outcome::RolledBack);
        QCOMPARE(result.failedStep, QStringLiteral("canary"));
        QVERIFY2(result.reason.contains(QStringLiteral("canary aborted at 50 %")), qPrintable(result.reason));
        QVERIFY2(result.reason.contains(QStringLiteral("above the threshold 0.05")), qPrintable(result.reason));

        // The main Deployment never changed; the canary is gone.
        const QJsonObject after = deployment(ns, QStringLiteral("catalog"));
        QCOMPARE(after[QLatin1String("metadata")][QLatin1String("generation")].toInteger(),
            before[QLatin1String("metadata")][QLatin1String("generation")].toInteger());
        QCOMPARE(after[QLatin1String("spec")][QLatin1String("template")].toObject(),
            before[QLatin1String("spec")][QLatin1String("template")].toObject());
        QVERIFY(deployment(ns, QStringLiteral("catalog-canary")).isEmpty());
        QVERIFY(canaries(ns).isEmpty());

        const QList<CanaryStepResult> steps = delivery.canary().value(QStringLiteral("catalog"));
        QCOMPARE(verdicts(steps),
            QList<CanaryStepResult::Verdict>({ CanaryStepResult::Verdict::Passed, CanaryStepResult::Verdict::Failed,
                CanaryStepResult::Verdict::Pending }));
        const ReleaseRecord record = DeliveryTestWorld::storeFor(ns).list().value(0);
        QCOMPARE(record.id, result.releaseId);
        QCOMPARE(record.result, ReleaseRecord::Result::Failed);
        QCOMPARE(record.system(QStringLiteral("catalog"))->canary, steps);
    }

    // An alert of catalog that begins to fire while the first share is held
    // aborts the canary at once, naming the alert; nothing of the main
    // Deployment changed. No monitoring query: the alert alone judges.
    void alertDuringTheFirstShareAbortsIt()
    {
        const QString alertmanager = m_fixture.value(QStringLiteral("ALERTMANAGER_URL"));
        QVERIFY2(!alertmanager.isEmpty(), "the prometheus fixture has no Alertmanager");
        const QString ns = m_world.newNamespace();
        // The series' shop is this test's own: tests side by side never see each other's alerts.
        const QByteArray shop = newService();
        const Ecosystem ecosystem = m_world.ecosystemFor(ns, QStringLiteral("staging"), {},
            QStringLiteral("variables: {SHOP: %1}\n"
                           "rollback:\n  rolloutTimeout: 60s\n  alerts:\n    alertmanager: %2\n"
                           "    matchers: ['shop=\"${SHOP}\"', 'service=\"${SYSTEM}\"', 'env=\"${ENVIRONMENT}\"']\n"
                           "    window: 2s\n    interval: 1s\n")
                .arg(QString::fromLatin1(shop), alertmanager),
            QStringLiteral("    canary: {steps: [50, 100], pause: 5m}\n"));
        deliverFirstRelease(ecosystem);
        const QJsonObject before = deployment(ns, QStringLiteral("catalog"));

        Delivery delivery(ecosystem, QStringLiteral("test"), catalog(QStringLiteral("v2")), m_world.options());
        delivery.start();
        QTRY_VERIFY_WITH_TIMEOUT(catalogCanaryAt(delivery, 0, CanaryStepResult::Verdict::Holding), 120000);
        QVERIFY(sendAlertSeries("POST", shop));
        const AlertmanagerClient client { QUrl(alertmanager) };
        const QList<AlertMatcher> matchers { *AlertMatcher::parse(
            QStringLiteral("shop=\"%1\"").arg(QString::fromLatin1(shop))) };
        QTRY_VERIFY_WITH_TIMEOUT(client.alerts(matchers).alerts.size() == 1, 60000);
        // Well within the five minutes' hold: the alert, not its end, decided.
        QVERIFY(delivery.wait(std::chrono::minutes(2)));
        QVERIFY(sendAlertSeries("DELETE", shop));
        const Delivery::Result result = delivery.result();
        QCOMPARE(result.outcome, Delivery::Outcome::RolledBack);
        QCOMPARE(result.failedStep, QStringLiteral("canary"));
        QVERIFY2(result.reason.contains(QStringLiteral("canary aborted at 50 %")), qPrintable(result.reason));
        QVERIFY2(result.reason.contains(QStringLiteral("alert ShipyardTestAlert")), qPrintable(result.reason));

        // The main Deployment never changed; the canary is gone.
        const QJsonObject after = deployment(ns, QStringLiteral("catalog"));
        QCOMPARE(after[QLatin1String("metadata")][QLatin1String("generation")].toInteger(),
            before[QLatin1String("metadata")][QLatin1String("generation")].toInteger());
        QCOMPARE(after[QLatin1String("spec")][QLatin1String("template")].toObject(),
            before[QLatin1String("spec")][QLatin1String("template")].toObject());
        QVERIFY(deployment(ns, QStringLiteral("catalog-canary")).isEmpty());
        QCOMPARE(verdicts(delivery.canary().value(QStringLiteral("catalog"))),
            QList<CanaryStepResult::Verdict>(
                { CanaryStepResult::Verdict::Failed, CanaryStepResult::Verdict::Pending }));
    }

    // Both ends on the command line, as two people on two machines would:
    // `shipyardctl deliver --output json` pauses, `shipyardctl canary promote` goes on.
    void personPromotesAPausedCanary()
    {
        const QString ns = m_world.newNamespace();
        const QByteArray service = newService();
        QVERIFY(push(service, 1000, 1));
        const Ecosystem ecosystem = ecosystemWith(ns, QStringLiteral("{steps: [25, 50, 100], pause: manual}"), service);
        deliverFirstRelease(ecosystem);

        QProcess deliver;
        deliver.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            { QStringLiteral("deliver"), QStringLiteral("--ecosystem"), ecosystem.filePath,
                QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--kubeconfig"),
                clusterKubeconfigPath(), QStringLiteral("--system"), QStringLiteral("catalog"),
                QStringLiteral("--image"), QStringLiteral("catalog=demo/catalog:v2"), QStringLiteral("--output"),
                QStringLiteral("json") });
        QVERIFY(deliver.waitForStarted());
        QTRY_VERIFY2_WITH_TIMEOUT(canaries(ns).value(0).paused.startsWith(QStringLiteral("waiting for a person")),
            deliver.readAllStandardError().constData(), 90000);
        // Paused, it stays so.
        QVERIFY(!deliver.waitForFinished(3000));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v1"));

        QProcess promote;
        promote.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            { QStringLiteral("canary"), QStringLiteral("promote"), QStringLiteral("catalog"),
                QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--ecosystem"),
                ecosystem.filePath, QStringLiteral("--kubeconfig"), clusterKubeconfigPath() });
        QVERIFY(promote.waitForFinished(60000));
        QVERIFY2(promote.exitCode() == 0, promote.readAllStandardError().constData());
        QVERIFY(QString::fromUtf8(promote.readAllStandardOutput()).contains(QStringLiteral("promote requested")));

        QVERIFY(deliver.waitForFinished(180000));
        const QJsonObject answer = QJsonDocument::fromJson(deliver.readAllStandardOutput()).object();
        QVERIFY2(deliver.exitCode() == 0, deliver.readAllStandardError().constData());
        QCOMPARE(answer.value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v2"));
        QVERIFY(deployment(ns, QStringLiteral("catalog-canary")).isEmpty());
        // The person's promote skipped 50 %.
        const QList<CanaryStepResult> steps =
            CanaryStepResult::fromJson(answer[QLatin1String("canary")][QLatin1String("catalog")].toArray());
        QCOMPARE(verdicts(steps),
            QList<CanaryStepResult::Verdict>({ CanaryStepResult::Verdict::Promoted, CanaryStepResult::Verdict::Skipped,
                CanaryStepResult::Verdict::Passed }));
        QVERIFY2(steps[0].message.startsWith(QStringLiteral("promoted by ")), qPrintable(steps[0].message));
        QCOMPARE(DeliveryTestWorld::storeFor(ns).list().value(0).system(QStringLiteral("catalog"))->canary, steps);
        // Audited where the team sees it.
        const QByteArray events = kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("-o"),
                QStringLiteral("json") });
        QVERIFY2(events.contains("ShipyardCanaryPromote"), events.constData());
    }

    void personAbortsAPausedCanary()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem =
            ecosystemWith(ns, QStringLiteral("{steps: [50, 100], pause: manual}"), newService());
        deliverFirstRelease(ecosystem);
        const QJsonObject before = deployment(ns, QStringLiteral("catalog"));
        Delivery delivery(ecosystem, QStringLiteral("test"), catalog(QStringLiteral("v2")), m_world.options());
        delivery.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            catalogCanaryAt(delivery, 0, CanaryStepResult::Verdict::Holding) && !canaries(ns).value(0).paused.isEmpty(),
            90000);
        // The core API shipyardctl uses, from another thread than the delivery's.
        KubeError error;
        QVERIFY(CanaryControl(m_client, ns)
                .decide(QStringLiteral("catalog"), CanaryControl::Decision::Abort, QStringLiteral("qa@test"), &error));
        QVERIFY(delivery.wait(std::chrono::minutes(3)));
        QCOMPARE(delivery.result().outcome, Delivery::Outcome::RolledBack);
        QVERIFY2(delivery.result().reason.contains(QStringLiteral("aborted by qa@test")),
            qPrintable(delivery.result().reason));
        QCOMPARE(deployment(ns, QStringLiteral("catalog"))[QLatin1String("metadata")][QLatin1String("generation")],
            before[QLatin1String("metadata")][QLatin1String("generation")]);
        QVERIFY(deployment(ns, QStringLiteral("catalog-canary")).isEmpty());
    }

    // Killed while its canary runs, a delivery leaves the canary and its
    // release in progress; the next one restores the last good release and
    // removes the canary.
    void killedDeliveryLeavesNoCanary()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem =
            ecosystemWith(ns, QStringLiteral("{steps: [50, 100], pause: manual}"), newService());
        deliverFirstRelease(ecosystem);
        killDeliveryAtItsPausedCanary(ecosystem, ns);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!deployment(ns, QStringLiteral("catalog-canary")).isEmpty());
        QCOMPARE(DeliveryTestWorld::storeFor(ns).list().value(0).result, ReleaseRecord::Result::InProgress);

        Delivery::Options options = m_world.options();
        options.waitForLock = true; // the killed holder's lease runs out
        // Delivered without a canary of its own, so that nothing waits for a person.
        Ecosystem withoutCanary = ecosystem;
        withoutCanary.environments.first().canary.reset();
        QString log;
        const Delivery::Result next = DeliveryTestWorld::deliver(
            withoutCanary, { { QStringLiteral("mailer"), {}, QStringLiteral("demo/mailer:v3") } }, options, &log);
        QVERIFY2(next.succeeded(), qPrintable(next.reason));
        QVERIFY2(log.contains(QStringLiteral("deployment/catalog-canary deleted")), qPrintable(log));
        QVERIFY(deployment(ns, QStringLiteral("catalog-canary")).isEmpty());
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v1"));
    }

    // A person's word on a canary whose delivery died stays on its
    // Deployment; when nothing cleaned it up (its release record gone), the
    // next release's canary in the same Deployment must not take it as its
    // own: it is for the release it was given to.
    void staleDecisionDecidesNoLaterCanary()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem =
            ecosystemWith(ns, QStringLiteral("{steps: [50, 100], pause: manual}"), newService());
        deliverFirstRelease(ecosystem);
        killDeliveryAtItsPausedCanary(ecosystem, ns);
        if (QTest::currentTestFailed())
            return;
        KubeError error;
        QVERIFY(CanaryControl(m_client, ns)
                .decide(QStringLiteral("catalog"), CanaryControl::Decision::Abort, QStringLiteral("qa@test"), &error));
        QCOMPARE(canaries(ns).value(0).decision, QStringLiteral("abort"));
        // Its records wiped by hand: nothing recovers the interrupted release.
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("delete"), QStringLiteral("configmaps,secrets"),
                QStringLiteral("-l"), QStringLiteral("shipyard.dev/release=true") });

        Delivery::Options options = m_world.options();
        options.waitForLock = true; // the killed holder's lease runs out
        Delivery delivery(ecosystem, QStringLiteral("test"), catalog(QStringLiteral("v3")), options);
        delivery.start();
        QTRY_VERIFY_WITH_TIMEOUT(catalogCanaryAt(delivery, 0, CanaryStepResult::Verdict::Holding), 90000);
        // The old abort does not end it: it waits for a person of its own.
        QVERIFY(!delivery.wait(std::chrono::seconds(5)));
        QVERIFY(CanaryControl(m_client, ns)
                .decide(
                    QStringLiteral("catalog"), CanaryControl::Decision::Promote, QStringLiteral("qa@test"), &error));
        QVERIFY(delivery.wait(std::chrono::minutes(3)));
        QVERIFY2(delivery.result().succeeded(), qPrintable(delivery.result().reason));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v3"));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryCanary)
#include "tst_delivery_canary.moc"
