// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/WritePermissions.h"

#include "kube/AccessReview.h"
#include "manifests/ManifestReader.h"
#include "support/FutureWait.h"

#include <QFuture>

#include <utility>
#include <vector>

namespace Shipyard {

namespace {

KubeResourceType coreType(const char *resource, const char *kind)
{
    return KubeResourceType::make(
        QString(), QStringLiteral("v1"), QString::fromLatin1(resource), QString::fromLatin1(kind));
}

} // namespace

WritePermissions::WritePermissions(KubeClient client, QString ns) : m_client(std::move(client)), m_ns(std::move(ns))
{ }

QString WritePermissions::Entry::describe(const QStringList &someVerbs) const
{
    return someVerbs.join(QLatin1Char('/')) + QLatin1Char(' ') + resourceName() +
        (type.namespaced ? QString() : QStringLiteral(" (cluster-wide)"));
}

QString WritePermissions::Entry::resourceName() const
{
    return subresource.isEmpty() ? type.qualifiedName() : type.qualifiedName() + QLatin1Char('/') + subresource;
}

void WritePermissions::add(const QString &verb, const KubeResourceType &type, const QString &subresource)
{
    for (Entry &entry : m_entries) {
        if (entry.type.group != type.group || entry.type.resource != type.resource || entry.subresource != subresource)
            continue;
        if (!entry.verbs.contains(verb))
            entry.verbs.append(verb);
        return;
    }
    m_entries.append({ type, subresource, { verb } });
}

void WritePermissions::addLock()
{
    const KubeResourceType leases = KubeResourceType::make(
        QStringLiteral("coordination.k8s.io"), QStringLiteral("v1"), QStringLiteral("leases"), QStringLiteral("Lease"));
    for (const char *verb : { "get", "list", "create", "update", "patch", "delete" })
        add(QString::fromLatin1(verb), leases);
}

void WritePermissions::addReleaseRecords(bool withSecrets)
{
    for (const char *verb : { "get", "list", "create", "patch", "delete" }) {
        add(QString::fromLatin1(verb), coreType("configmaps", "ConfigMap"));
        if (withSecrets)
            add(QString::fromLatin1(verb), coreType("secrets", "Secret"));
    }
}

void WritePermissions::addEvents()
{
    add(QStringLiteral("create"), coreType("events", "Event"));
}

void WritePermissions::addMigrations()
{
    const KubeResourceType jobs = KubeResourceType::make(
        QStringLiteral("batch"), QStringLiteral("v1"), QStringLiteral("jobs"), QStringLiteral("Job"));
    add(QStringLiteral("create"), jobs);
    add(QStringLiteral("get"), jobs);
    add(QStringLiteral("list"), coreType("pods", "Pod"));
    add(QStringLiteral("get"), coreType("pods", "Pod"), QStringLiteral("log"));
}

void WritePermissions::addApplied(const QList<QJsonObject> &objects)
{
    for (const QJsonObject &object : objects) {
        const KubeResourceType type = ManifestReader::typeOf(object);
        // Read first: the state before a first delivery is captured from it.
        add(QStringLiteral("get"), type);
        add(QStringLiteral("create"), type);
        add(QStringLiteral("patch"), type);
        // A Deployment's rollout is then watched until it is done.
        if (object.value(QLatin1String("kind")).toString() == QLatin1String("Deployment")) {
            add(QStringLiteral("list"), type);
            add(QStringLiteral("watch"), type);
        }
    }
}

void WritePermissions::addRemoved(const QList<QJsonObject> &objects)
{
    for (const QJsonObject &object : objects)
        add(QStringLiteral("delete"), ManifestReader::typeOf(object));
}

QStringList WritePermissions::asked() const
{
    QStringList asked;
    for (const Entry &entry : m_entries)
        asked.append(entry.describe(entry.verbs));
    return asked;
}

QString WritePermissions::check(KubeError *error) const
{
    // Every question is sent before the first answer is awaited: a few
    // dozen small requests cost about one round trip.
    struct Question
    {
        const Entry *entry;
        QString verb;
        QFuture<AccessReview::Answer> answer;
    };
    std::vector<Question> questions;
    for (const Entry &entry : m_entries) {
        for (const QString &verb : entry.verbs)
            questions.push_back({ &entry, verb,
                AccessReview::canI(m_client, verb, entry.resourceName(), entry.type.namespaced ? m_ns : QString()) });
    }
    QStringList missing;
    const Entry *current = nullptr;
    QStringList verbs;
    const auto flush = [&] {
        if (current && !verbs.isEmpty())
            missing.append(current->describe(verbs));
        verbs.clear();
    };
    KubeError failure;
    for (Question &question : questions) {
        const AccessReview::Answer answer = await(question.answer);
        if (question.entry != current) {
            flush();
            current = question.entry;
        }
        if (answer.error.isError()) {
            if (!failure.isError())
                failure = answer.error;
            verbs.append(question.verb);
        } else if (!answer.allowed) {
            verbs.append(question.verb);
        }
    }
    flush();
    if (missing.isEmpty())
        return {};
    const QString who =
        m_client.connection().contextName.isEmpty() ? QStringLiteral("this user") : m_client.connection().contextName;
    if (failure.isError()) {
        if (error)
            *error = failure;
        return QStringLiteral("could not ask whether %1 may %2 in %3: %4")
            .arg(who, missing.join(QStringLiteral(", ")), m_ns, failure.message);
    }
    return QStringLiteral("%1 may not %2 in %3").arg(who, missing.join(QStringLiteral(", ")), m_ns);
}

} // namespace Shipyard
