// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl diff` against the local control plane: a system Shipyard
// delivered shows no drift (exit 0), a `kubectl scale` shows as the replicas
// a delivery would restore (exit 1), and what cannot be compared is an
// error naming the system (exit 2), in text and in JSON alike.
#include "DeliveryTestWorld.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json;
};

} // namespace

class TestShipyardctlDiff : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;
    QString m_ns;
    QString m_ecosystem;

    Run diff(const QStringList &arguments, const QString &format) const
    {
        QProcess process;
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            QStringList { QStringLiteral("diff"), QStringLiteral("--ecosystem"), m_ecosystem,
                QStringLiteral("--environment"), QStringLiteral("test"), QStringLiteral("--kubeconfig"),
                clusterKubeconfigPath(), QStringLiteral("--output"), format } +
                arguments);
        Run run;
        if (!process.waitForFinished(60000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        if (format == QLatin1String("json")) {
            QJsonParseError error {};
            run.json = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
            if (error.error != QJsonParseError::NoError)
                run.exitCode = -2; // stdout must be one JSON document
        }
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        QVERIFY(m_world.isValid());
        m_ns = m_world.newNamespace();
        const Ecosystem ecosystem = m_world.ecosystemFor(m_ns);
        m_ecosystem = ecosystem.filePath;
        const Delivery::Result delivered = DeliveryTestWorld::deliver(
            ecosystem, { { QStringLiteral("catalog"), {}, QStringLiteral("demo/catalog:v1") } }, m_world.options());
        QVERIFY2(delivered.succeeded(), qPrintable(delivered.reason));
    }

    void noDriftExitsZero()
    {
        const Run json = diff({ QStringLiteral("catalog") }, QStringLiteral("json"));
        QVERIFY2(json.exitCode == 0, qPrintable(json.out + json.err));
        QCOMPARE(json.json.value(QLatin1String("drift")).toBool(true), false);
        QCOMPARE(json.json.value(QLatin1String("namespace")).toString(), m_ns);
        const QJsonObject system = json.json.value(QLatin1String("systems")).toArray().first().toObject();
        QCOMPARE(system.value(QLatin1String("image")).toString(), QStringLiteral("demo/catalog:v1"));
        QCOMPARE(system.value(QLatin1String("objects")).toArray().size(), 2);
        const Run text = diff({ QStringLiteral("catalog") }, QStringLiteral("text"));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("# deployment/catalog: no drift\n")), qPrintable(text.out));
    }

    void scaledDeploymentExitsOne()
    {
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("scale"), QStringLiteral("deployment/catalog"),
                QStringLiteral("--replicas=3") });
        // The manifest has no env: kubectl makes the list, and its variable is what is reported.
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("set"), QStringLiteral("env"),
                QStringLiteral("deployment/catalog"), QStringLiteral("EXTRA=1") });
        const Run json = diff({ QStringLiteral("catalog") }, QStringLiteral("json"));
        QVERIFY2(json.exitCode == 1, qPrintable(json.out + json.err));
        QCOMPARE(json.json.value(QLatin1String("drift")).toBool(), true);
        const QJsonArray objects =
            json.json.value(QLatin1String("systems")).toArray().first()[QLatin1String("objects")].toArray();
        bool found = false;
        for (const QJsonValue &object : objects) {
            if (object[QLatin1String("object")].toString() != QLatin1String("deployment/catalog"))
                continue;
            found = true;
            QCOMPARE(object[QLatin1String("change")].toString(), QStringLiteral("changed"));
            QCOMPARE(object[QLatin1String("fields")].toArray(), QJsonArray { QStringLiteral("spec.replicas") });
        }
        QVERIFY(found);
        const Run text = diff({ QStringLiteral("catalog") }, QStringLiteral("text"));
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(
            text.out.contains(QStringLiteral("# deployment/catalog: changed: spec.replicas\n")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("-  replicas: 3\n+  replicas: 2\n")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("# deployment/catalog: set outside Shipyard, a delivery keeps it: "
                                                  "spec.template.spec.containers[name=catalog].env[name=EXTRA] "
                                                  "(kubectl-set)\n")),
            qPrintable(text.out));
    }

    void troubleExitsTwo()
    {
        // mailer was never delivered here: no image to compare with.
        const Run json = diff({ QStringLiteral("mailer") }, QStringLiteral("json"));
        QVERIFY2(json.exitCode == 2, qPrintable(json.out + json.err));
        QVERIFY(json.json.value(QLatin1String("systems"))
                .toArray()
                .first()[QLatin1String("error")]
                .toString()
                .startsWith(QStringLiteral("mailer in %1: ").arg(m_ns)));
        const Run text = diff({ QStringLiteral("mailer") }, QStringLiteral("text"));
        QCOMPARE(text.exitCode, 2);
        QVERIFY2(text.err.contains(QStringLiteral("mailer in %1: no container runs demo/mailer").arg(m_ns)),
            qPrintable(text.err));
        QCOMPARE(diff({ QStringLiteral("nope") }, QStringLiteral("text")).exitCode, 2);
        QCOMPARE(diff({ QStringLiteral("catalog"), QStringLiteral("mailer"), QStringLiteral("--image"),
                          QStringLiteral("demo/x:1") },
                     QStringLiteral("text"))
                     .exitCode,
            2);
    }
};

QTEST_GUILESS_MAIN(TestShipyardctlDiff)
#include "tst_shipyardctl_diff.moc"
