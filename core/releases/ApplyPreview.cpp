// SPDX-License-Identifier: GPL-2.0-or-later
#include "releases/ApplyPreview.h"

#include "build/ImageBuilder.h"
#include "git/CommitExport.h"
#include "git/Repository.h"
#include "manifests/ManifestReader.h"
#include "manifests/ManifestRenderer.h"
#include "model/Labels.h"
#include "releases/ReleaseApplier.h"
#include "releases/ReleaseSecrets.h"
#include "releases/ReleaseStore.h"
#include "support/FutureWait.h"
#include "support/LineDiff.h"
#include "support/YamlText.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

namespace Shipyard {

namespace {

const QString gitShaKey = Labels::gitSha;
const QString tasksKey = Labels::tasks;
const QString releaseKey = Labels::release;
const QString sourceKey = Labels::source;
// What a delivery writes on every object it applies: they name that
// delivery, and a preview carries them over from the live objects.
const QStringList releaseKeys { gitShaKey, tasksKey, releaseKey, sourceKey, QString(Labels::version),
    QString(Labels::deliveredBy), QString(Labels::deliveredAt) };

QStringList linesOf(const QJsonObject &object)
{
    if (object.isEmpty())
        return {};
    QStringList lines = YamlText::fromJson(object).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QString annotation(const QJsonObject &object, const QString &key)
{
    return object[QLatin1String("metadata")][QLatin1String("annotations")][key].toString();
}

// "containers[name=catalog]" for lists of named items, as kubectl explains them.
bool isNamedList(const QJsonArray &array)
{
    if (array.isEmpty())
        return false;
    for (const QJsonValue &item : array) {
        if (!item.isObject() || !item.toObject().value(QLatin1String("name")).isString())
            return false;
    }
    return true;
}

void collectDifferences(const QJsonValue &a, const QJsonValue &b, const QString &path, QStringList &out)
{
    if (a.isObject() && b.isObject()) {
        const QJsonObject left = a.toObject();
        const QJsonObject right = b.toObject();
        QStringList keys = left.keys();
        for (const QString &key : right.keys()) {
            if (!left.contains(key))
                keys.append(key);
        }
        keys.sort();
        for (const QString &key : std::as_const(keys))
            collectDifferences(
                left.value(key), right.value(key), path.isEmpty() ? key : path + QLatin1Char('.') + key, out);
        return;
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray left = a.toArray();
        const QJsonArray right = b.toArray();
        if (isNamedList(left) && isNamedList(right)) {
            const auto byName = [](const QJsonArray &array, const QString &name) {
                for (const QJsonValue &item : array) {
                    if (item[QLatin1String("name")].toString() == name)
                        return item;
                }
                return QJsonValue(QJsonValue::Undefined);
            };
            QStringList names;
            for (const QJsonArray *array : { &left, &right }) {
                for (const QJsonValue &item : *array) {
                    const QString name = item[QLatin1String("name")].toString();
                    if (!names.contains(name))
                        names.append(name);
                }
            }
            for (const QString &name : std::as_const(names))
                collectDifferences(
                    byName(left, name), byName(right, name), QStringLiteral("%1[name=%2]").arg(path, name), out);
            return;
        }
        if (left.size() == right.size()) {
            for (qsizetype i = 0; i < left.size(); ++i)
                collectDifferences(left[i], right[i], QStringLiteral("%1[%2]").arg(path).arg(i), out);
            return;
        }
    }
    if (a != b)
        out.append(path);
}

// managedFields' fieldsV1 as paths in differingFields' spelling.
void collectOwned(const QJsonObject &node, const QString &path, QSet<QString> &out)
{
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String(".")) {
            // A list item is set as a whole; a map or list that holds fields
            // speaks through them (an env list kubectl made: the variable).
            if (path.endsWith(QLatin1Char(']')))
                out.insert(path);
            continue;
        }
        QString segment;
        if (key.startsWith(QLatin1String("f:"))) {
            segment = (path.isEmpty() ? QString() : QStringLiteral(".")) + key.mid(2);
        } else if (key.startsWith(QLatin1String("k:"))) {
            const QJsonObject itemKey = QJsonDocument::fromJson(key.mid(2).toUtf8()).object();
            segment = itemKey.size() == 1 && itemKey.contains(QLatin1String("name"))
                ? QStringLiteral("[name=%1]").arg(itemKey.value(QLatin1String("name")).toString())
                : QLatin1Char('[') + key.mid(2) + QLatin1Char(']');
        } else {
            segment = QLatin1Char('[') + key.mid(2) + QLatin1Char(']'); // v:value, i:index
        }
        const QJsonObject child = it.value().toObject();
        if (child.isEmpty())
            out.insert(path + segment);
        else
            collectOwned(child, path + segment, out);
    }
}

bool isWithin(const QString &path, const QString &outer)
{
    return path == outer ||
        (path.startsWith(outer) &&
            (path.at(outer.size()) == QLatin1Char('.') || path.at(outer.size()) == QLatin1Char('[')));
}

} // namespace

QStringList ApplyPreview::foreignFields(const QJsonObject &object, const QString &manager)
{
    QSet<QString> ours;
    QHash<QString, QString> theirs; // path → manager
    for (const QJsonValue &value : object[QLatin1String("metadata")][QLatin1String("managedFields")].toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QLatin1String("subresource")).toString() == QLatin1String("status"))
            continue;
        QSet<QString> paths;
        collectOwned(entry.value(QLatin1String("fieldsV1")).toObject(), {}, paths);
        const QString owner = entry.value(QLatin1String("manager")).toString();
        if (owner == manager) {
            ours.unite(paths);
            continue;
        }
        for (const QString &path : std::as_const(paths))
            theirs.insert(path, owner);
    }
    // Server bookkeeping, as withoutNoise leaves it out.
    static const QStringList noise { QStringLiteral("metadata.annotations.deployment.kubernetes.io/revision"),
        QStringLiteral("metadata.annotations.kubectl.kubernetes.io/last-applied-configuration") };
    QStringList foreign;
    for (auto it = theirs.cbegin(); it != theirs.cend(); ++it) {
        if (ours.contains(it.key()) || noise.contains(it.key()))
            continue;
        foreign.append(it.key());
    }
    // The topmost foreign path speaks for what is below it.
    std::sort(foreign.begin(), foreign.end());
    QStringList reported;
    for (const QString &path : std::as_const(foreign)) {
        if (!reported.isEmpty() && isWithin(path, reported.last().section(QLatin1Char(' '), 0, 0)))
            continue;
        reported.append(QStringLiteral("%1 (%2)").arg(path, theirs.value(path)));
    }
    return reported;
}

bool ApplyPreview::Result::ok() const
{
    if (!error.isEmpty())
        return false;
    for (const ObjectPreview &object : objects) {
        if (object.change == Change::Failed)
            return false;
    }
    return true;
}

bool ApplyPreview::Result::drifted() const
{
    for (const ObjectPreview &object : objects) {
        if (object.drifted())
            return true;
    }
    return false;
}

QJsonObject ApplyPreview::Result::toJson() const
{
    QJsonArray list;
    for (const ObjectPreview &object : objects) {
        QJsonObject entry { { QStringLiteral("object"), object.object },
            { QStringLiteral("change"), keyword(object.change) },
            { QStringLiteral("fields"), QJsonArray::fromStringList(object.fields) },
            { QStringLiteral("foreignFields"), QJsonArray::fromStringList(object.foreignFields) } };
        if (!object.diff.isEmpty())
            entry.insert(QStringLiteral("diff"), object.diff);
        if (!object.error.isEmpty())
            entry.insert(QStringLiteral("error"), object.error);
        list.append(entry);
    }
    QJsonObject json { { QStringLiteral("system"), system }, { QStringLiteral("namespace"), ns },
        { QStringLiteral("image"), image }, { QStringLiteral("imageSource"), imageSource },
        { QStringLiteral("source"), source }, { QStringLiteral("drift"), drifted() },
        { QStringLiteral("objects"), list } };
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    if (!warnings.isEmpty())
        json.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
    return json;
}

ApplyPreview::ApplyPreview(const Ecosystem &ecosystem, const Environment &environment, KubeClient client, QString ns)
    : m_ecosystem(ecosystem), m_environment(environment), m_client(std::move(client)), m_ns(std::move(ns))
{ }

QString ApplyPreview::keyword(Change change)
{
    switch (change) {
    case Change::Unchanged:
        return QStringLiteral("unchanged");
    case Change::Changed:
        return QStringLiteral("changed");
    case Change::Created:
        return QStringLiteral("would-be-created");
    case Change::NotInManifests:
        return QStringLiteral("not-in-manifests");
    case Change::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QJsonObject ApplyPreview::withoutNoise(const QJsonObject &object)
{
    QJsonObject clean = object;
    clean.remove(QStringLiteral("status"));
    QJsonObject metadata = clean.value(QLatin1String("metadata")).toObject();
    for (const char *key : { "managedFields", "resourceVersion", "uid", "generation", "creationTimestamp", "selfLink" })
        metadata.remove(QLatin1String(key));
    QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    // Written by the deployment controller and by kubectl apply, never by the object's owner.
    annotations.remove(QStringLiteral("deployment.kubernetes.io/revision"));
    annotations.remove(QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"));
    if (annotations.isEmpty())
        metadata.remove(QStringLiteral("annotations"));
    else
        metadata.insert(QStringLiteral("annotations"), annotations);
    clean.insert(QStringLiteral("metadata"), metadata);
    return clean;
}

void ApplyPreview::hideSecretValues(QJsonObject &before, QJsonObject &after)
{
    if (!ReleaseSecrets::isSecret(before) && !ReleaseSecrets::isSecret(after))
        return;
    const QString hidden = QStringLiteral("(hidden)");
    const QString changed = QStringLiteral("(hidden, changed)");
    for (const QString &field : { QStringLiteral("data"), QStringLiteral("stringData") }) {
        const QJsonObject left = before.value(field).toObject();
        const QJsonObject right = after.value(field).toObject();
        QJsonObject hiddenLeft;
        for (auto it = left.begin(); it != left.end(); ++it)
            hiddenLeft.insert(it.key(), hidden);
        QJsonObject hiddenRight;
        for (auto it = right.begin(); it != right.end(); ++it)
            hiddenRight.insert(
                it.key(), left.contains(it.key()) && left.value(it.key()) != it.value() ? changed : hidden);
        if (before.contains(field))
            before.insert(field, hiddenLeft);
        if (after.contains(field))
            after.insert(field, hiddenRight);
    }
}

QStringList ApplyPreview::differingFields(const QJsonObject &a, const QJsonObject &b)
{
    QStringList fields;
    collectDifferences(a, b, {}, fields);
    return fields;
}

QString ApplyPreview::systemOf(const Ecosystem &ecosystem, const Environment &environment, const QString &ns,
    const QString &kind, const QString &name)
{
    const ManifestRenderer renderer(ecosystem, environment, ns, environment.taskOf(ns));
    for (const System &system : ecosystem.systems) {
        if (!environment.systems.isEmpty() && !environment.systems.contains(system.name))
            continue;
        for (const QJsonObject &object : renderer.render(system, ecosystem.resolvePath(system.repository)).objects) {
            if (object.value(QLatin1String("kind")).toString() == kind &&
                object[QLatin1String("metadata")][QLatin1String("name")].toString() == name)
                return system.name;
        }
    }
    return {};
}

const Environment *ApplyPreview::environmentOf(const Ecosystem &ecosystem, const QString &context, const QString &ns)
{
    for (const Environment &environment : ecosystem.environments) {
        if (environment.context == context && environment.namespaceRegex().match(ns).hasMatch())
            return &environment;
    }
    return nullptr;
}

ApplyPreview::Result ApplyPreview::preview(const QString &systemName, const Options &options) const
{
    Result result;
    result.system = systemName;
    result.ns = m_ns;
    const System *system = m_ecosystem.system(systemName);
    if (!system) {
        result.error = QStringLiteral("no system named %1 in %2").arg(systemName, m_ecosystem.filePath);
        return result;
    }

    // The manifests: the working tree's, as a delivery of upstream reads
    // them, or a given commit's, exported aside.
    QString directory = m_ecosystem.resolvePath(system->repository);
    QString commit;
    QTemporaryDir exported;
    if (!options.commit.isEmpty()) {
        GitError gitError;
        const Repository repository = Repository::open(directory, &gitError);
        if (!gitError)
            commit = repository.resolve(options.commit, &gitError);
        if (!gitError && commit.isEmpty())
            gitError = GitError(GitError::Kind::NotFound, QStringLiteral("no such revision"));
        if (!gitError)
            gitError = CommitExport::run(repository, commit, exported.path());
        if (gitError) {
            result.error =
                QStringLiteral("%1: %2 in %3: %4").arg(system->name, options.commit, directory, gitError.message());
            return result;
        }
        directory = exported.path();
    }

    // Rendered once; first the objects' places, to read what is live.
    ManifestRenderer renderer(m_ecosystem, m_environment, m_ns, m_environment.taskOf(m_ns));
    if (system->manifests.kind == ManifestSource::Kind::Helm) {
        const ClusterCapabilities capabilities = ClusterCapabilities::fetch(m_client);
        if (!capabilities.error.isEmpty())
            result.warnings.append(QStringLiteral("the cluster's version and APIs could not be read (%1): the chart "
                                                  "renders with Helm's defaults")
                    .arg(capabilities.error));
        renderer.setCapabilities(capabilities);
    }
    const ManifestRenderer::Result rendering = renderer.render(*system, directory);
    result.source = rendering.source;
    result.warnings += rendering.warnings;
    const ManifestRenderer::Result placed = renderer.forDelivery(rendering, *system, system->image, {});
    if (!placed.ok()) {
        result.error = placed.error;
        return result;
    }
    const QList<QJsonObject> &placeholders = placed.objects;
    QList<QJsonObject> live;
    QSet<QString> wanted;
    for (const QJsonObject &object : placeholders) {
        wanted.insert(ReleaseApplier::describe(object));
        const KubeResponse response = await(m_client.get(ManifestReader::pathOf(object, m_ns)));
        if (response.error.isNotFound()) {
            live.append(QJsonObject());
            continue;
        }
        if (!response.ok()) {
            result.error =
                QStringLiteral("%1 in %2: %3").arg(ReleaseApplier::describe(object), m_ns, response.error.message);
            return result;
        }
        live.append(response.json());
    }

    // The system's latest release: the image it recorded, the objects it put here.
    KubeError storeError;
    const QList<ReleaseRecord> records = ReleaseStore(m_client, m_ns).list(&storeError);
    if (storeError.isError())
        result.warnings.append(QStringLiteral("release records in %1 unreadable: %2").arg(m_ns, storeError.message));
    const ReleaseRecord::SystemRelease *released = nullptr;
    for (const ReleaseRecord &record : records) {
        if ((released = record.system(system->name)) && !released->objects.isEmpty())
            break;
        released = nullptr;
    }

    if (!options.image.isEmpty()) {
        result.image = options.image;
        result.imageSource = QStringLiteral("given");
    } else if (!commit.isEmpty()) {
        result.image = ImageBuilder(m_ecosystem.registry).imageFor(*system, commit);
        result.imageSource = QStringLiteral("commit");
    } else {
        for (const QJsonObject &object : std::as_const(live)) {
            if (result.image.isEmpty())
                result.image = ManifestReader::imageOf(object, system->image);
        }
        result.imageSource = QStringLiteral("live");
        if (result.image.isEmpty() && released && !released->image.isEmpty()) {
            result.image = released->image;
            result.imageSource = QStringLiteral("release");
        }
    }
    if (result.image.isEmpty()) {
        result.error = QStringLiteral("%1 in %2: no container runs %3 and no release records its image; name one")
                           .arg(system->name, m_ns, system->image);
        return result;
    }

    // The release's annotations, from a live object of the system: they name
    // a delivery, not what this one would change. A commit's preview names
    // that commit and what renders it.
    QList<QPair<QString, QString>> releaseAnnotations;
    for (const QString &key : releaseKeys) {
        for (const QJsonObject &object : std::as_const(live)) {
            const QJsonValue value = object[QLatin1String("metadata")][QLatin1String("annotations")][key];
            if (value.isString()) {
                releaseAnnotations.append({ key, value.toString() });
                break;
            }
        }
    }
    if (!commit.isEmpty()) {
        releaseAnnotations.removeIf(
            [](const auto &entry) { return entry.first == gitShaKey || entry.first == sourceKey; });
        releaseAnnotations.append({ gitShaKey, commit });
        releaseAnnotations.append({ sourceKey, rendering.source });
    }
    const ManifestRenderer::Result delivered =
        renderer.forDelivery(rendering, *system, result.image, releaseAnnotations);
    if (!delivered.ok()) {
        result.error = delivered.error;
        return result;
    }
    const QList<QJsonObject> &rendered = delivered.objects;

    const ReleaseApplier applier(m_client, m_ns);
    for (qsizetype i = 0; i < rendered.size(); ++i) {
        QJsonObject object = rendered[i];
        // An object's own release annotations win over its siblings'.
        for (const QString &key : releaseKeys) {
            const QString own = annotation(live[i], key);
            if (!own.isEmpty() && ((key != gitShaKey && key != sourceKey) || commit.isEmpty()))
                ManifestReader::annotate(object, key, own);
        }
        ObjectPreview preview;
        preview.object = ReleaseApplier::describe(object);
        QString dryRunError;
        const QJsonObject would = applier.dryRun(object, &dryRunError);
        if (!dryRunError.isEmpty()) {
            preview.change = Change::Failed;
            preview.error = dryRunError;
            result.objects.append(preview);
            continue;
        }
        QJsonObject before = live[i].isEmpty() ? QJsonObject() : withoutNoise(live[i]);
        QJsonObject after = withoutNoise(would);
        hideSecretValues(before, after);
        preview.fields = differingFields(before, after);
        if (live[i].isEmpty())
            preview.change = Change::Created;
        else if (!preview.fields.isEmpty())
            preview.change = Change::Changed;
        if (!live[i].isEmpty()) {
            // What the dry run takes back is in the diff already.
            for (const QString &field : foreignFields(live[i])) {
                const QString path = field.section(QLatin1Char(' '), 0, 0);
                const bool shown = std::any_of(preview.fields.cbegin(), preview.fields.cend(),
                    [&](const QString &changed) { return isWithin(changed, path) || isWithin(path, changed); });
                if (!shown)
                    preview.foreignFields.append(field);
            }
        }
        if (preview.change != Change::Unchanged)
            preview.diff = LineDiff::unified(linesOf(before), linesOf(after),
                QStringLiteral("live/%1").arg(preview.object), QStringLiteral("shipyard/%1").arg(preview.object));
        result.objects.append(preview);
    }

    // What the last release put here that no manifest has any more.
    if (released) {
        for (const QJsonValue &value : released->objects) {
            const QJsonObject object = value.toObject();
            const QString name = ReleaseApplier::describe(object);
            if (wanted.contains(name))
                continue;
            const KubeResponse response = await(m_client.get(ManifestReader::pathOf(object, m_ns)));
            if (response.error.isNotFound())
                continue;
            ObjectPreview preview;
            preview.object = name;
            if (!response.ok()) {
                preview.change = Change::Failed;
                preview.error = QStringLiteral("%1 in %2: %3").arg(name, m_ns, response.error.message);
            } else {
                preview.change = Change::NotInManifests;
                QJsonObject before = withoutNoise(response.json());
                QJsonObject none;
                hideSecretValues(before, none);
                preview.diff = LineDiff::unified(
                    linesOf(before), {}, QStringLiteral("live/%1").arg(name), QStringLiteral("shipyard/%1").arg(name));
            }
            result.objects.append(preview);
        }
    }
    return result;
}

} // namespace Shipyard
