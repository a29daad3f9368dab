// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl lock` against the local control plane: take, queue, status,
// release and forced release across processes, each audited as an Event
// and a journal line without the secrets given on the command line.
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include "LocalCluster.h"

#include <csignal>

namespace {

const QByteArray secret = "s3cr3t-" + QByteArray::number(QRandomGenerator::global()->bounded(1000000));

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

QByteArray kubectlOutput(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("kubectl"),
        QStringList { QStringLiteral("--kubeconfig"), LocalCluster::kubeconfigPath(), QStringLiteral("--context"),
            QStringLiteral("local") } +
            arguments);
    process.waitForFinished(60000);
    return process.readAllStandardOutput();
}

} // namespace

class tst_ShipyardctlLock : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ns;
    QString m_ecosystem;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.filePath(QStringLiteral("state")));
        env.insert(QStringLiteral("SHIPYARD_LOCKTEST_TOKEN"), QString::fromLatin1(secret));
        return env;
    }

    void start(QProcess &process, const QStringList &arguments) const
    {
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            QStringList { QStringLiteral("lock") } + arguments +
                QStringList { QStringLiteral("--ecosystem"), m_ecosystem, QStringLiteral("--kubeconfig"),
                    LocalCluster::kubeconfigPath() });
    }

    Run lock(const QStringList &arguments) const
    {
        QProcess process;
        start(process, arguments);
        Run run;
        if (!process.waitForFinished(60000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QJsonObject status() const
    {
        return lock(
            { QStringLiteral("status"), QStringLiteral("test"), QStringLiteral("--output"), QStringLiteral("json") })
            .json();
    }

    static QString identityOf(const QProcess &process) { return QStringLiteral("/%1").arg(process.processId()); }

    static bool waitForOutput(QProcess &process, const QByteArray &text, QByteArray &seen, int timeoutMs = 20000)
    {
        QElapsedTimer clock;
        clock.start();
        while (!seen.contains(text) && clock.elapsed() < timeoutMs) {
            process.waitForReadyRead(200);
            seen += process.readAllStandardOutput();
        }
        return seen.contains(text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_ns = QStringLiteral("ctl-lock-%1-%2")
                   .arg(QCoreApplication::applicationPid())
                   .arg(QRandomGenerator::global()->bounded(100000));
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("local"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
        m_ecosystem = m_dir.filePath(QStringLiteral("eco.yaml"));
        QFile file(m_ecosystem);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("name: Lock\nsystems:\n"
                                  "  - {name: api, template: backend, repository: r, image: demo/api, manifests: [m]}\n"
                                  "environments:\n  - {name: test, kind: local, context: local, namespace: %1}\n")
                .arg(m_ns)
                .toUtf8());
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void takeQueueAndHandOver()
    {
        QJsonObject free = status();
        QCOMPARE(free.value(QLatin1String("held")).toBool(true), false);
        QCOMPARE(free.value(QLatin1String("namespace")).toString(), m_ns);
        QCOMPARE(free.value(QLatin1String("queue")).toArray().size(), 0);

        QProcess first;
        start(first,
            { QStringLiteral("take"), QStringLiteral("test"), QStringLiteral("--lease-seconds"), QStringLiteral("3"),
                QStringLiteral("--reason"), QStringLiteral("freeze, token %1").arg(QString::fromLatin1(secret)) });
        QByteArray firstOut;
        QVERIFY2(waitForOutput(first, "Ctrl-C releases it", firstOut), first.readAllStandardError().constData());

        // Without --wait a second taker is refused at once.
        const Run refused = lock(
            { QStringLiteral("take"), QStringLiteral("test"), QStringLiteral("--output"), QStringLiteral("json") });
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.json().value(QLatin1String("held")).toBool(true), false);
        QVERIFY2(refused.json().value(QLatin1String("error")).toString().contains(identityOf(first)),
            refused.out.constData());

        QProcess second;
        start(second,
            { QStringLiteral("take"), QStringLiteral("test"), QStringLiteral("--wait"),
                QStringLiteral("--lease-seconds"), QStringLiteral("3"), QStringLiteral("--output"),
                QStringLiteral("json") });
        QTRY_COMPARE_WITH_TIMEOUT(status().value(QLatin1String("queue")).toArray().size(), 1, 15000);
        const QJsonObject held = status();
        QVERIFY(held.value(QLatin1String("held")).toBool());
        QVERIFY(held.value(QLatin1String("holder")).toString().endsWith(identityOf(first)));
        QCOMPARE(held.value(QLatin1String("reason")).toString(), QStringLiteral("freeze, token ***"));
        QVERIFY(QDateTime::fromString(held.value(QLatin1String("acquired")).toString(), Qt::ISODateWithMs).isValid());
        QVERIFY(QDateTime::fromString(held.value(QLatin1String("renewed")).toString(), Qt::ISODateWithMs).isValid());
        const QJsonObject waiter = held.value(QLatin1String("queue")).toArray().first().toObject();
        QVERIFY(waiter.value(QLatin1String("identity")).toString().endsWith(identityOf(second)));
        const Run text = lock({ QStringLiteral("status"), QStringLiteral("test") });
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("held by") && text.out.contains("WAITER"), text.out.constData());

        // Ctrl-C (SIGTERM here) lets go; the waiter gets the lock.
        ::kill(pid_t(first.processId()), SIGTERM);
        QVERIFY(first.waitForFinished(15000));
        QCOMPARE(first.exitCode(), 0);
        QByteArray secondOut;
        QVERIFY(waitForOutput(second, "}", secondOut));
        const QJsonObject taken = QJsonDocument::fromJson(secondOut).object();
        QVERIFY2(taken.value(QLatin1String("held")).toBool(), secondOut.constData());
        QVERIFY(status().value(QLatin1String("holder")).toString().endsWith(identityOf(second)));
        QCOMPARE(status().value(QLatin1String("queue")).toArray().size(), 0);

        // Released from another terminal of the same user: no --force needed.
        const Run released = lock(
            { QStringLiteral("release"), QStringLiteral("test"), QStringLiteral("--output"), QStringLiteral("json") });
        QCOMPARE(released.exitCode, 0);
        QCOMPARE(released.json().value(QLatin1String("forced")).toBool(true), false);
        QVERIFY(second.waitForFinished(15000));
        QCOMPARE(second.exitCode(), 1); // it noticed the lock was gone
        QCOMPARE(status().value(QLatin1String("held")).toBool(true), false);

        // Audited: Events in the namespace, journal lines with both identities, no secret.
        const QByteArray events = kubectlOutput({ QStringLiteral("-n"), m_ns, QStringLiteral("get"),
            QStringLiteral("events"), QStringLiteral("-o"), QStringLiteral("json") });
        const QJsonArray items = QJsonDocument::fromJson(events).object().value(QLatin1String("items")).toArray();
        QStringList reasons;
        for (const QJsonValue &item : items) {
            reasons.append(item[QLatin1String("reason")].toString());
            QVERIFY(item[QLatin1String("message")].toString().startsWith(QStringLiteral("admin ")));
        }
        QVERIFY2(reasons.contains(QStringLiteral("ShipyardLockTake")) &&
                reasons.contains(QStringLiteral("ShipyardLockRelease")),
            qPrintable(reasons.join(QLatin1Char(','))));
        QFile journal(m_dir.filePath(QStringLiteral("state/shipyard/audit.jsonl")));
        QVERIFY(journal.open(QIODevice::ReadOnly));
        bool byAdmin = false;
        bool journaledTake = false;
        while (!journal.atEnd()) { // a line at a time, as every reader of the journal does
            const QByteArray line = journal.readLine();
            byAdmin = byAdmin || line.contains("\"kubernetes\":\"admin\"");
            journaledTake = journaledTake || line.contains("\"what\":\"lock.take\"");
            QVERIFY2(!line.contains(secret), "the secret reached the audit journal");
        }
        QVERIFY(byAdmin);
        QVERIFY(journaledTake);
        QVERIFY2(!events.contains(secret), "the secret reached the audit");
    }

    void forceBreaksAnotherOnesLock()
    {
        // Someone on another machine holds the environment.
        const QString now = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
        QVERIFY(LocalCluster::kubectl(QStringLiteral("local"),
            { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            QStringLiteral(
                "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: shipyard-delivery, namespace: %1}\n"
                "spec: {holderIdentity: carol@elsewhere/42, leaseDurationSeconds: 60, acquireTime: '%2', renewTime: "
                "'%2'}\n")
                .arg(m_ns, now)
                .toUtf8()));
        const Run refused = lock({ QStringLiteral("release"), QStringLiteral("test") });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(
            refused.err.contains("carol@elsewhere/42") && refused.err.contains("--force"), refused.err.constData());
        QCOMPARE(status().value(QLatin1String("holder")).toString(), QStringLiteral("carol@elsewhere/42"));

        const Run forced = lock({ QStringLiteral("release"), QStringLiteral("test"), QStringLiteral("--force"),
            QStringLiteral("--output"), QStringLiteral("json") });
        QCOMPARE(forced.exitCode, 0);
        QCOMPARE(forced.json().value(QLatin1String("forced")).toBool(), true);
        QCOMPARE(forced.json().value(QLatin1String("previousHolder")).toString(), QStringLiteral("carol@elsewhere/42"));
        QCOMPARE(status().value(QLatin1String("held")).toBool(true), false);
        const QByteArray warnings = kubectlOutput({ QStringLiteral("-n"), m_ns, QStringLiteral("get"),
            QStringLiteral("events"), QStringLiteral("--field-selector"),
            QStringLiteral("type=Warning,reason=ShipyardLockRelease"), QStringLiteral("-o"), QStringLiteral("json") });
        const QJsonArray items = QJsonDocument::fromJson(warnings).object().value(QLatin1String("items")).toArray();
        // The refused attempt and the forced release, both warnings.
        QStringList messages;
        for (const QJsonValue &item : items)
            messages.append(item[QLatin1String("message")].toString());
        messages.sort();
        QCOMPARE(messages.size(), 2);
        QVERIFY2(messages.at(0).contains(QStringLiteral(": failed: held by carol@elsewhere/42")),
            qPrintable(messages.at(0)));
        QVERIFY2(messages.at(1).contains(QStringLiteral(": released")), qPrintable(messages.at(1)));

        // Nothing to release: "no", exit 1.
        QCOMPARE(lock({ QStringLiteral("release"), QStringLiteral("test") }).exitCode, 1);
        // Usage errors: exit 2.
        QCOMPARE(lock({ QStringLiteral("grab"), QStringLiteral("test") }).exitCode, 2);
        QCOMPARE(lock({ QStringLiteral("status"), QStringLiteral("nowhere") }).exitCode, 2);
        QCOMPARE(lock({ QStringLiteral("status"), QStringLiteral("test"), QStringLiteral("--environment"),
                          QStringLiteral("test") })
                     .exitCode,
            2);
        // The environment as an option, like the other commands take it.
        QCOMPARE(
            lock({ QStringLiteral("status"), QStringLiteral("--environment"), QStringLiteral("test") }).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(tst_ShipyardctlLock)
#include "tst_shipyardctl_lock.moc"
