// SPDX-License-Identifier: GPL-2.0-or-later
// The informer against the real API server: paging, watching, resuming,
// relisting after "too old resource version", and the model contract
// checked by QAbstractItemModelTester on a list model fed by its signals.
#include "ClusterTestSupport.h"

#include "kube/KubeInformer.h"
#include "kube/KubeInformerRegistry.h"
#include "kube/KubePager.h"

#include <QAbstractItemModelTester>
#include <QAbstractListModel>
#include <QJsonArray>
#include <QPointer>
#include <QRandomGenerator>
#include <QSignalSpy>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

// The smallest model a view would build on an informer: proves the signal
// contract maps 1:1 onto QAbstractItemModel's.
class InformerModel : public QAbstractListModel
{
public:
    explicit InformerModel(KubeInformer *informer) : m_informer(informer)
    {
        connect(informer, &KubeInformer::itemsAboutToBeRemoved, this,
            [this](int first, int last) { beginRemoveRows({}, first, last); });
        connect(informer, &KubeInformer::itemsRemoved, this, [this] { endRemoveRows(); });
        connect(informer, &KubeInformer::itemsAboutToBeInserted, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
        connect(informer, &KubeInformer::itemsInserted, this, [this] { endInsertRows(); });
        connect(informer, &KubeInformer::itemsChanged, this,
            [this](int first, int last) { Q_EMIT dataChanged(index(first), index(last), { Qt::DisplayRole }); });
    }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_informer->count(); }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
            return {};
        return KubeInformer::keyOf(m_informer->item(index.row()));
    }

private:
    KubeInformer *m_informer;
};

} // namespace

class TestKubeInformer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        m_client = clusterClient(QStringLiteral("local"));
        QVERIFY(m_client.isValid());
        m_ns = QStringLiteral("shipyard-informer-%1").arg(QRandomGenerator::global()->bounded(100000));
        KubeResponse response = wait(m_client.create(QStringLiteral("/api/v1/namespaces"),
            QJsonObject { { QStringLiteral("metadata"), QJsonObject { { QStringLiteral("name"), m_ns } } } }));
        QVERIFY2(response.ok(), qPrintable(response.error.message));
        m_type =
            KubeResourceType::make({}, QStringLiteral("v1"), QStringLiteral("configmaps"), QStringLiteral("ConfigMap"));
        // Thousands of objects, created over one multiplexed connection.
        QList<QFuture<KubeResponse>> creations;
        for (int i = 0; i < m_count; ++i)
            creations.append(m_client.create(
                m_type.path(m_ns), simpleConfigMap(QStringLiteral("cm-%1").arg(i), QStringLiteral("0"))));
        for (auto &future : creations) {
            const KubeResponse created = wait(future);
            QVERIFY2(created.ok(), qPrintable(created.error.message));
        }
    }

    void cleanupTestCase()
    {
        if (m_client.isValid() && !m_ns.isEmpty())
            wait(m_client.remove(QStringLiteral("/api/v1/namespaces/") + m_ns));
    }

    void pagerJoinsPages()
    {
        const KubeListResult list = KubePager::list(m_client, m_type.path(m_ns), {}, 100).result();
        QVERIFY2(!list.error.isError(), qPrintable(list.error.message));
        QCOMPARE(list.items.size(), m_count + 1); // + kube-root-ca.crt
        QCOMPARE(list.pages, (m_count + 1 + 99) / 100);
        QVERIFY(!list.resourceVersion.isEmpty());
    }

    void continueTokenExpiry()
    {
        // A continue token whose snapshot etcd has compacted away answers 410.
        KubeRequest first = KubeRequest::get(m_type.path(m_ns));
        first.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("5"));
        const KubeResponse page = wait(m_client.send(first));
        QVERIFY(page.ok());
        const QString token = page.json()[QLatin1String("metadata")][QLatin1String("continue")].toString();
        QVERIFY(!token.isEmpty());
        // One write after the snapshot, so that compacting at the newest revision removes the snapshot's.
        QVERIFY(wait(
            m_client.create(m_type.path(m_ns), simpleConfigMap(QStringLiteral("moves-revision"), QStringLiteral("0"))))
                .ok());
        // The local cluster always has its etcd; not reaching it is a failure, not a reason to skip.
        QVERIFY2(compactEtcd(), "cannot reach etcd to compact it");
        KubeRequest next = KubeRequest::get(m_type.path(m_ns));
        next.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("5"));
        next.query.addQueryItem(QStringLiteral("continue"), token);
        const KubeResponse expired = wait(m_client.send(next));
        QCOMPARE(expired.httpStatus, 410);
        QVERIFY(expired.error.isGone());
        QVERIFY(expired.error.message.startsWith(QLatin1String("Expired:")));
    }

    void informerFollowsTheServer()
    {
        KubeInformer informer(m_client, m_type, m_ns);
        informer.setPageSize(250);
        InformerModel model(&informer);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy synced(&informer, &KubeInformer::synced);
        // Each page shows as it arrives, before the list is complete.
        int insertedBeforeSynced = 0;
        connect(&informer, &KubeInformer::itemsInserted, this, [&](int first, int last) {
            if (!informer.hasSynced())
                insertedBeforeSynced += last - first + 1;
        });
        QSignalSpy inserted(&informer, &KubeInformer::itemsInserted);
        informer.start();
        QVERIFY(synced.wait(30000));
        QCOMPARE(informer.count(), m_count + 2); // + kube-root-ca.crt and moves-revision
        QCOMPARE(model.rowCount(), m_count + 2);
        QCOMPARE(insertedBeforeSynced, m_count + 2);
        QCOMPARE(inserted.count(), (m_count + 2 + 249) / 250);

        // Scattered deletes, updates and creations, some in the same burst.
        QList<QFuture<KubeResponse>> changes;
        for (int i = 0; i < m_count; i += 7)
            changes.append(m_client.remove(m_type.path(m_ns, QStringLiteral("cm-%1").arg(i))));
        for (int i = 3; i < m_count; i += 11)
            if (i % 7 != 0)
                changes.append(m_client.replace(m_type.path(m_ns, QStringLiteral("cm-%1").arg(i)),
                    simpleConfigMap(QStringLiteral("cm-%1").arg(i), QStringLiteral("1"))));
        for (int i = 0; i < 40; ++i)
            changes.append(m_client.create(
                m_type.path(m_ns), simpleConfigMap(QStringLiteral("new-%1").arg(i), QStringLiteral("0"))));
        for (auto &future : changes) {
            const KubeResponse response = wait(future);
            QVERIFY2(response.ok(),
                qPrintable(QString::number(response.httpStatus) + response.error.message +
                    QString::number(int(response.error.kind))));
        }
        QTRY_VERIFY_WITH_TIMEOUT(matchesServer(informer), 20000);
        QCOMPARE(informer.listCount(), 1);
        for (int row = 0; row < informer.count(); ++row)
            QCOMPARE(model.data(model.index(row), Qt::DisplayRole).toString(), KubeInformer::keyOf(informer.item(row)));

        // A dropped connection resumes from the last resourceVersion: no relist.
        informer.simulateDisconnect();
        QVERIFY(wait(
            m_client.create(m_type.path(m_ns), simpleConfigMap(QStringLiteral("after-resume"), QStringLiteral("0"))))
                .ok());
        QTRY_VERIFY_WITH_TIMEOUT(informer.row(m_ns + QStringLiteral("/after-resume")) >= 0, 10000);
        QCOMPARE(informer.listCount(), 1);

        // Resuming from a version the server no longer has: 410, relist, reconcile.
        QVERIFY(wait(m_client.remove(m_type.path(m_ns, QStringLiteral("after-resume")))).ok());
        informer.simulateDisconnect(QStringLiteral("1"));
        QTRY_VERIFY_WITH_TIMEOUT(informer.listCount() == 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(matchesServer(informer), 10000);
        QCOMPARE(informer.row(m_ns + QStringLiteral("/after-resume")), -1);
    }

    void registrySharesAndStops()
    {
        KubeInformerRegistry registry;
        std::shared_ptr<KubeInformer> a = registry.acquire(m_client, m_type, m_ns);
        std::shared_ptr<KubeInformer> b = registry.acquire(m_client, m_type, m_ns);
        QCOMPARE(a.get(), b.get());
        QVERIFY(a->isRunning());
        QCOMPARE(registry.activeCount(), 1);
        QPointer<KubeInformer> watched = a.get();
        a.reset();
        QVERIFY(watched);
        b.reset();
        QTRY_VERIFY(!watched);
        QCOMPARE(registry.activeCount(), 0);
    }

private:
    bool matchesServer(const KubeInformer &informer)
    {
        const KubeListResult list = KubePager::list(m_client, m_type.path(m_ns)).result();
        if (list.error.isError() || list.items.size() != informer.count())
            return false;
        for (const QJsonValue &value : list.items) {
            const QJsonObject object = value.toObject();
            const int row = informer.row(KubeInformer::keyOf(object));
            if (row < 0 ||
                informer.item(row)[QLatin1String("metadata")][QLatin1String("resourceVersion")] !=
                    object[QLatin1String("metadata")][QLatin1String("resourceVersion")])
                return false;
        }
        return true;
    }

    // Compacts etcd at its current revision through its JSON gateway.
    bool compactEtcd()
    {
        QFile ports(QFileInfo(clusterKubeconfigPath()).dir().filePath(QStringLiteral("ports")));
        if (!ports.open(QIODevice::ReadOnly))
            return false;
        QString port;
        for (const QByteArray &line : ports.readAll().split('\n')) {
            if (line.startsWith("etcd="))
                port = QString::fromLatin1(line.mid(5)).trimmed();
        }
        const QString base = QStringLiteral("http://127.0.0.1:%1/v3/kv/").arg(port);
        const auto post = [&](const QString &what, const QByteArray &body) {
            QProcess curl;
            curl.start(QStringLiteral("curl"),
                { QStringLiteral("-sf"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-d"),
                    QString::fromUtf8(body), base + what });
            curl.waitForFinished(10000);
            return QJsonDocument::fromJson(curl.readAllStandardOutput()).object();
        };
        // A range read tells the current revision.
        const QJsonObject range = post(QStringLiteral("range"), R"({"key":"AA==","limit":1})");
        const QString revision = range[QLatin1String("header")][QLatin1String("revision")].toString();
        if (revision.isEmpty())
            return false;
        post(QStringLiteral("compaction"),
            QStringLiteral(R"({"revision":"%1","physical":true})").arg(revision).toUtf8());
        return true;
    }

    const int m_count = 1500;
    KubeClient m_client;
    KubeResourceType m_type;
    QString m_ns;
};

QTEST_GUILESS_MAIN(TestKubeInformer)
#include "tst_kubeinformer.moc"
