// SPDX-License-Identifier: GPL-2.0-or-later
// The Health view's model, fed by a real DoctorRunner: every check has its
// row ("checking…") as soon as the run starts, the quick ones fill in first,
// and a context whose server never answers (DeadContexts' silent one) fills
// its own row only, broken, once its time is up. Then the view around it.
#include "DeadContexts.h"
#include "GitTestHelpers.h"

#include "doctor/ApiServerCheck.h"
#include "doctor/ChatWebhookCheck.h"
#include "doctor/DoctorModel.h"
#include "doctor/DoctorRunner.h"
#include "doctor/DoctorView.h"
#include "doctor/ToolCheck.h"
#include "kube/ClusterAccess.h"
#include "model/EcosystemLoader.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

class TestDoctorModel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    DeadContexts m_dead;
    QString m_kubeconfig;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_dead.start());
        m_kubeconfig = m_dir.filePath(QStringLiteral("dead.yaml"));
        QVERIFY(m_dead.writeKubeconfig(m_kubeconfig));
    }

    void fillsRowByRow()
    {
        const ClusterAccess cluster = ClusterAccess::load(m_kubeconfig);
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("CHAT_URL"), QStringLiteral("http://chat.example.org/hooks/row-secret"));
        NotificationChannel channel;
        channel.name = QStringLiteral("team");
        channel.urlEnvironmentVariable = QStringLiteral("CHAT_URL");
        DoctorRunner::Checks checks {
            std::make_shared<ApiServerCheck>(QStringLiteral("hung"), QStringLiteral("hung"),
                cluster.client(QStringLiteral("hung")), QString(), EcosystemKeyLocations()),
            std::make_shared<ChatWebhookCheck>(channel, environment, QStringLiteral("ecosystem.yaml:9:7")),
            std::make_shared<ApiServerCheck>(QStringLiteral("closed"), QStringLiteral("closed"),
                cluster.client(QStringLiteral("closed")), QString(), EcosystemKeyLocations()),
        };
        DoctorRunner runner;
        DoctorModel model;
        model.setRunner(&runner);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy filled(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy finished(&runner, &DoctorRunner::finished);
        QElapsedTimer clock;
        clock.start();
        runner.start(checks, std::chrono::milliseconds(1500));

        // Every row at once, waiting.
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.isChecking());
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(model.index(row, DoctorModel::VerdictColumn).data().toString(), QStringLiteral("checking…"));
            QCOMPARE(model.index(row, 0).data(DoctorModel::VerdictRole).toInt(), -1);
        }
        QCOMPARE(model.index(0, DoctorModel::ComponentColumn).data().toString(), QStringLiteral("environment hung"));
        QVERIFY(model.summary().startsWith(QStringLiteral("Checking… 0 of 3")));

        // The chat and the closed port answer long before the silent server.
        QTRY_COMPARE_WITH_TIMEOUT(filled.count(), 2, 1200);
        QVERIFY(clock.elapsed() < 1500);
        const QList<int> firstRows { filled.at(0).at(0).toModelIndex().row(), filled.at(1).at(0).toModelIndex().row() };
        QVERIFY(firstRows.contains(1) && firstRows.contains(2));
        QCOMPARE(model.index(1, DoctorModel::VerdictColumn).data().toString(), QStringLiteral("warning"));
        QCOMPARE(model.index(2, DoctorModel::VerdictColumn).data().toString(), QStringLiteral("broken"));
        QCOMPARE(model.index(0, DoctorModel::VerdictColumn).data().toString(), QStringLiteral("checking…"));
        QVERIFY(model.summary().startsWith(QStringLiteral("Checking… 2 of 3")));
        QVERIFY(model.index(2, DoctorModel::DetailColumn)
                .data()
                .toString()
                .contains(QStringLiteral("start the apiserver")));
        QVERIFY(!model.index(1, DoctorModel::DetailColumn).data().toString().contains(QStringLiteral("row-secret")));

        // Then the silent one, broken at its time.
        QVERIFY(finished.wait(5000));
        QCOMPARE(filled.count(), 3);
        QCOMPARE(model.index(0, DoctorModel::VerdictColumn).data().toString(), QStringLiteral("broken"));
        QVERIFY(model.index(0, 0).data(DoctorModel::RemedyRole).toString().contains(QStringLiteral("--timeout")));
        QVERIFY(model.index(0, DoctorModel::LatencyColumn).data().toString().endsWith(QStringLiteral(" ms")));
        QVERIFY(!model.isChecking());
        QVERIFY(model.blocksDelivery());
        QCOMPARE(model.count(DoctorResult::Verdict::Broken), 2);
        QCOMPARE(model.count(DoctorResult::Verdict::Warning), 1);
        QVERIFY2(model.summary().contains(QStringLiteral("3 checks in")) &&
                model.summary().contains(QStringLiteral("Deliveries would fail")),
            qPrintable(model.summary()));
        runner.waitForThreads(5000);
    }

    // The view starts its checks only once shown, then shows the model.
    void viewChecksWhenShown()
    {
        const QString file = m_dir.filePath(QStringLiteral("ecosystem.yaml"));
        GitTest::writeFile(file,
            "name: Ward\n"
            "systems:\n  - {name: api, template: backend, repository: api, image: ward/api, manifests: [deploy/]}\n"
            "environments:\n  - {name: dev, kind: local, context: closed, namespace: ward}\n");
        const EcosystemLoadResult loaded = EcosystemLoader().loadFile(file);
        QVERIFY(loaded.ecosystem);
        DoctorView view;
        view.setEcosystem(*loaded.ecosystem, ClusterAccess::load(m_kubeconfig));
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(!view.isChecking());
        view.resize(900, 400);
        view.show();
        QVERIFY(view.model()->rowCount() >= 5); // apiserver, permissions, tracker, git remote, buildah
        QTRY_VERIFY_WITH_TIMEOUT(!view.isChecking(), 10000);
        QCOMPARE(view.model()->index(0, DoctorModel::VerdictColumn).data().toString(), QStringLiteral("broken"));
        const auto *table = view.findChild<QTableView *>();
        QVERIFY(table);
        QCOMPARE(table->model(), view.model());
        // The first broken check is selected, its remedy shown below.
        QCOMPARE(table->currentIndex().row(), 0);
        const auto labels = view.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel *label) {
            return label->text().contains(QStringLiteral("What to do: start the apiserver"));
        }));
        view.runner()->waitForThreads(5000);
    }
};

QTEST_MAIN(TestDoctorModel)
#include "tst_doctormodel.moc"
