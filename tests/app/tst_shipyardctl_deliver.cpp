// SPDX-License-Identifier: GPL-2.0-or-later
// Two `shipyardctl deliver` processes into one environment at once, against
// the local control plane: the environment's Lease lets one deliver while the
// other waits, then the other delivers; their deliveries never overlap.
#include "DeliveryTestWorld.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

struct Run
{
    int exitCode = -1;
    QJsonObject json;
    QString progress;
    QDateTime locked; // when the lock step ended: the lease was taken
    QDateTime finished; // when the last step ended
};

QProcess *startDelivery(const QString &ecosystem, const QString &tag)
{
    auto *process = new QProcess;
    QStringList arguments { QStringLiteral("deliver"), QStringLiteral("--ecosystem"), ecosystem,
        QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--kubeconfig"),
        clusterKubeconfigPath(), QStringLiteral("--wait-for-lock"), QStringLiteral("--output"),
        QStringLiteral("json") };
    for (const QString &system : DeliveryTestWorld::systemNames())
        arguments += { QStringLiteral("--system"), system, QStringLiteral("--image"),
            QStringLiteral("%1=demo/%1:%2").arg(system, tag) };
    process->start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), arguments);
    return process;
}

Run finish(QProcess *process)
{
    Run run;
    if (!process->waitForFinished(180000))
        return run;
    run.exitCode = process->exitCode();
    run.json = QJsonDocument::fromJson(process->readAllStandardOutput()).object();
    run.progress = QString::fromUtf8(process->readAllStandardError());
    for (const QJsonValue &value : run.json.value(QLatin1String("steps")).toArray()) {
        const QJsonObject step = value.toObject();
        const QDateTime ended =
            QDateTime::fromString(step.value(QLatin1String("finished")).toString(), Qt::ISODateWithMs);
        if (step.value(QLatin1String("step")).toString() == QLatin1String("lock"))
            run.locked = ended;
        if (ended.isValid() && (!run.finished.isValid() || ended > run.finished))
            run.finished = ended;
    }
    delete process;
    return run;
}

} // namespace

class TestShipyardctlDeliver : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
    }

    void twoProcessesTakeTurns()
    {
        const QString ns = m_world.newNamespace();
        m_world.ecosystemFor(ns);
        const QString ecosystem = m_world.filePath(ns + QStringLiteral("/ecosystem.yaml"));

        QProcess *first = startDelivery(ecosystem, QStringLiteral("one"));
        QProcess *second = startDelivery(ecosystem, QStringLiteral("two"));
        const Run one = finish(first);
        const Run two = finish(second);
        QVERIFY2(one.exitCode == 0, qPrintable(one.progress));
        QVERIFY2(two.exitCode == 0, qPrintable(two.progress));
        QCOMPARE(one.json.value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(two.json.value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));

        // One of them waited, named the holder, and started after the other ended.
        const bool firstWaited = one.progress.contains(QLatin1String("waiting: test is held by"));
        const bool secondWaited = two.progress.contains(QLatin1String("waiting: test is held by"));
        QVERIFY2(firstWaited != secondWaited, qPrintable(one.progress + QLatin1Char('\n') + two.progress));
        const Run &earlier = firstWaited ? two : one;
        const Run &later = firstWaited ? one : two;
        QVERIFY(earlier.finished.isValid() && later.locked.isValid());
        QVERIFY2(later.locked >= earlier.finished,
            qPrintable(later.locked.toString(Qt::ISODateWithMs) + QStringLiteral(" < ") +
                earlier.finished.toString(Qt::ISODateWithMs)));
        // What runs is what the later one delivered.
        const QString tag = firstWaited ? QStringLiteral("one") : QStringLiteral("two");
        for (const QString &system : DeliveryTestWorld::systemNames())
            QCOMPARE(DeliveryTestWorld::imageOf(ns, system), QStringLiteral("demo/%1:%2").arg(system, tag));
        QCOMPARE(
            DeliveryTestWorld::storeFor(ns).list().value(0).id, later.json.value(QLatin1String("release")).toString());
    }
};

QTEST_GUILESS_MAIN(TestShipyardctlDeliver)
#include "tst_shipyardctl_deliver.moc"
