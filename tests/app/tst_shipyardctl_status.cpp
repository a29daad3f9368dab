// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl status` against the local control plane: what runs in an
// environment, and an exit code a script can trust.
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include "LocalCluster.h"

namespace {

struct Status
{
    int exitCode = -1;
    QJsonObject json;
};

Status status(const QString &ecosystem)
{
    QProcess process;
    process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
        { QStringLiteral("status"), QStringLiteral("--ecosystem"), ecosystem, QStringLiteral("--environment"),
            QStringLiteral("staging"), QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath(),
            QStringLiteral("--output"), QStringLiteral("json") });
    if (!process.waitForFinished(60000))
        return {};
    return { process.exitCode(), QJsonDocument::fromJson(process.readAllStandardOutput()).object() };
}

QJsonObject systemNamed(const QJsonObject &root, const QString &name)
{
    const QJsonArray systems = root.value(QLatin1String("systems")).toArray();
    for (const QJsonValue &system : systems) {
        if (system.toObject().value(QLatin1String("name")).toString() == name)
            return system.toObject();
    }
    return {};
}

} // namespace

class tst_ShipyardctlStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_ns = QStringLiteral("ctl-status-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("staging"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void reportsSystemsAndExitCode()
    {
        QTemporaryDir dir;
        const QString ecosystem = dir.filePath(QStringLiteral("eco.yaml"));
        QFile file(ecosystem);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral("name: Status\nsystems:\n"
                           "  - {name: api, template: backend, repository: r, image: demo/api, manifests: [m]}\n"
                           "  - {name: web, template: frontend, repository: r, image: demo/web, manifests: [m]}\n"
                           "environments:\n  - {name: staging, kind: staging, context: staging, namespace: %1}\n")
                .arg(m_ns)
                .toUtf8());
        file.close();

        // Nothing deployed: both systems missing, and that is not healthy.
        Status before = status(ecosystem);
        QCOMPARE(before.exitCode, 1);
        QCOMPARE(systemNamed(before.json, QStringLiteral("api")).value(QLatin1String("health")).toString(),
            QStringLiteral("missing"));
        QVERIFY(before.json.value(QLatin1String("lock")).isNull());

        for (const QString &system : { QStringLiteral("api"), QStringLiteral("web") }) {
            QVERIFY(LocalCluster::kubectl(QStringLiteral("staging"),
                { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
                QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: %2, namespace: %1, "
                               "annotations: {shipyard.dev/git-sha: 0123456789abcdef}}\n"
                               "spec:\n  replicas: 2\n  selector: {matchLabels: {app: %2}}\n"
                               "  template:\n    metadata: {labels: {app: %2}}\n"
                               "    spec: {containers: [{name: %2, image: 'demo/%2:v3'}]}\n")
                    .arg(m_ns, system)
                    .toUtf8()));
        }
        Status after;
        QElapsedTimer timer;
        timer.start();
        do {
            after = status(ecosystem);
        } while (after.exitCode != 0 && timer.elapsed() < 60000 && (QTest::qWait(500), true));
        QCOMPARE(after.exitCode, 0);
        const QJsonObject api = systemNamed(after.json, QStringLiteral("api"));
        QCOMPARE(api.value(QLatin1String("health")).toString(), QStringLiteral("healthy"));
        QCOMPARE(api.value(QLatin1String("tag")).toString(), QStringLiteral("v3"));
        QCOMPARE(api.value(QLatin1String("ready")).toInt(), 2);
        QCOMPARE(api.value(QLatin1String("gitSha")).toString(), QStringLiteral("0123456789abcdef"));
        QCOMPARE(after.json.value(QLatin1String("namespace")).toString(), m_ns);
        QVERIFY(after.json.value(QLatin1String("healthy")).toBool());
    }

    // A window holding now and the next one, as a release manager reads them.
    void showsFreezeWindows()
    {
        QTemporaryDir dir;
        const QString ecosystem = dir.filePath(QStringLiteral("eco.yaml"));
        QFile file(ecosystem);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QDate today = QDateTime::currentDateTimeUtc().date();
        file.write(QStringLiteral("name: Status\nsystems:\n"
                                  "  - {name: api, template: backend, repository: r, image: demo/api, manifests: [m]}\n"
                                  "environments:\n  - name: staging\n    kind: local\n    context: staging\n"
                                  "    namespace: %1\n    freezes:\n"
                                  "      - {from: \"%2\", to: \"%3\", reason: the launch}\n"
                                  "      - {from: \"%4\", to: \"%5\", reason: the audit}\n")
                .arg(m_ns, today.addDays(-1).toString(Qt::ISODate), today.addDays(1).toString(Qt::ISODate),
                    today.addDays(3).toString(Qt::ISODate), today.addDays(4).toString(Qt::ISODate))
                .toUtf8());
        file.close();
        const Status now = status(ecosystem);
        const QJsonObject frozen = now.json.value(QLatin1String("frozen")).toObject();
        QCOMPARE(frozen.value(QLatin1String("reason")).toString(), QStringLiteral("the launch"));
        QCOMPARE(frozen.value(QLatin1String("until")).toString(),
            QDateTime(today.addDays(1), QTime(0, 0), QTimeZone::UTC).toString(Qt::ISODate));
        QCOMPARE(now.json.value(QLatin1String("nextFreeze")).toObject().value(QLatin1String("reason")).toString(),
            QStringLiteral("the audit"));
    }

    void unknownContextFails()
    {
        QTemporaryDir dir;
        const QString ecosystem = dir.filePath(QStringLiteral("eco.yaml"));
        QFile file(ecosystem);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name: Status\nsystems:\n"
                   "  - {name: api, template: backend, repository: r, image: demo/api, manifests: [m]}\n"
                   "environments:\n  - {name: staging, kind: staging, context: no-such-context, namespace: x}\n");
        file.close();
        QCOMPARE(status(ecosystem).exitCode, 1);
    }

private:
    QString m_ns;
};

QTEST_GUILESS_MAIN(tst_ShipyardctlStatus)
#include "tst_shipyardctl_status.moc"
