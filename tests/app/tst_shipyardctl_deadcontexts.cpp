// SPDX-License-Identifier: GPL-2.0-or-later
// shipyardctl beside a closed port and a hung server (DeadContexts.h) in the
// same kubeconfig as the local control plane: `contexts` lists them all at
// once (it never connects), `get` on the live context answers within 2 s
// while one on the hung context started at the same moment still waits, and
// the dead ones end with an error that names their server: the closed port at
// once, the hung server after its connect timeout.
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "DeadContexts.h"
#include "LocalCluster.h"

class tst_ShipyardctlDeadContexts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_dead.start());
        const QString dead = m_dir.filePath(QStringLiteral("dead.yaml"));
        QVERIFY(m_dead.writeKubeconfig(dead));
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("KUBECONFIG"), LocalCluster::kubeconfigPath() + QLatin1Char(':') + dead);
        m_ns = QStringLiteral("ctl-dead-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("staging"), { QStringLiteral("create"), QStringLiteral("namespace"), m_ns }));
        QVERIFY(LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("-n"), m_ns, QStringLiteral("create"), QStringLiteral("configmap"),
                QStringLiteral("alive") }));
    }

    void cleanupTestCase()
    {
        LocalCluster::kubectl(QStringLiteral("staging"),
            { QStringLiteral("delete"), QStringLiteral("namespace"), m_ns, QStringLiteral("--wait=false") });
    }

    void contextsListsTheDeadAtOnce()
    {
        QElapsedTimer clock;
        clock.start();
        std::unique_ptr<QProcess> contexts = start({ QStringLiteral("contexts") });
        QVERIFY(contexts->waitForFinished(10000));
        qInfo("contexts in %lld ms", clock.elapsed());
        QVERIFY(clock.elapsed() < 2000);
        QCOMPARE(contexts->exitCode(), 0);
        const QString out = QString::fromUtf8(contexts->readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("https://127.0.0.1:%1").arg(m_dead.hungPort())), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("https://127.0.0.1:%1").arg(m_dead.closedPort())), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("staging")), qPrintable(out));
    }

    void getOnTheLiveContextDoesNotWait()
    {
        QElapsedTimer clock;
        clock.start();
        const QStringList get = { QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-n"), m_ns,
            QStringLiteral("--context") };
        std::unique_ptr<QProcess> hung = start(get + QStringList { QStringLiteral("hung") });
        std::unique_ptr<QProcess> closed = start(get + QStringList { QStringLiteral("closed") });
        std::unique_ptr<QProcess> live = start(get + QStringList { QStringLiteral("staging") });

        QTRY_VERIFY_WITH_TIMEOUT(live->state() == QProcess::NotRunning, 10000);
        const qint64 liveMs = clock.elapsed();
        qInfo("get on the live context: %lld ms", liveMs);
        QCOMPARE(live->exitCode(), 0);
        QVERIFY(QString::fromUtf8(live->readAllStandardOutput()).contains(QStringLiteral("alive")));
        QVERIFY2(liveMs <= 2000, qPrintable(QStringLiteral("%1 ms").arg(liveMs)));
        QCOMPARE(hung->state(), QProcess::Running);

        QTRY_VERIFY_WITH_TIMEOUT(closed->state() == QProcess::NotRunning, 10000);
        qInfo("get on the closed port failed after %lld ms", clock.elapsed());
        QCOMPARE(closed->exitCode(), 1);
        const QString closedError = QString::fromUtf8(closed->readAllStandardError());
        QVERIFY2(
            closedError.contains(QStringLiteral("127.0.0.1:%1").arg(m_dead.closedPort())), qPrintable(closedError));

        QTRY_VERIFY_WITH_TIMEOUT(hung->state() == QProcess::NotRunning, 90000);
        const QString hungError = QString::fromUtf8(hung->readAllStandardError());
        qInfo("get on the hung server failed after %lld ms: %s", clock.elapsed(), qPrintable(hungError.trimmed()));
        QCOMPARE(hung->exitCode(), 1);
        QVERIFY2(hungError.contains(QStringLiteral("127.0.0.1:%1").arg(m_dead.hungPort())), qPrintable(hungError));
        QVERIFY(m_dead.acceptedConnections() > 0);
    }

private:
    std::unique_ptr<QProcess> start(const QStringList &arguments) const
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(m_environment);
        process->start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"), arguments);
        return process;
    }

    QTemporaryDir m_dir;
    DeadContexts m_dead;
    QProcessEnvironment m_environment;
    QString m_ns;
};

QTEST_MAIN(tst_ShipyardctlDeadContexts)
#include "tst_shipyardctl_deadcontexts.moc"
