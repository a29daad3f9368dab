// SPDX-License-Identifier: GPL-2.0-or-later
// `shipyardctl registry prune` end to end: images pushed into a real
// docker-registry through its HTTP API, used by release records (in the
// production cluster), a live Deployment (staging) and a showroom namespace
// of the local clusters; a dry run, the prune, the registry's own garbage
// collection, a refusal on partial knowledge and a registry that keeps
// deletion disabled. The garbage collection runs on a registry of the
// test's own: on the shared fixture it could delete the blobs of another
// test's push in flight. The shared fixture registry is pruned too.
#include "ClusterTestSupport.h"
#include "FixtureEnvironment.h"
#include "LocalCluster.h"
#include "RegistryTestWorld.h"
#include "TestWorldRequirement.h"

#include "audit/AuditJournal.h"
#include "releases/ReleaseStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestRegistryPrune : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_suffix;
    QString m_stagingNs;
    QString m_productionNs;
    QString m_showroomNs;
    std::unique_ptr<RegistryTest::Server> m_registry;
    QMap<QString, RegistryTest::Image> m_images; // tag → image
    const QString m_repository = QStringLiteral("prune/storefront");

    QString image(const QString &address, const QString &tag) const
    {
        return address + QLatin1Char('/') + m_repository + QLatin1Char(':') + tag;
    }

    QString writeEcosystem(const QString &name, const QString &registry, const QString &extraEnvironments = {}) const
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".yaml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QStringLiteral("apiVersion: shipyard/v1\nname: Prune Shop\n"
                                  "registry:\n  url: %1\n  insecure: true\n"
                                  "systems:\n"
                                  "  - name: storefront\n    template: frontend\n    repository: %2\n"
                                  "    image: %3\n    manifests: [deploy/]\n"
                                  "environments:\n"
                                  "  - name: qa\n    kind: showroom\n    context: showroom\n"
                                  "    namespacePattern: prune-%4-{task}\n    ttl: 72h\n"
                                  "  - name: staging\n    kind: staging\n    context: staging\n    namespace: %5\n"
                                  "  - name: production\n    kind: production\n    context: production\n"
                                  "    namespace: %6\n%7")
                .arg(registry, m_dir.path(), m_repository, m_suffix, m_stagingNs, m_productionNs, extraEnvironments)
                .toUtf8());
        return path;
    }

    Run shipyardctl(const QStringList &arguments) const
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_STATE_HOME"), m_dir.filePath(QStringLiteral("state")));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyardctl"),
            QStringList { QStringLiteral("registry"), QStringLiteral("prune"), QStringLiteral("--kubeconfig"),
                LocalCluster::kubeconfigPath() } +
                arguments);
        if (!process.waitForFinished(300000))
            return {};
        Run run { process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError() };
        qInfo("shipyardctl registry prune %s: exit %d\n%s%s", qPrintable(arguments.join(QLatin1Char(' '))),
            run.exitCode, run.out.constData(), run.err.constData());
        return run;
    }

    static bool apply(const QString &context, const QString &yaml)
    {
        return LocalCluster::kubectl(
            context, { QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-") }, yaml.toUtf8());
    }

    static QString deployment(const QString &ns, const QString &name, const QString &image)
    {
        return QStringLiteral("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: %1, namespace: %2}\n"
                              "spec:\n  replicas: 1\n  selector: {matchLabels: {app: %1}}\n"
                              "  template:\n    metadata: {labels: {app: %1}}\n"
                              "    spec: {containers: [{name: %1, image: \"%3\"}]}\n")
            .arg(name, ns, image);
    }

    static bool saveRecord(const QString &context, const QString &ns, const QString &environment, const QString &image,
        const QDateTime &time)
    {
        ReleaseRecord record;
        record.id = ReleaseRecord::newId(time);
        record.time = time;
        record.who = QStringLiteral("test@host");
        record.environment = environment;
        ReleaseRecord::SystemRelease system;
        system.system = QStringLiteral("storefront");
        system.image = image;
        record.systems.append(system);
        const KubeError error = ReleaseStore(clusterClient(context), ns).save(record);
        if (error.isError())
            qWarning("saving a record: %s", qPrintable(error.message));
        return !error.isError();
    }

    static QStringList tagsOf(const QJsonArray &items)
    {
        QStringList tags;
        for (const QJsonValue &item : items)
            tags.append(item[QLatin1String("tag")].toString());
        tags.sort();
        return tags;
    }

    static QJsonObject tagEntry(const QJsonArray &items, const QString &tag)
    {
        for (const QJsonValue &item : items)
            if (item[QLatin1String("tag")].toString() == tag)
                return item.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(LocalCluster::kubeconfigPath()))
            SHIPYARD_TEST_WORLD_MISSING("the local cluster is not up (packaging/localcluster/cluster up)");
        QVERIFY(m_dir.isValid());
        m_suffix = QString::number(QRandomGenerator::global()->bounded(100000000), 36);
        m_stagingNs = QStringLiteral("prune-staging-") + m_suffix;
        m_productionNs = QStringLiteral("prune-production-") + m_suffix;
        m_showroomNs = QStringLiteral("prune-%1-shop-12").arg(m_suffix);
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("staging"), { QStringLiteral("create"), QStringLiteral("namespace"), m_stagingNs }));
        QVERIFY(LocalCluster::kubectl(
            QStringLiteral("production"), { QStringLiteral("create"), QStringLiteral("namespace"), m_productionNs }));
        // A showroom as ShowroomManager labels one.
        QVERIFY(apply(QStringLiteral("showroom"),
            QStringLiteral("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: %1\n  labels: "
                           "{shipyard.dev/showroom: \"true\", shipyard.dev/environment: qa, "
                           "shipyard.dev/task: SHOP-12}\n")
                .arg(m_showroomNs)));

        m_registry = std::make_unique<RegistryTest::Server>(m_dir.filePath(QStringLiteral("registry")), true);
        QString error;
        QVERIFY2(m_registry->start(&error), qPrintable(error));
        const RegistryTest::Client client(m_registry->url());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // tag → age in days; every one its own image.
        const QList<QPair<QString, int>> ages { { "t-rec", 40 }, { "t-recdigest", 39 }, { "t-live", 38 },
            { "t-show", 37 }, { "t-old1", 30 }, { "t-old2", 25 }, { "t-old3", 28 }, { "t-young", 2 }, { "t-new", 1 } };
        for (const auto &[tag, days] : ages) {
            const auto pushed = client.push(m_repository, tag, "image " + tag.toUtf8(), now.addDays(-days), &error);
            QVERIFY2(pushed, qPrintable(error));
            m_images.insert(tag, *pushed);
        }
        // Tags sharing a manifest: one in use through its twin, one unused with its twin.
        QVERIFY2(
            client.tagAs(m_repository, QStringLiteral("t-alias"), m_images.value("t-rec"), &error), qPrintable(error));
        m_images.insert(QStringLiteral("t-alias"), m_images.value("t-rec"));
        QVERIFY2(
            client.tagAs(m_repository, QStringLiteral("t-old3b"), m_images.value("t-old3"), &error), qPrintable(error));
        m_images.insert(QStringLiteral("t-old3b"), m_images.value("t-old3"));

        const QString address = m_registry->address();
        QVERIFY(saveRecord(QStringLiteral("production"), m_productionNs, QStringLiteral("production"),
            image(address, QStringLiteral("t-rec")), now.addDays(-40)));
        // A record naming its image by digest, as a delivery of a given image may.
        QVERIFY(saveRecord(QStringLiteral("production"), m_productionNs, QStringLiteral("production"),
            address + QLatin1Char('/') + m_repository + QLatin1Char('@') + m_images.value("t-recdigest").digest,
            now.addDays(-39)));
        QVERIFY(apply(QStringLiteral("staging"),
            deployment(m_stagingNs, QStringLiteral("storefront"), image(address, QStringLiteral("t-live")))));
        QVERIFY(apply(QStringLiteral("showroom"),
            deployment(m_showroomNs, QStringLiteral("storefront"), image(address, QStringLiteral("t-show")))));
    }

    void cleanupTestCase()
    {
        for (const auto &[context, ns] : { std::pair { QStringLiteral("staging"), m_stagingNs },
                 std::pair { QStringLiteral("production"), m_productionNs },
                 std::pair { QStringLiteral("showroom"), m_showroomNs } })
            if (!ns.isEmpty())
                LocalCluster::kubectl(context,
                    { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false"),
                        QStringLiteral("--ignore-not-found") });
    }

    // Nothing is deleted while an environment cannot be read.
    void refusesOnPartialKnowledge()
    {
        const QString ecosystem = writeEcosystem(QStringLiteral("partial"), m_registry->address(),
            QStringLiteral("  - name: lab\n    kind: local\n    context: no-such-context\n    namespace: lab\n"));
        const Run run =
            shipyardctl({ QStringLiteral("--ecosystem"), ecosystem, QStringLiteral("--keep"), QStringLiteral("0") });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("nothing deleted") && run.err.contains("environment lab (context no-such-context)"),
            run.err.constData());
        const RegistryTest::Client client(m_registry->url());
        for (const QString &tag : m_images.keys())
            QCOMPARE(client.manifestStatus(m_repository, tag), 200);
    }

    // A cluster that does not answer is no cluster without images.
    void refusesWhenAClusterIsUnreachable()
    {
        const QString kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        QFile::remove(kubeconfig);
        QVERIFY(QFile::copy(LocalCluster::kubeconfigPath(), kubeconfig));
        for (const QStringList &arguments : { QStringList { QStringLiteral("set-cluster"), QStringLiteral("gone"),
                                                  QStringLiteral("--server=https://127.0.0.1:1") },
                 QStringList { QStringLiteral("set-context"), QStringLiteral("gone"), QStringLiteral("--cluster=gone"),
                     QStringLiteral("--user=admin") } }) {
            QProcess kubectl;
            kubectl.start(QStringLiteral("kubectl"),
                QStringList { QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("config") } + arguments);
            QVERIFY(kubectl.waitForFinished(30000) && kubectl.exitCode() == 0);
        }
        const QString ecosystem = writeEcosystem(QStringLiteral("unreachable"), m_registry->address(),
            QStringLiteral("  - name: lab\n    kind: local\n    context: gone\n    namespace: lab\n"));
        // After the local cluster's --kubeconfig: the parser takes the last.
        const Run run =
            shipyardctl({ QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("--ecosystem"), ecosystem,
                QStringLiteral("--keep"), QStringLiteral("0"), QStringLiteral("--output"), QStringLiteral("json") });
        QCOMPARE(run.exitCode, 1);
        const QJsonArray incomplete = run.json()[QLatin1String("incomplete")].toArray();
        QCOMPARE(incomplete.size(), 1);
        QVERIFY2(incomplete.first().toString().startsWith(
                     QLatin1String("environment lab (namespace lab of context gone) cannot be read: ")),
            qPrintable(incomplete.first().toString()));
        QCOMPARE(run.json()[QLatin1String("repositories")][0][QLatin1String("deleted")].toArray().size(), 0);
        const RegistryTest::Client client(m_registry->url());
        for (const QString &tag : m_images.keys())
            QCOMPARE(client.manifestStatus(m_repository, tag), 200);
    }

    void dryRunDeletesNothing()
    {
        const QString ecosystem = writeEcosystem(QStringLiteral("ecosystem"), m_registry->address());
        const Run run = shipyardctl({ QStringLiteral("--ecosystem"), ecosystem, QStringLiteral("--keep"),
            QStringLiteral("1"), QStringLiteral("--older-than"), QStringLiteral("7d"), QStringLiteral("--dry-run"),
            QStringLiteral("--output"), QStringLiteral("json") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject answer = run.json();
        QCOMPARE(answer[QLatin1String("dryRun")].toBool(), true);
        const QJsonArray repositories = answer[QLatin1String("repositories")].toArray();
        QCOMPARE(repositories.size(), 1);
        const QJsonObject repository = repositories.first().toObject();
        QCOMPARE(repository[QLatin1String("repository")].toString(), m_repository);
        const QJsonArray kept = repository[QLatin1String("kept")].toArray();
        const QJsonArray deleted = repository[QLatin1String("deleted")].toArray();
        QCOMPARE(tagsOf(deleted), (QStringList { "t-old1", "t-old2", "t-old3", "t-old3b" }));
        QCOMPARE(
            tagsOf(kept), (QStringList { "t-alias", "t-live", "t-new", "t-rec", "t-recdigest", "t-show", "t-young" }));

        const auto reasons = [&](const QString &tag) {
            QStringList list;
            for (const QJsonValue &reason : tagEntry(kept, tag)[QLatin1String("reasons")].toArray())
                list.append(reason.toString());
            return list.join(QStringLiteral("; "));
        };
        QVERIFY2(
            reasons("t-rec").contains(QRegularExpression(QStringLiteral("^release \\d{8}-\\d{6}-\\S+ of production$"))),
            qPrintable(reasons("t-rec")));
        QVERIFY2(reasons("t-recdigest").startsWith(QLatin1String("release ")) &&
                reasons("t-recdigest").endsWith(QLatin1String(" of production")),
            qPrintable(reasons("t-recdigest")));
        QCOMPARE(reasons("t-live"), QStringLiteral("live in staging/storefront"));
        QCOMPARE(reasons("t-show"), QStringLiteral("showroom ") + m_showroomNs);
        QCOMPARE(reasons("t-alias"), QStringLiteral("same image as t-rec"));
        QCOMPARE(reasons("t-new"), QStringLiteral("newest 1; younger than 7d"));
        QCOMPARE(reasons("t-young"), QStringLiteral("younger than 7d"));
        QCOMPARE(tagEntry(deleted, QStringLiteral("t-old3"))[QLatin1String("digest")].toString(),
            m_images.value("t-old3").digest);
        QCOMPARE(tagEntry(deleted, QStringLiteral("t-old1"))[QLatin1String("deleted")].toBool(), false);

        const RegistryTest::Client client(m_registry->url());
        for (const QString &tag : m_images.keys())
            QCOMPARE(client.manifestStatus(m_repository, tag), 200);

        // The same as a person reads it.
        const Run text = shipyardctl({ QStringLiteral("--ecosystem"), ecosystem, QStringLiteral("--keep"),
            QStringLiteral("1"), QStringLiteral("--older-than"), QStringLiteral("7d"), QStringLiteral("--dry-run") });
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("would delete\\s+t-old1\\s+sha256:"))
                     .match(QString::fromUtf8(text.out))
                     .hasMatch(),
            text.out.constData());
        QVERIFY2(QRegularExpression(QStringLiteral("keep\\s+t-live\\s+sha256:\\S+\\s+live in staging/storefront"))
                     .match(QString::fromUtf8(text.out))
                     .hasMatch(),
            text.out.constData());
        QVERIFY2(text.out.contains("7 tag(s) kept, 4 would be deleted (dry run)"), text.out.constData());
    }

    void prunesWhatNothingUses()
    {
        const QString ecosystem = writeEcosystem(QStringLiteral("ecosystem"), m_registry->address());
        const Run run = shipyardctl({ QStringLiteral("--ecosystem"), ecosystem, QStringLiteral("--keep"),
            QStringLiteral("1"), QStringLiteral("--older-than"), QStringLiteral("7d") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("7 tag(s) kept, 4 deleted"), run.out.constData());
        const RegistryTest::Client client(m_registry->url());
        for (const QString tag : { "t-old1", "t-old2", "t-old3", "t-old3b" })
            QCOMPARE(client.manifestStatus(m_repository, tag), 404);
        for (const QString tag : { "t-alias", "t-live", "t-new", "t-rec", "t-recdigest", "t-show", "t-young" })
            QCOMPARE(client.manifestStatus(m_repository, tag), 200);

        // One DELETE per manifest, journaled: t-old3 and t-old3b went together.
        const AuditJournal::Contents journal =
            AuditJournal(m_dir.filePath(QStringLiteral("state/shipyard/audit.jsonl"))).read();
        QVERIFY2(journal.error.isEmpty(), qPrintable(journal.error));
        QStringList digests;
        for (const AuditRecord &record : journal.records) {
            if (record.action != QLatin1String("registry.prune"))
                continue;
            QCOMPARE(record.result, QStringLiteral("succeeded"));
            QCOMPARE(record.details[QLatin1String("repository")].toString(), m_repository);
            digests.append(record.details[QLatin1String("digest")].toString());
        }
        digests.sort();
        QStringList expected { m_images.value("t-old1").digest, m_images.value("t-old2").digest,
            m_images.value("t-old3").digest };
        expected.sort();
        QCOMPARE(digests, expected);

        // Again: nothing left to delete.
        const Run again = shipyardctl({ QStringLiteral("--ecosystem"), ecosystem, QStringLiteral("--keep"),
            QStringLiteral("1"), QStringLiteral("--older-than"), QStringLiteral("7d") });
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("7 tag(s) kept, 0 deleted"), again.out.constData());
    }

    // The registry's garbage collection frees the blobs of what was deleted;
    // what was kept still pulls.
    void garbageCollectionFreesTheDeletedBlobs()
    {
        const RegistryTest::Client before(m_registry->url());
        QCOMPARE(before.blobStatus(m_repository, m_images.value("t-old1").layerDigest), 200);
        QString output;
        QVERIFY2(m_registry->garbageCollect(&output), qPrintable(output));
        const RegistryTest::Client client(m_registry->url());
        for (const QString tag : { "t-old1", "t-old2", "t-old3" }) {
            QCOMPARE(client.blobStatus(m_repository, m_images.value(tag).layerDigest), 404);
            QCOMPARE(client.blobStatus(m_repository, m_images.value(tag).configDigest), 404);
        }
        for (const QString tag : { "t-alias", "t-live", "t-new", "t-rec", "t-recdigest", "t-show", "t-young" }) {
            const HttpResponse manifest =
                client.send("GET", QStringLiteral("/v2/%1/manifests/%2").arg(m_repository, tag), {}, {},
                    "application/vnd.oci.image.manifest.v1+json");
            QCOMPARE(manifest.status, 200);
            QCOMPARE(RegistryTest::sha256(manifest.body), m_images.value(tag).digest);
            const HttpResponse layer = client.send(
                "GET", QStringLiteral("/v2/%1/blobs/%2").arg(m_repository, m_images.value(tag).layerDigest));
            QCOMPARE(layer.status, 200);
            QCOMPARE(RegistryTest::sha256(layer.body), m_images.value(tag).layerDigest);
            QCOMPARE(client.blobStatus(m_repository, m_images.value(tag).configDigest), 200);
        }
    }

    void saysWhenDeletionIsDisabled()
    {
        RegistryTest::Server registry(m_dir.filePath(QStringLiteral("nodelete")), false);
        QString error;
        QVERIFY2(registry.start(&error), qPrintable(error));
        const RegistryTest::Client client(registry.url());
        QVERIFY2(client.push(m_repository, QStringLiteral("t-unused"), "unused",
                     QDateTime::currentDateTimeUtc().addDays(-30), &error),
            qPrintable(error));
        const QString ecosystem = writeEcosystem(QStringLiteral("nodelete"), registry.address());
        const Run run =
            shipyardctl({ QStringLiteral("--ecosystem"), ecosystem, QStringLiteral("--keep"), QStringLiteral("0") });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("does not allow deleting images (HTTP 405)") &&
                run.err.contains("REGISTRY_STORAGE_DELETE_ENABLED=true"),
            run.err.constData());
        QCOMPARE(client.manifestStatus(m_repository, QStringLiteral("t-unused")), 200);
    }

    // The registry every test shares (fixture "registry"), which keeps deletion enabled.
    void prunesTheSharedRegistry()
    {
        const QMap<QString, QString> fixture = readFixtureEnvironment(QStringLiteral(REGISTRY_STATE_FILE));
        const QString address = fixture.value(QStringLiteral("REGISTRY_ADDRESS"));
        QVERIFY2(!address.isEmpty(), "the registry fixture did not run");
        const QString repository = QStringLiteral("prune-%1/storefront").arg(m_suffix);
        const RegistryTest::Client client(QStringLiteral("http://") + address);
        QString error;
        const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-30);
        QVERIFY2(client.push(repository, QStringLiteral("used"), "used", old, &error), qPrintable(error));
        QVERIFY2(
            client.push(repository, QStringLiteral("unused"), "unused", old.addDays(-1), &error), qPrintable(error));
        const QString ns = m_stagingNs;
        QVERIFY(apply(QStringLiteral("staging"),
            deployment(
                ns, QStringLiteral("shared"), address + QLatin1Char('/') + repository + QStringLiteral(":used"))));
        QString path = writeEcosystem(QStringLiteral("shared"), address);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray yaml = file.readAll().replace(
            QByteArray("image: " + m_repository.toUtf8()), QByteArray("image: " + repository.toUtf8()));
        file.resize(0);
        file.write(yaml);
        file.close();
        const Run run = shipyardctl({ QStringLiteral("--ecosystem"), path, QStringLiteral("--keep"),
            QStringLiteral("0"), QStringLiteral("--system"), QStringLiteral("storefront"), QStringLiteral("--output"),
            QStringLiteral("json") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject only = run.json()[QLatin1String("repositories")][0].toObject();
        QCOMPARE(tagsOf(only[QLatin1String("deleted")].toArray()), QStringList { "unused" });
        QCOMPARE(client.manifestStatus(repository, QStringLiteral("unused")), 404);
        QCOMPARE(client.manifestStatus(repository, QStringLiteral("used")), 200);
    }
};

QTEST_GUILESS_MAIN(TestRegistryPrune)
#include "tst_registryprune.moc"
