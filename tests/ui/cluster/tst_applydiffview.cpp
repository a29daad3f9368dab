// SPDX-License-Identifier: GPL-2.0-or-later
// The Cluster view's Diff tab against the local control plane: a system
// Shipyard delivered shows "No drift"; a kubectl scale shows as the replicas
// a delivery would restore, highlighted as a diff; a pod is compared as its
// deployment; a deployment no manifest holds is "not managed by Shipyard";
// nothing is asked of the cluster while the tab is hidden.
#include "DeliveryTestWorld.h"

#include "cluster/ApplyDiffView.h"
#include "cluster/ClusterTreeModel.h"
#include "cluster/ClusterView.h"

#include <QAbstractItemModelTester>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextLayout>

using namespace Shipyard;
using namespace Shipyard::TestSupport;
using Kind = ClusterTreeModel::Kind;
using State = ApplyDiffView::State;

class TestApplyDiffView : public QObject
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

    void tabShowsDrift()
    {
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = m_world.ecosystemFor(ns);
        const Delivery::Result delivered = DeliveryTestWorld::deliver(
            ecosystem, { { QStringLiteral("catalog"), {}, QStringLiteral("demo/catalog:v1") } }, m_world.options());
        QVERIFY2(delivered.succeeded(), qPrintable(delivered.reason));
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("create"), QStringLiteral("deployment"), QStringLiteral("stray"),
                QStringLiteral("--image=demo/stray:1") });

        ClusterTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ClusterView view(&model);
        view.setEcosystem(ecosystem);
        view.resize(1200, 800);
        view.show();
        ApplyDiffView *diff = view.diffView();
        view.detailTabs()->setCurrentWidget(diff);
        model.addContext(QStringLiteral("local"), clusterClient(QStringLiteral("local")), { ns });
        const auto find = [&](Kind kind, const QString &name) {
            return QPersistentModelIndex(model.findIndex(kind, QStringLiteral("local"), ns, name));
        };
        QTRY_VERIFY_WITH_TIMEOUT(find(Kind::Deployment, QStringLiteral("catalog")).isValid(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(find(Kind::Deployment, QStringLiteral("stray")).isValid(), 30000);
        const QPersistentModelIndex catalog = find(Kind::Deployment, QStringLiteral("catalog"));

        QElapsedTimer clock;
        clock.start();
        view.select(catalog);
        QTRY_COMPARE_WITH_TIMEOUT(diff->state(), State::NoDrift, 30000);
        qInfo("Diff tab, delivered system: %lld ms to \"No drift\"", qint64(clock.elapsed()));
        QVERIFY2(diff->statusText().startsWith(QStringLiteral("No drift: catalog in test, image demo/catalog:v1")),
            qPrintable(diff->statusText()));
        QVERIFY(diff->diffText().startsWith(QStringLiteral("# deployment/catalog: no drift\n")));

        // Someone scales by hand: the tab follows the live object.
        kubectl(QStringLiteral("local"),
            { QStringLiteral("-n"), ns, QStringLiteral("scale"), QStringLiteral("deployment/catalog"),
                QStringLiteral("--replicas=3") });
        QTRY_COMPARE_WITH_TIMEOUT(diff->state(), State::Drift, 30000);
        QVERIFY2(diff->statusText().contains(QStringLiteral("deployment/catalog")), qPrintable(diff->statusText()));
        const QString text = diff->diffText();
        QVERIFY2(text.contains(QStringLiteral("# deployment/catalog: changed: spec.replicas\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\n-  replicas: 3\n+  replicas: 2\n")), qPrintable(text));
        // Highlighted with the Diff definition: the removed line is formatted.
        QTextBlock removed = diff->textView()->document()->begin();
        while (removed.isValid() && removed.text() != QLatin1String("-  replicas: 3"))
            removed = removed.next();
        QVERIFY(removed.isValid());
        QTRY_VERIFY(!removed.layout()->formats().isEmpty());

        // A pod speaks for its deployment.
        const auto firstPod = [&] {
            for (int r = 0; r < model.rowCount(catalog); ++r) {
                const QModelIndex replicaSet = model.index(r, 0, catalog);
                if (model.rowCount(replicaSet) > 0)
                    return model.index(0, 0, replicaSet);
            }
            return QModelIndex();
        };
        QTRY_VERIFY_WITH_TIMEOUT(firstPod().isValid(), 30000);
        view.select(firstPod());
        QTRY_COMPARE_WITH_TIMEOUT(diff->state(), State::Drift, 30000);
        QVERIFY(diff->diffText().contains(QStringLiteral("+  replicas: 2\n")));

        // A deployment of no system.
        view.select(find(Kind::Deployment, QStringLiteral("stray")));
        QTRY_COMPARE_WITH_TIMEOUT(diff->state(), State::NotManaged, 30000);
        QVERIFY2(diff->statusText().contains(QStringLiteral("no system's manifests hold deployment/stray")),
            qPrintable(diff->statusText()));

        // Hidden, the tab waits; shown, it compares.
        view.detailTabs()->setCurrentIndex(0);
        view.select(catalog);
        QTest::qWait(300);
        QCOMPARE(diff->state(), State::Empty);
        view.detailTabs()->setCurrentWidget(diff);
        QTRY_COMPARE_WITH_TIMEOUT(diff->state(), State::Drift, 30000);
    }
};

QTEST_MAIN(TestApplyDiffView)
#include "tst_applydiffview.moc"
