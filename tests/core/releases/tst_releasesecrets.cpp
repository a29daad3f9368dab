// SPDX-License-Identifier: GPL-2.0-or-later
// The values of Secrets kept in Secrets only: taken out of a release record
// and put back exactly (unit), then, in the local control plane (fixture
// `localcluster`), a system with a Secret delivered, changed and rolled back
// with no value in any ConfigMap, Event, audit line, log or drift preview and
// the Secret restored exactly; a Secret found before the first delivery comes
// back the same; a missing or unreadable companion stops a rollback, and a
// delivery, before either changes anything; records written before the values
// were kept apart give them up when a delivery next writes.
#include "DeliveryTestWorld.h"

#include "manifests/ManifestReader.h"
#include "model/Labels.h"
#include "pipeline/ReleaseRollback.h"
#include "releases/ApplyPreview.h"
#include "releases/ReleaseApplier.h"
#include "releases/ReleaseSecrets.h"
#include "releases/ReleaseStore.h"
#include "support/FutureWait.h"
#include "support/YamlText.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QTest>

using namespace Shipyard;
using namespace Shipyard::TestSupport;

namespace {

struct SecretValues
{
    QString password; // given as data
    QString token; // given as stringData
};

// Distinct enough that finding one anywhere is a leak, not a coincidence.
const SecretValues firstValues { QStringLiteral("pw-first-7Hq2LxV9"), QStringLiteral("tok-first-9Zr4KpW1") };
const SecretValues secondValues { QStringLiteral("pw-second-3Mv8NcT5"), QStringLiteral("tok-second-6Yb1QdR8") };
const QString driftedPassword = QStringLiteral("pw-drift-2Fg7JsE4");
const QString existingPassword = QStringLiteral("pw-before-5Kd3WuA6");

QStringList allValues()
{
    return { firstValues.password, firstValues.token, secondValues.password, secondValues.token, driftedPassword,
        existingPassword };
}

QString base64(const QString &text)
{
    return QString::fromLatin1(text.toUtf8().toBase64());
}

// A Secret as someone might keep it in a repository, kubectl's
// last-applied annotation (which repeats the values) included.
QString secretManifest(const SecretValues &values)
{
    const QString lastApplied = QStringLiteral(R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"catalog-db"},)"
                                               R"("data":{"password":"%1"},"stringData":{"token":"%2"}})")
                                    .arg(base64(values.password), values.token);
    return QStringLiteral("apiVersion: v1\nkind: Secret\nmetadata:\n  name: catalog-db\n  annotations:\n"
                          "    kubectl.kubernetes.io/last-applied-configuration: '%1'\n"
                          "type: Opaque\ndata:\n  password: %2\nstringData:\n  token: %3\n")
        .arg(lastApplied, base64(values.password), values.token);
}

QJsonObject parsed(const QString &yaml)
{
    QString error;
    const QList<QJsonObject> objects = ManifestReader::parse(yaml.toUtf8(), QStringLiteral("test.yaml"), &error);
    if (!error.isEmpty() || objects.size() != 1)
        qFatal("unreadable test manifest: %s", qPrintable(error));
    return objects.first();
}

// The forms of VALUES, plain and base64, that TEXT holds.
QStringList leaked(const QByteArray &text, const QStringList &values = allValues())
{
    QStringList found;
    for (const QString &value : values) {
        for (const QString &form : { value, base64(value) }) {
            if (text.contains(form.toUtf8()))
                found.append(form);
        }
    }
    return found;
}

QString text(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
}

QJsonObject secretIn(const QJsonArray &objects)
{
    for (const QJsonValue &object : objects) {
        if (object[QLatin1String("kind")].toString() == QLatin1String("Secret"))
            return object.toObject();
    }
    return {};
}

ReleaseRecord newRecord()
{
    ReleaseRecord record;
    record.id = ReleaseRecord::newId();
    record.time = QDateTime::currentDateTimeUtc();
    record.who = QStringLiteral("tester@host");
    record.environment = QStringLiteral("test");
    return record;
}

QList<Delivery::Target> catalogAt(const QString &tag)
{
    return { { QStringLiteral("catalog"), {}, QStringLiteral("demo/catalog:") + tag } };
}

} // namespace

class TestReleaseSecrets : public QObject
{
    Q_OBJECT

private:
    DeliveryTestWorld m_world;

    static QByteArray kubectlIn(const QString &ns, const QStringList &arguments, int *code = nullptr)
    {
        return kubectl(QStringLiteral("local"), QStringList { QStringLiteral("-n"), ns } + arguments, code);
    }
    static QJsonObject jsonIn(const QString &ns, const QStringList &arguments)
    {
        return QJsonDocument::fromJson(
            kubectlIn(ns, arguments + QStringList { QStringLiteral("-o"), QStringLiteral("json") }))
            .object();
    }
    static QJsonObject liveSecret(const QString &ns)
    {
        return jsonIn(ns, { QStringLiteral("get"), QStringLiteral("secret"), QStringLiteral("catalog-db") });
    }
    static void writeSecret(const Ecosystem &ecosystem, const SecretValues &values)
    {
        QFile file(ecosystem.resolvePath(ecosystem.system(QStringLiteral("catalog"))->repository) +
            QStringLiteral("/deploy/secret.yaml"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(secretManifest(values).toUtf8());
    }
    QByteArray auditJournal() const
    {
        QFile file(m_world.options().auditJournal);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    ReleaseRollback::Result rollBack(const Ecosystem &ecosystem, const QString &releaseId, QStringList *log) const
    {
        ReleaseRollback::Options options;
        options.cluster = m_world.options().cluster;
        options.auditJournal = m_world.options().auditJournal;
        ReleaseRollback rollback(ecosystem, QStringLiteral("test"), options);
        rollback.setLog([log](const QString &line) { log->append(line); });
        return rollback.run(releaseId);
    }
    // Nothing the namespace shows without access to Secrets holds a value,
    // nor the audit journal, nor LOG.
    void verifyNoLeak(const QString &ns, const QString &log) const
    {
        const QByteArray shown = kubectlIn(ns,
            { QStringLiteral("get"), QStringLiteral("configmaps,events"), QStringLiteral("-o"),
                QStringLiteral("json") });
        QVERIFY(shown.contains("shipyard-release-"));
        QVERIFY2(leaked(shown).isEmpty(), qPrintable(leaked(shown).join(QLatin1Char(' '))));
        const QByteArray journal = auditJournal();
        QVERIFY(journal.contains(ns.toUtf8()));
        QVERIFY2(leaked(journal).isEmpty(), qPrintable(leaked(journal).join(QLatin1Char(' '))));
        QVERIFY2(leaked(log.toUtf8()).isEmpty(), qPrintable(leaked(log.toUtf8()).join(QLatin1Char(' '))));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_world.isValid()); }

    void valuesAreTakenOutAndPutBack()
    {
        ReleaseRecord record = newRecord();
        QJsonObject delivered = parsed(secretManifest(firstValues));
        ManifestReader::annotate(delivered, Labels::release, record.id);
        const QJsonObject deployment = parsed(QStringLiteral(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: catalog\nspec:\n  replicas: 1\n"));
        // As capture() keeps a live one: data only, no annotations.
        const QJsonObject captured = parsed(QStringLiteral(
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: captured\ntype: Opaque\ndata:\n  password: %1\n")
                .arg(base64(existingPassword)));
        const QJsonObject emptyAnnotations =
            parsed(QStringLiteral("apiVersion: v1\nkind: Secret\nmetadata:\n  name: bare\n  annotations: {}\n"
                                  "stringData:\n  token: %1\n")
                    .arg(secondValues.token));
        const QJsonObject valueless =
            parsed(QStringLiteral("apiVersion: v1\nkind: Secret\nmetadata:\n  name: empty\ntype: Opaque\n"));
        // Another system's Secret of the same name.
        const QJsonObject shared = parsed(
            QStringLiteral("apiVersion: v1\nkind: Secret\nmetadata:\n  name: catalog-db\ndata:\n  password: %1\n")
                .arg(base64(secondValues.password)));
        ReleaseRecord::SystemRelease catalog;
        catalog.system = QStringLiteral("catalog");
        catalog.objects = { deployment, delivered, captured, emptyAnnotations, valueless };
        ReleaseRecord::SystemRelease mailer;
        mailer.system = QStringLiteral("mailer");
        mailer.objects = { shared };
        record.systems = { catalog, mailer };

        QJsonObject values;
        const ReleaseRecord stripped = ReleaseSecrets::withoutValues(record, &values);
        const QByteArray json = QJsonDocument(stripped.toJson()).toJson();
        QVERIFY2(leaked(json).isEmpty(), json.constData());
        QVERIFY(!leaked(QJsonDocument(values).toJson()).isEmpty());
        const QStringList withheld { QStringLiteral("secret/catalog-db"), QStringLiteral("secret/captured"),
            QStringLiteral("secret/bare"), QStringLiteral("secret/catalog-db") };
        QCOMPARE(ReleaseSecrets::withheld(stripped), withheld);
        QCOMPARE(ReleaseSecrets::withheld(stripped, { QStringLiteral("mailer") }),
            QStringList { QStringLiteral("secret/catalog-db") });
        QVERIFY(ReleaseSecrets::withheld(record).isEmpty());
        const QJsonObject marked = stripped.systems[0].objects[1].toObject();
        QCOMPARE(marked[QLatin1String("metadata")][QLatin1String("annotations")][Labels::secretValues].toString(),
            ReleaseSecrets::secretName(record.id));
        QCOMPARE(
            marked[QLatin1String("metadata")][QLatin1String("annotations")][Labels::release].toString(), record.id);
        QVERIFY(!marked.contains(QLatin1String("data")) && !marked.contains(QLatin1String("stringData")));
        QCOMPARE(marked[QLatin1String("type")].toString(), QStringLiteral("Opaque"));
        // Nothing to keep apart: as it was.
        QCOMPARE(stripped.systems[0].objects[0].toObject(), deployment);
        QCOMPARE(stripped.systems[0].objects[4].toObject(), valueless);

        // Put back: exactly the objects that were taken apart.
        ReleaseRecord whole = stripped;
        QString error;
        QVERIFY2(ReleaseSecrets::restoreValues(whole, values, &error), qPrintable(error));
        for (qsizetype i = 0; i < record.systems.size(); ++i)
            QVERIFY2(whole.systems[i].objects == record.systems[i].objects,
                qPrintable(text(whole.systems[i].objects) + QStringLiteral("\n") + text(record.systems[i].objects)));

        // Without them, the objects stay marked and say which.
        ReleaseRecord lacking = stripped;
        QVERIFY(!ReleaseSecrets::restoreValues(lacking, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("secret/captured")), qPrintable(error));
        QCOMPARE(ReleaseSecrets::withheld(lacking), withheld);
        // Taking out again what is out already changes nothing.
        QJsonObject again;
        QCOMPARE(ReleaseSecrets::withoutValues(stripped, &again).toJson(), stripped.toJson());
        QVERIFY(again.isEmpty());
    }

    void plainValuesAreWhatLogsMustNotShow()
    {
        ReleaseRecord record = newRecord();
        ReleaseRecord::SystemRelease release;
        release.system = QStringLiteral("catalog");
        release.objects = { parsed(secretManifest(firstValues)),
            parsed(QStringLiteral("apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ndata:\n  key: %1\n  bin: %2\n")
                    .arg(base64(QStringLiteral("-----BEGIN KEY-----\nline-one-abc\nline-two-def\n")),
                        QString::fromLatin1(QByteArray("\xff\xfe\x01", 3).toBase64()))) };
        record.systems = { release };
        QJsonObject values;
        ReleaseSecrets::withoutValues(record, &values);
        const QStringList plain = ReleaseSecrets::plainValues(values);
        for (const QString &expected : { firstValues.password, base64(firstValues.password), firstValues.token,
                 QStringLiteral("line-one-abc"), QStringLiteral("line-two-def") })
            QVERIFY2(plain.contains(expected), qPrintable(expected));
        // Binary data is kept as written only.
        QVERIFY(plain.contains(QString::fromLatin1(QByteArray("\xff\xfe\x01", 3).toBase64())));
        QCOMPARE(plain.size(), 9);
    }

    void stringDataIsAppliedAsData()
    {
        const QJsonObject secret = parsed(QStringLiteral("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  "
                                                         "a: %1\n  b: %1\nstringData:\n  a: y\n  c: z\n")
                .arg(base64(QStringLiteral("x"))));
        const QJsonObject sent = ReleaseApplier::normalized(secret);
        QVERIFY(!sent.contains(QLatin1String("stringData")));
        const QJsonObject data { { QStringLiteral("a"), base64(QStringLiteral("y")) },
            { QStringLiteral("b"), base64(QStringLiteral("x")) },
            { QStringLiteral("c"), base64(QStringLiteral("z")) } };
        QCOMPARE(sent.value(QLatin1String("data")).toObject(), data);
        const QJsonObject configMap =
            parsed(QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nstringData:\n  a: y\n"));
        QCOMPARE(ReleaseApplier::normalized(configMap), configMap);
    }

    void previewShowsKeysNotValues()
    {
        const QString yaml = QStringLiteral("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n"
                                            "  same: %1\n  changed: %2\n  %3: %4\n");
        QJsonObject before = parsed(yaml.arg(base64(firstValues.password), base64(firstValues.token),
            QStringLiteral("gone"), base64(secondValues.password)));
        QJsonObject after = parsed(yaml.arg(base64(firstValues.password), base64(secondValues.token),
            QStringLiteral("added"), base64(driftedPassword)));
        ApplyPreview::hideSecretValues(before, after);
        QCOMPARE(ApplyPreview::differingFields(before, after),
            (QStringList {
                QStringLiteral("data.added"), QStringLiteral("data.changed"), QStringLiteral("data.gone") }));
        const QByteArray shown = (YamlText::fromJson(before) + YamlText::fromJson(after)).toUtf8();
        QVERIFY2(leaked(shown).isEmpty(), shown.constData());
        QCOMPARE(
            after[QLatin1String("data")][QLatin1String("changed")].toString(), QStringLiteral("(hidden, changed)"));
        QCOMPARE(after[QLatin1String("data")][QLatin1String("same")].toString(), QStringLiteral("(hidden)"));

        // Anything but a Secret is shown as it is.
        QJsonObject configMap =
            parsed(QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n"));
        QJsonObject none;
        const QJsonObject shownAsIs = configMap;
        ApplyPreview::hideSecretValues(configMap, none);
        QCOMPARE(configMap, shownAsIs);
    }

    void deliveredSecretStaysInSecrets()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = m_world.ecosystemFor(ns);
        writeSecret(ecosystem, firstValues);
        QString log;
        QString more;
        const Delivery::Result first =
            DeliveryTestWorld::deliver(ecosystem, catalogAt(QStringLiteral("v1")), m_world.options(), &log);
        QVERIFY2(first.succeeded(), qPrintable(first.reason));
        const QJsonObject delivered = liveSecret(ns);
        QCOMPARE(delivered[QLatin1String("data")][QLatin1String("password")].toString(), base64(firstValues.password));
        QCOMPARE(delivered[QLatin1String("data")][QLatin1String("token")].toString(), base64(firstValues.token));
        // The check below sees values where they are.
        QVERIFY(!leaked(QJsonDocument(delivered).toJson()).isEmpty());

        // The record: the Secret marked, without its values; they are in a
        // Secret of its own, labelled like the record and owned by it.
        const QJsonObject configMap = jsonIn(
            ns, { QStringLiteral("get"), QStringLiteral("configmap"), ReleaseStore::configMapName(first.releaseId) });
        const QJsonObject stored = QJsonDocument::fromJson(
            configMap[QLatin1String("data")][QLatin1String(ReleaseStore::dataKey)].toString().toUtf8())
                                       .object();
        const QJsonObject storedSecret =
            secretIn(stored[QLatin1String("systems")][0][QLatin1String("objects")].toArray());
        QVERIFY2(!storedSecret.isEmpty(), qPrintable(text(stored)));
        QVERIFY(!storedSecret.contains(QLatin1String("data")) && !storedSecret.contains(QLatin1String("stringData")));
        const QJsonObject storedAnnotations =
            storedSecret[QLatin1String("metadata")][QLatin1String("annotations")].toObject();
        QCOMPARE(storedAnnotations.value(Labels::secretValues).toString(), ReleaseSecrets::secretName(first.releaseId));
        QVERIFY(!storedAnnotations.contains(QLatin1String("kubectl.kubernetes.io/last-applied-configuration")));
        const QJsonObject companion = jsonIn(
            ns, { QStringLiteral("get"), QStringLiteral("secret"), ReleaseSecrets::secretName(first.releaseId) });
        QCOMPARE(companion[QLatin1String("metadata")][QLatin1String("labels")][Labels::managedBy].toString(),
            QStringLiteral("shipyard"));
        QCOMPARE(companion[QLatin1String("metadata")][QLatin1String("labels")][Labels::release].toString(),
            QStringLiteral("true"));
        const QJsonObject owner = companion[QLatin1String("metadata")][QLatin1String("ownerReferences")][0].toObject();
        QCOMPARE(owner[QLatin1String("kind")].toString(), QStringLiteral("ConfigMap"));
        QCOMPARE(owner[QLatin1String("name")].toString(), ReleaseStore::configMapName(first.releaseId));
        QCOMPARE(owner[QLatin1String("uid")].toString(),
            configMap[QLatin1String("metadata")][QLatin1String("uid")].toString());

        // Read back, the record is whole again.
        KubeError error;
        const std::optional<ReleaseRecord> found = DeliveryTestWorld::storeFor(ns).find(first.releaseId, &error);
        QVERIFY2(found, qPrintable(error.message));
        QVERIFY2(found->secretValuesError.isEmpty(), qPrintable(found->secretValuesError));
        const QJsonObject whole = secretIn(found->system(QStringLiteral("catalog"))->objects);
        QCOMPARE(whole[QLatin1String("data")][QLatin1String("password")].toString(), base64(firstValues.password));
        QCOMPARE(whole[QLatin1String("stringData")][QLatin1String("token")].toString(), firstValues.token);
        const QJsonObject wholeAnnotations = whole[QLatin1String("metadata")][QLatin1String("annotations")].toObject();
        QVERIFY(!wholeAnnotations.contains(Labels::secretValues));
        QVERIFY(wholeAnnotations.value(QLatin1String("kubectl.kubernetes.io/last-applied-configuration"))
                .toString()
                .contains(firstValues.token));

        // A changed Secret.
        writeSecret(ecosystem, secondValues);
        const Delivery::Result second =
            DeliveryTestWorld::deliver(ecosystem, catalogAt(QStringLiteral("v2")), m_world.options(), &more);
        log += more;
        QVERIFY2(second.succeeded(), qPrintable(second.reason));
        QCOMPARE(
            liveSecret(ns)[QLatin1String("data")][QLatin1String("password")].toString(), base64(secondValues.password));

        // Drift of a value: the key shows, the values do not.
        kubectlIn(ns,
            { QStringLiteral("patch"), QStringLiteral("secret"), QStringLiteral("catalog-db"),
                QStringLiteral("--type=merge"), QStringLiteral("-p"),
                QStringLiteral(R"({"data":{"password":"%1"}})").arg(base64(driftedPassword)) });
        const ApplyPreview::Result preview =
            ApplyPreview(ecosystem, ecosystem.environments.first(), clusterClient(QStringLiteral("local")), ns)
                .preview(QStringLiteral("catalog"));
        const QByteArray previewJson = QJsonDocument(preview.toJson()).toJson();
        QVERIFY2(preview.ok(), previewJson.constData());
        const ApplyPreview::ObjectPreview *entry = nullptr;
        for (const ApplyPreview::ObjectPreview &object : preview.objects) {
            if (object.object == QLatin1String("secret/catalog-db"))
                entry = &object;
        }
        QVERIFY2(entry, previewJson.constData());
        QCOMPARE(entry->change, ApplyPreview::Change::Changed);
        QCOMPARE(entry->fields, QStringList { QStringLiteral("data.password") });
        QVERIFY2(entry->diff.contains(QStringLiteral("+  password: (hidden, changed)")), qPrintable(entry->diff));
        QVERIFY2(leaked(previewJson).isEmpty(), previewJson.constData());

        // Back to the first release: the Secret exactly as it was.
        QStringList rollbackLog;
        const ReleaseRollback::Result back = rollBack(ecosystem, first.releaseId, &rollbackLog);
        QVERIFY2(back.ok, qPrintable(back.error));
        const QJsonObject restored = liveSecret(ns);
        for (const char *field : { "data", "type" })
            QVERIFY2(restored.value(QLatin1String(field)) == delivered.value(QLatin1String(field)),
                qPrintable(text(restored.value(QLatin1String(field)))));
        QVERIFY2(restored[QLatin1String("metadata")][QLatin1String("annotations")] ==
                delivered[QLatin1String("metadata")][QLatin1String("annotations")],
            qPrintable(text(restored[QLatin1String("metadata")][QLatin1String("annotations")])));
        verifyNoLeak(ns, log + rollbackLog.join(QLatin1Char('\n')));

        // Pruned records take their Secrets along at once; the garbage collector does it for a deleted record.
        const ReleaseStore store = DeliveryTestWorld::storeFor(ns);
        QCOMPARE(store.list().size(), 4); // the state before, two deliveries, the rollback
        QCOMPARE(store.prune(1, &error), 3);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        const QStringList selector { QStringLiteral("get"), QStringLiteral("secrets"), QStringLiteral("-l"),
            ReleaseStore::labelSelector(), QStringLiteral("-o"), QStringLiteral("name") };
        QCOMPARE(QString::fromUtf8(kubectlIn(ns, selector)).trimmed(),
            QStringLiteral("secret/") + ReleaseSecrets::secretName(back.newReleaseId));
        kubectlIn(ns,
            { QStringLiteral("delete"), QStringLiteral("configmap"), ReleaseStore::configMapName(back.newReleaseId) });
        QTRY_VERIFY_WITH_TIMEOUT(kubectlIn(ns, selector).trimmed().isEmpty(), 60000);
    }

    void existingSecretIsRecordedAndRestored()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        const QString ns = m_world.newNamespace();
        kubectlIn(ns,
            { QStringLiteral("create"), QStringLiteral("secret"), QStringLiteral("generic"),
                QStringLiteral("catalog-db"), QStringLiteral("--from-literal=password=") + existingPassword });
        const QJsonObject before = liveSecret(ns);
        QCOMPARE(before[QLatin1String("data")][QLatin1String("password")].toString(), base64(existingPassword));
        const Ecosystem ecosystem = m_world.ecosystemFor(ns);
        writeSecret(ecosystem, firstValues);
        QString log;
        const Delivery::Result first =
            DeliveryTestWorld::deliver(ecosystem, catalogAt(QStringLiteral("v1")), m_world.options(), &log);
        QVERIFY2(first.succeeded(), qPrintable(first.reason));
        QCOMPARE(
            liveSecret(ns)[QLatin1String("data")][QLatin1String("password")].toString(), base64(firstValues.password));

        // The state found: the live Secret, its values in the baseline's companion.
        KubeError error;
        const std::optional<ReleaseRecord> baseline =
            DeliveryTestWorld::storeFor(ns).find(first.previousReleaseId, &error);
        QVERIFY2(baseline, qPrintable(error.message));
        QVERIFY2(baseline->secretValuesError.isEmpty(), qPrintable(baseline->secretValuesError));
        const QJsonObject captured = secretIn(baseline->system(QStringLiteral("catalog"))->objects);
        QCOMPARE(captured[QLatin1String("data")][QLatin1String("password")].toString(), base64(existingPassword));
        QVERIFY(kubectlIn(ns,
            { QStringLiteral("get"), QStringLiteral("secret"), ReleaseSecrets::secretName(first.previousReleaseId) })
                .contains(ReleaseSecrets::secretName(first.previousReleaseId).toUtf8()));

        // Rolled back to it: the Secret as it was found, the delivered key gone.
        QStringList rollbackLog;
        const ReleaseRollback::Result back = rollBack(ecosystem, first.previousReleaseId, &rollbackLog);
        QVERIFY2(back.ok, qPrintable(back.error));
        const QJsonObject restored = liveSecret(ns);
        QVERIFY2(restored.value(QLatin1String("data")) == before.value(QLatin1String("data")),
            qPrintable(text(restored.value(QLatin1String("data")))));
        QVERIFY(!restored[QLatin1String("metadata")].toObject().contains(QLatin1String("annotations")));
        verifyNoLeak(ns, log + rollbackLog.join(QLatin1Char('\n')));
    }

    void missingValuesStopRollbackAndDelivery()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        const QString ns = m_world.newNamespace();
        const Ecosystem ecosystem = m_world.ecosystemFor(ns);
        writeSecret(ecosystem, firstValues);
        const Delivery::Result first =
            DeliveryTestWorld::deliver(ecosystem, catalogAt(QStringLiteral("v1")), m_world.options());
        QVERIFY2(first.succeeded(), qPrintable(first.reason));
        writeSecret(ecosystem, secondValues);
        const Delivery::Result second =
            DeliveryTestWorld::deliver(ecosystem, catalogAt(QStringLiteral("v2")), m_world.options());
        QVERIFY2(second.succeeded(), qPrintable(second.reason));

        const QString companion = ReleaseSecrets::secretName(first.releaseId);
        kubectlIn(ns, { QStringLiteral("delete"), QStringLiteral("secret"), companion });
        KubeError error;
        const std::optional<ReleaseRecord> found = DeliveryTestWorld::storeFor(ns).find(first.releaseId, &error);
        QVERIFY2(found, qPrintable(error.message));
        QVERIFY2(
            found->secretValuesError.contains(QStringLiteral("does not exist")), qPrintable(found->secretValuesError));
        QCOMPARE(ReleaseSecrets::withheld(*found), QStringList { QStringLiteral("secret/catalog-db") });

        // The rollback says why and changes nothing: no emptied Secret.
        QStringList rollbackLog;
        const ReleaseRollback::Result refused = rollBack(ecosystem, first.releaseId, &rollbackLog);
        QVERIFY(!refused.ok);
        for (const QString &part :
            { QStringLiteral("release %1 cannot be restored").arg(first.releaseId), QStringLiteral("secret/catalog-db"),
                companion, QStringLiteral("does not exist"), QStringLiteral("nothing was changed") })
            QVERIFY2(refused.error.contains(part), qPrintable(refused.error));
        QCOMPARE(
            liveSecret(ns)[QLatin1String("data")][QLatin1String("password")].toString(), base64(secondValues.password));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v2"));

        // The release a failed delivery would go back to cannot be restored: no delivery starts.
        kubectlIn(
            ns, { QStringLiteral("delete"), QStringLiteral("secret"), ReleaseSecrets::secretName(second.releaseId) });
        const Delivery::Result third =
            DeliveryTestWorld::deliver(ecosystem, catalogAt(QStringLiteral("v3")), m_world.options());
        QVERIFY(!third.succeeded());
        QVERIFY2(third.reason.contains(ReleaseSecrets::secretName(second.releaseId)), qPrintable(third.reason));
        QCOMPARE(DeliveryTestWorld::imageOf(ns, QStringLiteral("catalog")), QStringLiteral("demo/catalog:v2"));
    }

    void olderRecordsGiveUpTheirValues()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        const QString ns = m_world.newNamespace();
        // A record as Shipyard wrote them before the values were kept
        // apart: the Secret whole, in the ConfigMap.
        ReleaseRecord record = newRecord();
        record.result = ReleaseRecord::Result::Succeeded;
        ReleaseRecord::SystemRelease release;
        release.system = QStringLiteral("catalog");
        release.objects = { parsed(secretManifest(firstValues)) };
        record.systems = { release };
        const QJsonObject labels { { Labels::managedBy, Labels::managedByShipyard },
            { Labels::release, QStringLiteral("true") } };
        const QJsonObject configMap {
            { QStringLiteral("apiVersion"), QStringLiteral("v1") },
            { QStringLiteral("kind"), QStringLiteral("ConfigMap") },
            { QStringLiteral("metadata"),
                QJsonObject { { QStringLiteral("name"), ReleaseStore::configMapName(record.id) },
                    { QStringLiteral("labels"), labels } } },
            { QStringLiteral("data"),
                QJsonObject { { QLatin1String(ReleaseStore::dataKey),
                    QString::fromUtf8(QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact)) } } },
        };
        KubeClient::ApplyOptions force;
        force.force = true;
        const KubeResponse written = await(clusterClient(QStringLiteral("local"))
                .apply(QStringLiteral("/api/v1/namespaces/%1/configmaps/%2")
                           .arg(ns, ReleaseStore::configMapName(record.id)),
                    configMap, force));
        QVERIFY2(written.ok(), qPrintable(written.error.message));
        const auto shownConfigMaps = [&] {
            return kubectlIn(ns,
                { QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-o"), QStringLiteral("json") });
        };
        // The check below sees values where they are.
        QVERIFY(!leaked(shownConfigMaps()).isEmpty());

        const ReleaseStore store = DeliveryTestWorld::storeFor(ns);
        KubeError error;
        QCOMPARE(store.moveSecretValuesOut(&error), 1);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QVERIFY2(leaked(shownConfigMaps()).isEmpty(), shownConfigMaps().constData());
        // Whole again when read, and nothing left to move.
        const std::optional<ReleaseRecord> found = store.find(record.id, &error);
        QVERIFY2(found, qPrintable(error.message));
        QVERIFY2(found->secretValuesError.isEmpty(), qPrintable(found->secretValuesError));
        QCOMPARE(found->systems.first().objects, record.systems.first().objects);
        QCOMPARE(store.moveSecretValuesOut(&error), 0);

        // A delivery does it for the records it keeps.
        ReleaseRecord older = record;
        older.id = ReleaseRecord::newId();
        QJsonObject olderMap = configMap;
        olderMap[QStringLiteral("metadata")] =
            QJsonObject { { QStringLiteral("name"), ReleaseStore::configMapName(older.id) },
                { QStringLiteral("labels"), labels } };
        olderMap[QStringLiteral("data")] = QJsonObject { { QLatin1String(ReleaseStore::dataKey),
            QString::fromUtf8(QJsonDocument(older.toJson()).toJson(QJsonDocument::Compact)) } };
        QVERIFY(await(clusterClient(QStringLiteral("local"))
                          .apply(QStringLiteral("/api/v1/namespaces/%1/configmaps/%2")
                                     .arg(ns, ReleaseStore::configMapName(older.id)),
                              olderMap, force))
                .ok());
        QVERIFY(!leaked(shownConfigMaps()).isEmpty());
        const Ecosystem ecosystem = m_world.ecosystemFor(ns);
        const Delivery::Result delivered =
            DeliveryTestWorld::deliver(ecosystem, catalogAt(QStringLiteral("v1")), m_world.options());
        QVERIFY2(delivered.succeeded(), qPrintable(delivered.reason));
        QVERIFY2(leaked(shownConfigMaps()).isEmpty(), shownConfigMaps().constData());
    }

    void unreadableValuesAreSaid()
    {
        SHIPYARD_REQUIRE_CLUSTER();
        // Developers may read everything in production but Secrets.
        const QString ns = QStringLiteral("t-secrets-%1").arg(QCoreApplication::applicationPid());
        int code = 0;
        kubectl(QStringLiteral("production"), { QStringLiteral("create"), QStringLiteral("namespace"), ns }, &code);
        QCOMPARE(code, 0);
        const auto cleanup = qScopeGuard([&] {
            kubectl(QStringLiteral("production"),
                { QStringLiteral("delete"), QStringLiteral("namespace"), ns, QStringLiteral("--wait=false") });
        });
        ReleaseRecord record = newRecord();
        ReleaseRecord::SystemRelease release;
        release.system = QStringLiteral("catalog");
        release.objects = { parsed(secretManifest(firstValues)) };
        record.systems = { release };
        // Should a command have printed a value, the record does not keep it.
        record.log = { QStringLiteral("smoke: connected with %1").arg(firstValues.password) };
        record.reason = QStringLiteral("token %1 refused").arg(firstValues.token);
        const KubeError saved = ReleaseStore(clusterClient(QStringLiteral("production")), ns).save(record);
        QVERIFY2(!saved.isError(), qPrintable(saved.message));
        const QByteArray configMap = kubectl(QStringLiteral("production"),
            { QStringLiteral("-n"), ns, QStringLiteral("get"), QStringLiteral("configmaps"), QStringLiteral("-o"),
                QStringLiteral("json") });
        QVERIFY(configMap.contains("smoke: connected with ***"));
        QVERIFY2(leaked(configMap).isEmpty(), configMap.constData());

        // The history reads; the record says why its Secret lacks its values.
        const KubeClient developer = clusterClient(QStringLiteral("production-developer"));
        const ReleaseStore store(developer, ns);
        KubeError error;
        const QList<ReleaseRecord> listed = store.list(&error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QCOMPARE(listed.size(), 1);
        QVERIFY2(listed.first().secretValuesError.contains(QStringLiteral("cannot be read")),
            qPrintable(listed.first().secretValuesError));
        QCOMPARE(ReleaseSecrets::withheld(listed.first()), QStringList { QStringLiteral("secret/catalog-db") });
        const std::optional<ReleaseRecord> found = store.find(record.id, &error);
        QVERIFY2(found, qPrintable(error.message));
        QVERIFY2(
            found->secretValuesError.contains(QStringLiteral("cannot be read")), qPrintable(found->secretValuesError));
        // What a delivery would go back to must be restorable.
        QVERIFY(store.latestGood(&error));
        QVERIFY2(error.message.contains(QStringLiteral("release %1").arg(record.id)) &&
                error.message.contains(ReleaseSecrets::secretName(record.id)),
            qPrintable(error.message));

        // Restoring it is refused before anything is applied.
        const QString refused =
            ReleaseApplier(developer, ns)
                .restore(listed.first(), { QStringLiteral("catalog") }, {}, std::chrono::seconds(5));
        QVERIFY2(refused.contains(QStringLiteral("cannot be restored")) &&
                refused.contains(QStringLiteral("nothing was changed")) &&
                refused.contains(QStringLiteral("cannot be read")),
            qPrintable(refused));

        // Who may read Secrets gets the record whole.
        const QList<ReleaseRecord> whole = ReleaseStore(clusterClient(QStringLiteral("production")), ns).list();
        QCOMPARE(whole.size(), 1);
        QVERIFY(whole.first().secretValuesError.isEmpty());
        QCOMPARE(secretIn(whole.first().systems.first().objects)[QLatin1String("stringData")][QLatin1String("token")]
                     .toString(),
            firstValues.token);
    }
};

QTEST_GUILESS_MAIN(TestReleaseSecrets)

#include "tst_releasesecrets.moc"
