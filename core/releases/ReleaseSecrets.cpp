// SPDX-License-Identifier: GPL-2.0-or-later
#include "releases/ReleaseSecrets.h"

#include "model/Labels.h"

#include <QByteArray>
#include <QJsonArray>
#include <QUtf8StringView>

namespace Shipyard {

namespace {

// Written by kubectl apply: the whole object as last applied, values included.
const QString lastAppliedKey = QStringLiteral("kubectl.kubernetes.io/last-applied-configuration");
const QString systemField = QStringLiteral("system");
const QString nameField = QStringLiteral("name");
const QString lastAppliedField = QStringLiteral("lastApplied");
const QString emptyAnnotationsField = QStringLiteral("emptyAnnotations");
const QString secretsField = QStringLiteral("secrets");

QStringList valueFields()
{
    return { QStringLiteral("data"), QStringLiteral("stringData") };
}

QString nameOf(const QJsonObject &object)
{
    return object[QLatin1String("metadata")][QLatin1String("name")].toString();
}

QString describe(const QJsonObject &object)
{
    return QStringLiteral("secret/") + nameOf(object);
}

void addWithLines(QStringList &out, const QString &value)
{
    if (value.isEmpty())
        return;
    out.append(value);
    if (!value.contains(QLatin1Char('\n')))
        return;
    // A log shows a multi-line value (a key, a certificate) line by line.
    for (const QString &line : value.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            out.append(trimmed);
    }
}

} // namespace

QString ReleaseSecrets::secretName(const QString &releaseId)
{
    return QStringLiteral("shipyard-release-%1-secrets").arg(releaseId);
}

bool ReleaseSecrets::isSecret(const QJsonObject &object)
{
    return object.value(QLatin1String("kind")).toString() == QLatin1String("Secret") &&
        object.value(QLatin1String("apiVersion")).toString() == QLatin1String("v1");
}

bool ReleaseSecrets::isWithheld(const QJsonObject &object)
{
    return isSecret(object) &&
        object[QLatin1String("metadata")][QLatin1String("annotations")].toObject().contains(Labels::secretValues);
}

QStringList ReleaseSecrets::withheld(const ReleaseRecord &record, const QStringList &systems)
{
    QStringList found;
    for (const ReleaseRecord::SystemRelease &release : record.systems) {
        if (!systems.isEmpty() && !systems.contains(release.system))
            continue;
        for (const QJsonValue &value : release.objects) {
            if (isWithheld(value.toObject()))
                found.append(describe(value.toObject()));
        }
    }
    return found;
}

ReleaseRecord ReleaseSecrets::withoutValues(const ReleaseRecord &record, QJsonObject *values)
{
    ReleaseRecord stripped = record;
    QJsonArray entries;
    const QString companion = secretName(record.id);
    for (ReleaseRecord::SystemRelease &release : stripped.systems) {
        for (qsizetype i = 0; i < release.objects.size(); ++i) {
            QJsonObject object = release.objects[i].toObject();
            if (!isSecret(object) || isWithheld(object))
                continue;
            QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
            QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
            QJsonObject entry { { systemField, release.system }, { nameField, nameOf(object) } };
            // Putting the values back must give the object exactly, an empty map included.
            const bool emptyAnnotations = metadata.contains(QLatin1String("annotations")) && annotations.isEmpty();
            for (const QString &field : valueFields()) {
                if (object.contains(field))
                    entry.insert(field, object.take(field));
            }
            if (annotations.contains(lastAppliedKey))
                entry.insert(lastAppliedField, annotations.take(lastAppliedKey));
            if (entry.size() == 2)
                continue; // a Secret without values has nothing to keep apart
            if (emptyAnnotations)
                entry.insert(emptyAnnotationsField, true);
            annotations.insert(Labels::secretValues, companion);
            metadata.insert(QStringLiteral("annotations"), annotations);
            object.insert(QStringLiteral("metadata"), metadata);
            release.objects[i] = object;
            entries.append(entry);
        }
    }
    if (values)
        *values = entries.isEmpty() ? QJsonObject() : QJsonObject { { secretsField, entries } };
    return stripped;
}

bool ReleaseSecrets::restoreValues(ReleaseRecord &record, const QJsonObject &values, QString *error)
{
    const QJsonArray entries = values.value(secretsField).toArray();
    QList<bool> used(entries.size(), false);
    QStringList missing;
    for (ReleaseRecord::SystemRelease &release : record.systems) {
        for (qsizetype i = 0; i < release.objects.size(); ++i) {
            QJsonObject object = release.objects[i].toObject();
            if (!isWithheld(object))
                continue;
            // Two objects of one name in one system are matched in their order.
            qsizetype match = -1;
            for (qsizetype j = 0; j < entries.size() && match < 0; ++j) {
                const QJsonObject entry = entries[j].toObject();
                if (!used[j] && entry.value(systemField).toString() == release.system &&
                    entry.value(nameField).toString() == nameOf(object))
                    match = j;
            }
            if (match < 0) {
                missing.append(describe(object));
                continue;
            }
            used[match] = true;
            const QJsonObject entry = entries[match].toObject();
            for (const QString &field : valueFields()) {
                if (entry.contains(field))
                    object.insert(field, entry.value(field));
            }
            QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
            QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
            annotations.remove(Labels::secretValues);
            if (entry.contains(lastAppliedField))
                annotations.insert(lastAppliedKey, entry.value(lastAppliedField));
            if (annotations.isEmpty() && !entry.value(emptyAnnotationsField).toBool())
                metadata.remove(QStringLiteral("annotations"));
            else
                metadata.insert(QStringLiteral("annotations"), annotations);
            object.insert(QStringLiteral("metadata"), metadata);
            release.objects[i] = object;
        }
    }
    if (missing.isEmpty())
        return true;
    if (error)
        *error = QStringLiteral("no values for %1").arg(missing.join(QStringLiteral(", ")));
    return false;
}

QStringList ReleaseSecrets::plainValues(const QJsonObject &values)
{
    QStringList plain;
    for (const QJsonValue &value : values.value(secretsField).toArray()) {
        const QJsonObject entry = value.toObject();
        const QJsonObject data = entry.value(QLatin1String("data")).toObject();
        for (auto it = data.begin(); it != data.end(); ++it) {
            const QString encoded = it.value().toString();
            addWithLines(plain, encoded);
            const auto decoded =
                QByteArray::fromBase64Encoding(encoded.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (decoded && QUtf8StringView(*decoded).isValidUtf8())
                addWithLines(plain, QString::fromUtf8(*decoded));
        }
        const QJsonObject stringData = entry.value(QLatin1String("stringData")).toObject();
        for (auto it = stringData.begin(); it != stringData.end(); ++it)
            addWithLines(plain, it.value().toString());
    }
    plain.removeDuplicates();
    return plain;
}

} // namespace Shipyard
