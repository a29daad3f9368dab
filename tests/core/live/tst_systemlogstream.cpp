// SPDX-License-Identifier: GPL-2.0-or-later
// A system's log against the local control plane: every pod of a
// Deployment followed and merged by time, pods joining on a scale, a
// crash-looping pod's previous log, the bound, and cut streams read again
// without a line twice. kwok serves resources/kwok/logs/backend.log to a
// container named "backend" (14 lines, timestamps of 2025) and crash.log
// as a crashed container's previous log.
#include "live/LogFilter.h"
#include "live/SystemLogStream.h"

#include "kube/ClusterAccess.h"
#include "kube/KubeClient.h"
#include "kube/Kubeconfig.h"

#include <QFile>
#include <QHash>
#include <QSignalSpy>
#include <QTest>

#include "LocalCluster.h"

using namespace Shipyard;

namespace {

const QString context = QStringLiteral("local");

// The simulated log's lines, without the CRI prefix (time, stream, tag).
QStringList backendLog()
{
    QFile file(QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/kwok/logs/backend.log"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).chopped(1);
        lines.append(line.section(QLatin1Char(' '), 3));
    }
    return lines;
}

QHash<QString, QStringList> linesByPod(const SystemLogStream &stream)
{
    QHash<QString, QStringList> byPod;
    for (int i = 0; i < stream.lineCount(); ++i)
        byPod[stream.line(i).pod].append(stream.line(i).text);
    return byPod;
}

} // namespace

class tst_SystemLogStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_ns = QStringLiteral("syslog-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(context, { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
        QVERIFY(LocalCluster::kubectl(context, { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            LocalCluster::deploymentYaml(m_ns, QStringLiteral("api"), 3, QStringLiteral("demo/api:1"))));
        QVERIFY(LocalCluster::kubectl(context, { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") },
            LocalCluster::deploymentYaml(m_ns, QStringLiteral("broken"), 1, QStringLiteral("demo/api:1-broken"))));
        QVERIFY(LocalCluster::waitRolledOut(context, m_ns, QStringLiteral("api")));
        const Kubeconfig config = Kubeconfig::load(LocalCluster::kubeconfigPath());
        QVERIFY2(config.isValid(), qPrintable(config.errorString()));
        QString error;
        m_client = ClusterAccess(config, {}).client(context, &error);
        QVERIFY2(m_client.isValid(), qPrintable(error));
        m_log = backendLog();
        QCOMPARE(m_log.size(), 14);
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(
            context, { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void followsEveryPodMergedByTime()
    {
        SystemLogStream stream(m_client, m_ns);
        stream.setDeployment(QStringLiteral("api"));
        SystemLogStream::Options options;
        options.reorderWindow = std::chrono::milliseconds(5000);
        stream.setOptions(options);
        QSignalSpy batches(&stream, &SystemLogStream::linesAppended);
        stream.start();
        QTRY_COMPARE_WITH_TIMEOUT(stream.lineCount(), 3 * 14, 30000);
        QCOMPARE(stream.pods().size(), 3);
        // Each pod's lines, complete and in their order, tagged with pod and container.
        const QHash<QString, QStringList> byPod = linesByPod(stream);
        QCOMPARE(byPod.size(), 3);
        for (auto it = byPod.begin(); it != byPod.end(); ++it) {
            QVERIFY2(stream.pods().contains(it.key()), qPrintable(it.key()));
            QCOMPARE(it.value(), m_log);
        }
        for (int i = 0; i < stream.lineCount(); ++i)
            QCOMPARE(stream.line(i).container, QStringLiteral("backend"));
        // Merged by time: never a line older than the one before, the three pods' lines of a moment side by side.
        for (int i = 1; i < stream.lineCount(); ++i)
            QVERIFY2(stream.line(i).time >= stream.line(i - 1).time, qPrintable(QString::number(i)));
        QCOMPARE(stream.lateCount(), 0);
        QSet<QString> firstMoment;
        for (int i = 0; i < 3; ++i)
            firstMoment.insert(stream.line(i).pod);
        QCOMPARE(firstMoment.size(), 3);
        QCOMPARE(stream.line(0).dateTime().toString(Qt::ISODateWithMs), QStringLiteral("2025-06-02T09:14:03.137Z"));
        // In batches, not a signal a line.
        QVERIFY2(batches.size() < 10, qPrintable(QString::number(batches.size())));
        QCOMPARE(stream.droppedCount(), 0);
        QCOMPARE(stream.openStreamCount(), 3); // followed: the streams stay open

        // A filter over what is kept: text, regular expression, pod.
        LogFilter filter;
        filter.setText(QStringLiteral("DATABASE"));
        int matching = 0;
        for (int i = 0; i < stream.lineCount(); ++i)
            matching += filter.matches(stream.line(i)) ? 1 : 0;
        QCOMPARE(matching, 3);
        filter.setText(QStringLiteral("\"status\":(404|201)"), true);
        filter.setPod(stream.pods().first());
        matching = 0;
        for (int i = 0; i < stream.lineCount(); ++i)
            matching += filter.matches(stream.line(i)) ? 1 : 0;
        QCOMPARE(matching, 2);

        // A scale: the new pod's lines join.
        QVERIFY(LocalCluster::kubectl(context,
            { QStringLiteral("-n"), m_ns, QStringLiteral("scale"), QStringLiteral("deployment/api"),
                QStringLiteral("--replicas=4") }));
        QVERIFY(LocalCluster::waitReadyPods(context, m_ns, QStringLiteral("api"), 4));
        QTRY_COMPARE_WITH_TIMEOUT(stream.lineCount(), 4 * 14, 30000);
        QCOMPARE(stream.pods().size(), 4);
        QCOMPARE(linesByPod(stream).size(), 4);

        // A stream cut as the network would: read again from its last line's
        // second, the lines of that second already seen skipped.
        const QString cut = stream.pods().first();
        stream.simulateDisconnect(cut);
        QTRY_VERIFY_WITH_TIMEOUT(stream.retryCount() >= 1 && stream.openStreamCount() == 4, 15000);
        QTest::qWait(1500);
        QCOMPARE(stream.lineCount(), 4 * 14);
        QCOMPARE(linesByPod(stream).value(cut), m_log);

        // A deleted pod: its stream ends, its lines stay, the others neither lose nor repeat a line,
        // and its replacement joins.
        const QString deleted = stream.pods().at(1);
        QVERIFY(LocalCluster::kubectl(context,
            { QStringLiteral("-n"), m_ns, QStringLiteral("delete"), QStringLiteral("pod"), deleted,
                QStringLiteral("--wait=false") }));
        QVERIFY(LocalCluster::waitReadyPods(context, m_ns, QStringLiteral("api"), 4, { deleted }));
        QTRY_VERIFY_WITH_TIMEOUT(!stream.pods().contains(deleted) && stream.lineCount() == 5 * 14, 30000);
        QTest::qWait(1000);
        QCOMPARE(stream.lineCount(), 5 * 14);
        const QHash<QString, QStringList> after = linesByPod(stream);
        QCOMPARE(after.size(), 5);
        for (auto it = after.begin(); it != after.end(); ++it)
            QCOMPARE(it.value(), m_log);
        QCOMPARE(stream.openStreamCount(), 4);
    }

    void keepsAtMostTheBound()
    {
        SystemLogStream stream(m_client, m_ns);
        stream.setLabelSelector(QStringLiteral("app=api"));
        SystemLogStream::Options options;
        options.maximumLines = 20;
        options.reorderWindow = std::chrono::milliseconds(5000);
        stream.setOptions(options);
        stream.start();
        QTRY_COMPARE_WITH_TIMEOUT(stream.receivedCount(), 4 * 14, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(stream.droppedCount(), 4 * 14 - 20, 10000);
        QCOMPARE(stream.lineCount(), 20);
        // The newest were kept: the last five moments of the four pods.
        QCOMPARE(stream.line(19).text, m_log.last());
        QCOMPARE(stream.line(0).text, m_log.at(14 - 5));
    }

    void readsACrashedContainersPreviousLog()
    {
        SystemLogStream stream(m_client, m_ns);
        stream.setDeployment(QStringLiteral("broken"));
        stream.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int i = 0; i < stream.lineCount(); ++i)
                    if (stream.line(i).previous &&
                        stream.line(i).text.contains(QLatin1String("required setting DATABASE_URL is empty")))
                        return true;
                return false;
            }(),
            30000);
        for (int i = 0; i < stream.lineCount(); ++i)
            if (stream.line(i).previous)
                QCOMPARE(stream.line(i).container, QStringLiteral("backend"));
    }

    void readsOnceWithoutFollowing()
    {
        SystemLogStream stream(m_client, m_ns);
        stream.setDeployment(QStringLiteral("api"));
        SystemLogStream::Options options;
        options.follow = false;
        options.tailLines = 3;
        stream.setOptions(options);
        QSignalSpy finished(&stream, &SystemLogStream::finished);
        stream.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(stream.lineCount(), 4 * 3);
        QCOMPARE(stream.openStreamCount(), 0);
        QCOMPARE(stream.line(stream.lineCount() - 1).text, m_log.last());
    }

    void aMissingDeploymentIsAnError()
    {
        SystemLogStream stream(m_client, m_ns);
        stream.setDeployment(QStringLiteral("nonexistent"));
        QSignalSpy errors(&stream, &SystemLogStream::errorOccurred);
        QSignalSpy finished(&stream, &SystemLogStream::finished);
        stream.start();
        QVERIFY(finished.wait(15000));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().first().toString().contains(QLatin1String("nonexistent")),
            qPrintable(errors.first().first().toString()));
    }

private:
    QString m_ns;
    KubeClient m_client;
    QStringList m_log;
};

QTEST_GUILESS_MAIN(tst_SystemLogStream)
#include "tst_systemlogstream.moc"
