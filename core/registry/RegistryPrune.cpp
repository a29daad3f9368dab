// SPDX-License-Identifier: GPL-2.0-or-later
#include "registry/RegistryPrune.h"

#include "audit/AuditJournal.h"
#include "support/Duration.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>
#include <numeric>

namespace Shipyard {

struct RegistryPrune::Listed
{
    QString repository;
    QList<Tag> tags; // with digest and created, no reasons yet
};

namespace {

void addReason(QStringList &reasons, const QString &reason)
{
    if (!reasons.contains(reason))
        reasons.append(reason);
}

// An image config's `created`: RFC 3339, often with nanoseconds, which Qt
// reads only up to milliseconds.
QDateTime parseCreated(const QString &text)
{
    static const QRegularExpression fraction(QStringLiteral(R"((\.\d{1,3})\d*)"));
    QString trimmed = text;
    trimmed.replace(fraction, QStringLiteral("\\1"));
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace

RegistryPrune::RegistryPrune(
    const Ecosystem &ecosystem, const ClusterAccess &cluster, const QProcessEnvironment &environment)
    : m_ecosystem(ecosystem), m_cluster(cluster), m_registry(ecosystem.registry, environment)
{ }

bool RegistryPrune::Result::succeeded() const
{
    if (!error.isEmpty())
        return false;
    for (const Repository &repository : repositories) {
        if (!repository.error.isEmpty())
            return false;
        for (const Tag &tag : repository.deleted)
            if (!tag.error.isEmpty())
                return false;
    }
    return true;
}

QString RegistryPrune::newestReason(int keep)
{
    return tr("newest %1").arg(keep);
}

QString RegistryPrune::youngerReason(std::chrono::seconds age)
{
    return tr("younger than %1").arg(formatDuration(age));
}

bool RegistryPrune::list(const QString &repository, Listed &listed, QString *error) const
{
    listed.repository = repository;
    RegistryError failure;
    const std::optional<QStringList> tags = m_registry.tags(repository, &failure);
    if (!tags) {
        // A repository nothing was ever pushed to has nothing to prune.
        if (failure.kind == RegistryError::Kind::NotFound)
            return true;
        *error = failure.message;
        return false;
    }
    QHash<QString, QDateTime> createdByDigest;
    for (const QString &name : *tags) {
        const std::optional<RegistryClient::Manifest> head = m_registry.resolve(repository, name, &failure);
        if (!head) {
            if (failure.kind == RegistryError::Kind::NotFound)
                continue; // deleted since the listing
            // A tag whose digest is unknown might share a manifest that a
            // deletion would take: nothing of this repository is deleted.
            *error = failure.message;
            return false;
        }
        Tag tag;
        tag.tag = name;
        tag.digest = head->digest;
        if (!createdByDigest.contains(tag.digest)) {
            // The config's `created`; for an index, its first image's. An
            // age that cannot be read is no error: the tag then ranks last.
            QDateTime created;
            std::optional<RegistryClient::Manifest> manifest = m_registry.manifest(repository, tag.digest);
            QJsonObject object = manifest ? QJsonDocument::fromJson(manifest->body).object() : QJsonObject();
            const QJsonArray children = object.value(QLatin1String("manifests")).toArray();
            if (!children.isEmpty()) {
                manifest = m_registry.manifest(
                    repository, children.first()[QLatin1String("digest")].toString(QStringLiteral("-")));
                object = manifest ? QJsonDocument::fromJson(manifest->body).object() : QJsonObject();
            }
            const QString config = object[QLatin1String("config")][QLatin1String("digest")].toString();
            if (!config.isEmpty()) {
                if (const std::optional<QByteArray> blob = m_registry.blob(repository, config))
                    created = parseCreated(
                        QJsonDocument::fromJson(*blob).object().value(QLatin1String("created")).toString());
            }
            createdByDigest.insert(tag.digest, created);
        }
        tag.created = createdByDigest.value(tag.digest);
        listed.tags.append(tag);
    }
    return true;
}

void RegistryPrune::plan(
    const Listed &listed, const ImagesInUse::Result &uses, const Options &options, Repository &out) const
{
    QHash<QString, qsizetype> byTag;
    for (qsizetype i = 0; i < listed.tags.size(); ++i)
        byTag.insert(listed.tags[i].tag, i);
    QList<Tag> tags = listed.tags;
    QList<QDateTime> recorded(tags.size()); // the newest release record naming each tag

    const QString prefix = m_registry.imagePrefix() + QLatin1Char('/');
    for (const ImagesInUse::Use &use : uses.uses) {
        // Only images of this registry: a first component naming another
        // host is another registry's repository of the same name.
        QString image = use.image;
        if (image.startsWith(prefix)) {
            image.remove(0, prefix.size());
        } else {
            const QString first = image.section(QLatin1Char('/'), 0, 0);
            if (image.contains(QLatin1Char('/')) &&
                (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':')) || first == u"localhost"))
                continue;
        }
        QString repository;
        QString reference;
        if (!RegistryClient::splitImage(image, &repository, &reference) || repository != listed.repository)
            continue;
        for (Tag &tag : tags) {
            const bool named = reference.contains(QLatin1Char(':')) ? tag.digest == reference : tag.tag == reference;
            if (named || (!use.digest.isEmpty() && tag.digest == use.digest))
                addReason(tag.reasons, use.reason);
        }
        if (const auto found = byTag.constFind(reference); found != byTag.cend() && use.time.isValid()) {
            QDateTime &time = recorded[*found];
            if (!time.isValid() || use.time > time)
                time = use.time;
        }
    }

    QList<qsizetype> order(tags.size());
    std::iota(order.begin(), order.end(), 0);
    const auto timeOf = [&](qsizetype i) { return tags[i].created.isValid() ? tags[i].created : recorded[i]; };
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const QDateTime ta = timeOf(a);
        const QDateTime tb = timeOf(b);
        if (ta.isValid() != tb.isValid())
            return ta.isValid();
        if (ta != tb)
            return ta > tb;
        return tags[a].tag > tags[b].tag;
    });
    for (qsizetype rank = 0; rank < order.size() && rank < options.keep; ++rank)
        addReason(tags[order[rank]].reasons, newestReason(options.keep));
    if (options.olderThan) {
        for (qsizetype i = 0; i < tags.size(); ++i) {
            const QDateTime time = timeOf(i);
            if (!time.isValid())
                addReason(tags[i].reasons, tr("age unknown"));
            else if (time.secsTo(options.now) < options.olderThan->count())
                addReason(tags[i].reasons, youngerReason(*options.olderThan));
        }
    }
    // Deleting a digest deletes all its tags: one kept tag keeps its manifest.
    QHash<QString, QStringList> keptByDigest;
    for (const Tag &tag : std::as_const(tags))
        if (!tag.reasons.isEmpty())
            keptByDigest[tag.digest].append(tag.tag);
    for (const qsizetype i : std::as_const(order)) {
        Tag &tag = tags[i];
        if (tag.reasons.isEmpty() && keptByDigest.contains(tag.digest))
            tag.reasons.append(tr("same image as %1").arg(keptByDigest.value(tag.digest).join(QStringLiteral(", "))));
        (tag.reasons.isEmpty() ? out.deleted : out.kept).append(tag);
    }
}

void RegistryPrune::audit(const Options &options, const Repository &repository, const QString &digest,
    const QStringList &tags, const QString &result) const
{
    AuditJournal journal(options.auditJournal.isEmpty() ? AuditJournal::defaultPath() : options.auditJournal);
    journal.setMasker(m_ecosystem.secretMasker());
    AuditRecord record;
    record.action = QStringLiteral("registry.prune");
    record.result = result;
    record.details = QJsonObject { { QStringLiteral("registry"), m_registry.imagePrefix() },
        { QStringLiteral("repository"), repository.repository }, { QStringLiteral("digest"), digest },
        { QStringLiteral("tags"), QJsonArray::fromStringList(tags) },
        { QStringLiteral("systems"), QJsonArray::fromStringList(repository.systems) } };
    // What the registry already deleted stays deleted: a journal that
    // cannot be written is said, not undone.
    QString error;
    if (!journal.append(record, &error))
        qWarning("the audit journal could not be written: %s", qPrintable(error));
}

RegistryPrune::Result RegistryPrune::run(const Options &options, const Progress &progress) const
{
    const auto say = [&](const QString &line) {
        if (progress)
            progress(line);
    };
    Result result;
    result.registry = m_registry.imagePrefix();
    result.dryRun = options.dryRun;
    if (m_ecosystem.registry.url.trimmed().isEmpty()) {
        result.error = tr("%1 names no registry (registry.url)").arg(m_ecosystem.filePath);
        return result;
    }
    if (!options.system.isEmpty()) {
        const System *system = m_ecosystem.system(options.system);
        if (!system) {
            result.error = tr("no system named %1").arg(options.system);
            return result;
        }
        if (system->image.isEmpty()) {
            result.error = tr("system %1 has no image").arg(options.system);
            return result;
        }
    }
    // Systems may share a repository: it is judged once, for all of them.
    for (const System &system : m_ecosystem.systems) {
        if (system.image.isEmpty() || (!options.system.isEmpty() && system.name != options.system))
            continue;
        auto same = std::find_if(result.repositories.begin(), result.repositories.end(),
            [&](const Repository &repository) { return repository.repository == system.image; });
        if (same == result.repositories.end()) {
            result.repositories.append(Repository { {}, system.image, {}, {}, {} });
            same = std::prev(result.repositories.end());
        }
        same->systems.append(system.name);
    }

    QList<Listed> listed(result.repositories.size());
    for (qsizetype i = 0; i < result.repositories.size(); ++i) {
        Repository &repository = result.repositories[i];
        say(tr("listing the tags of %1/%2").arg(result.registry, repository.repository));
        if (!list(repository.repository, listed[i], &repository.error))
            say(tr("%1: %2").arg(repository.repository, repository.error));
    }

    say(tr("reading the images in use in every environment"));
    const ImagesInUse::Result uses = ImagesInUse::read(m_ecosystem, m_cluster);
    if (!uses.complete()) {
        result.incomplete = uses.errors;
        result.error = tr("nothing deleted: the images in use could not be read completely, and deleting on partial "
                          "knowledge could delete what runs there — %1")
                           .arg(uses.errors.join(QStringLiteral("; ")));
        for (Repository &repository : result.repositories) {
            repository.kept.clear();
            repository.deleted.clear();
        }
        return result;
    }

    bool deletionDisabled = false;
    for (qsizetype i = 0; i < result.repositories.size(); ++i) {
        Repository &repository = result.repositories[i];
        if (!repository.error.isEmpty())
            continue;
        plan(listed[i], uses, options, repository);
        if (options.dryRun)
            continue;
        // One DELETE per digest, in the order the tags were ranked.
        QStringList digests;
        for (const Tag &tag : std::as_const(repository.deleted))
            if (!digests.contains(tag.digest))
                digests.append(tag.digest);
        for (const QString &digest : std::as_const(digests)) {
            QStringList names;
            for (const Tag &tag : std::as_const(repository.deleted))
                if (tag.digest == digest)
                    names.append(tag.tag);
            RegistryError failure;
            if (deletionDisabled) {
                failure.kind = RegistryError::Kind::DeletionDisabled;
                failure.message = result.error;
            } else {
                say(tr("deleting %1/%2@%3 (%4)")
                        .arg(result.registry, repository.repository, digest, names.join(QStringLiteral(", "))));
                m_registry.deleteManifest(repository.repository, digest, &failure);
                // Gone already (another prune, a person): what was asked for.
                if (failure.kind == RegistryError::Kind::NotFound)
                    failure = {};
                if (failure.kind == RegistryError::Kind::DeletionDisabled) {
                    deletionDisabled = true;
                    result.error = failure.message;
                }
                audit(options, repository, digest, names,
                    failure.isError() ? QStringLiteral("failed: ") + failure.message : QStringLiteral("succeeded"));
            }
            for (Tag &tag : repository.deleted) {
                if (tag.digest != digest)
                    continue;
                tag.deleted = !failure.isError();
                tag.error = failure.message;
            }
        }
    }
    return result;
}

} // namespace Shipyard
