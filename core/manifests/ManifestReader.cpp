// SPDX-License-Identifier: GPL-2.0-or-later
#include "manifests/ManifestReader.h"

#include "kube/KubeResourceType.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace Shipyard {

namespace {

QJsonValue toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return QJsonValue::Null;
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node)
            array.append(toJson(item));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node)
            object.insert(QString::fromStdString(entry.first.as<std::string>()), toJson(entry.second));
        return object;
    }
    case YAML::NodeType::Scalar:
        break;
    }
    const QString text = QString::fromStdString(node.Scalar());
    // yaml-cpp tags quoted scalars "!": those are strings whatever they look like.
    if (node.Tag() != "?")
        return text;
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression floating(QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (text == QLatin1String("true") || text == QLatin1String("True") || text == QLatin1String("TRUE"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("False") || text == QLatin1String("FALSE"))
        return false;
    if (text.isEmpty() || text == QLatin1String("~") || text == QLatin1String("null") || text == QLatin1String("Null"))
        return QJsonValue::Null;
    if (integer.match(text).hasMatch())
        return text.toLongLong();
    if (floating.match(text).hasMatch())
        return text.toDouble();
    return text;
}

QString pluralOf(const QString &kind)
{
    const QString lower = kind.toLower();
    if (lower.endsWith(QLatin1Char('s')) || lower.endsWith(QLatin1Char('x')))
        return lower + QStringLiteral("es");
    if (lower.endsWith(QLatin1Char('y')))
        return lower.chopped(1) + QStringLiteral("ies");
    return lower + QLatin1Char('s');
}

// The pod spec of a bare pod, a workload's pod template or a CronJob's job template.
template<typename Visit> void forEachPodSpec(QJsonObject &object, Visit visit)
{
    const QString kind = object.value(QLatin1String("kind")).toString();
    QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    if (kind == QLatin1String("Pod")) {
        visit(spec);
        object.insert(QStringLiteral("spec"), spec);
        return;
    }
    if (kind == QLatin1String("CronJob")) {
        QJsonObject jobTemplate = spec.value(QLatin1String("jobTemplate")).toObject();
        QJsonObject jobSpec = jobTemplate.value(QLatin1String("spec")).toObject();
        QJsonObject podTemplate = jobSpec.value(QLatin1String("template")).toObject();
        QJsonObject podSpec = podTemplate.value(QLatin1String("spec")).toObject();
        visit(podSpec);
        podTemplate.insert(QStringLiteral("spec"), podSpec);
        jobSpec.insert(QStringLiteral("template"), podTemplate);
        jobTemplate.insert(QStringLiteral("spec"), jobSpec);
        spec.insert(QStringLiteral("jobTemplate"), jobTemplate);
        object.insert(QStringLiteral("spec"), spec);
        return;
    }
    if (!spec.contains(QLatin1String("template")))
        return;
    QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
    QJsonObject podSpec = podTemplate.value(QLatin1String("spec")).toObject();
    visit(podSpec);
    podTemplate.insert(QStringLiteral("spec"), podSpec);
    spec.insert(QStringLiteral("template"), podTemplate);
    object.insert(QStringLiteral("spec"), spec);
}

} // namespace

QList<QJsonObject> ManifestReader::parse(const QByteArray &yaml, const QString &fileName, QString *error)
{
    QList<QJsonObject> objects;
    try {
        for (const YAML::Node &document : YAML::LoadAll(yaml.toStdString())) {
            if (document.IsNull())
                continue;
            const QJsonValue value = toJson(document);
            if (!value.isObject()) {
                if (error)
                    *error = QStringLiteral("%1: a document is not a mapping").arg(fileName);
                return {};
            }
            QJsonObject object = value.toObject();
            // A List holds its objects in items, as kubectl accepts it.
            if (object.value(QLatin1String("kind")).toString() == QLatin1String("List")) {
                for (const QJsonValue &item : object.value(QLatin1String("items")).toArray())
                    objects.append(item.toObject());
                continue;
            }
            if (object.value(QLatin1String("apiVersion")).toString().isEmpty() ||
                object.value(QLatin1String("kind")).toString().isEmpty() ||
                object[QLatin1String("metadata")][QLatin1String("name")].toString().isEmpty()) {
                if (error)
                    *error = QStringLiteral("%1: an object lacks apiVersion, kind or metadata.name").arg(fileName);
                return {};
            }
            objects.append(object);
        }
    } catch (const YAML::Exception &exception) {
        if (error)
            *error = QStringLiteral("%1:%2: %3")
                         .arg(fileName)
                         .arg(exception.mark.line + 1)
                         .arg(QString::fromStdString(exception.msg));
        return {};
    }
    return objects;
}

QStringList ManifestReader::filesOf(const QStringList &paths, QString *error)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            const QDir dir(path);
            for (const QString &name :
                dir.entryList({ QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json") },
                    QDir::Files, QDir::Name))
                files.append(dir.filePath(name));
        } else if (info.isFile()) {
            files.append(path);
        } else {
            if (error)
                *error = QStringLiteral("%1: no such file or folder").arg(path);
            return {};
        }
    }
    return files;
}

QList<QJsonObject> ManifestReader::read(const QStringList &paths, QString *error)
{
    QString problem;
    const QStringList files = filesOf(paths, &problem);
    QList<QJsonObject> objects;
    for (const QString &file : files) {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly)) {
            problem = QStringLiteral("%1: %2").arg(file, input.errorString());
            break;
        }
        const QList<QJsonObject> parsed = parse(input.readAll(), file, &problem);
        if (!problem.isEmpty())
            break;
        objects += parsed;
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return {};
    }
    return objects;
}

bool ManifestReader::matchesRepository(const QString &image, const QString &repository)
{
    if (repository.isEmpty())
        return false;
    QString name = image;
    const qsizetype at = name.indexOf(QLatin1Char('@'));
    if (at >= 0)
        name.truncate(at);
    // A colon after the last slash is a tag; before it, a registry port.
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon > name.lastIndexOf(QLatin1Char('/')))
        name.truncate(colon);
    return name == repository || name.endsWith(QLatin1Char('/') + repository);
}

int ManifestReader::substituteImage(QJsonObject &object, const QString &repository, const QString &image)
{
    int changed = 0;
    forEachPodSpec(object, [&](QJsonObject &podSpec) {
        for (const char *key : { "initContainers", "containers" }) {
            QJsonArray containers = podSpec.value(QLatin1String(key)).toArray();
            for (qsizetype i = 0; i < containers.size(); ++i) {
                QJsonObject container = containers[i].toObject();
                if (matchesRepository(container.value(QLatin1String("image")).toString(), repository)) {
                    container.insert(QStringLiteral("image"), image);
                    containers[i] = container;
                    ++changed;
                }
            }
            if (podSpec.contains(QLatin1String(key)))
                podSpec.insert(QLatin1String(key), containers);
        }
    });
    return changed;
}

QJsonObject ManifestReader::podSpecOf(const QJsonObject &object)
{
    QJsonObject found;
    QJsonObject copy = object;
    forEachPodSpec(copy, [&](QJsonObject &podSpec) { found = podSpec; });
    return found;
}

QString ManifestReader::imageOf(const QJsonObject &object, const QString &repository)
{
    QString found;
    QJsonObject copy = object;
    forEachPodSpec(copy, [&](QJsonObject &podSpec) {
        for (const QJsonValue &container : podSpec.value(QLatin1String("containers")).toArray()) {
            const QString image = container[QLatin1String("image")].toString();
            if (found.isEmpty() && matchesRepository(image, repository))
                found = image;
        }
    });
    return found;
}

void ManifestReader::annotate(QJsonObject &object, const QString &key, const QString &value)
{
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    annotations.insert(key, value);
    metadata.insert(QStringLiteral("annotations"), annotations);
    object.insert(QStringLiteral("metadata"), metadata);
}

KubeResourceType ManifestReader::typeOf(const QJsonObject &object)
{
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    const qsizetype slash = apiVersion.indexOf(QLatin1Char('/'));
    const QString group = slash < 0 ? QString() : apiVersion.left(slash);
    const QString version = slash < 0 ? apiVersion : apiVersion.mid(slash + 1);
    const QString kind = object.value(QLatin1String("kind")).toString();
    static const QStringList clusterScoped { QStringLiteral("Namespace"), QStringLiteral("ClusterRole"),
        QStringLiteral("ClusterRoleBinding"), QStringLiteral("CustomResourceDefinition"),
        QStringLiteral("PersistentVolume"), QStringLiteral("StorageClass"), QStringLiteral("PriorityClass") };
    return KubeResourceType::make(group, version, pluralOf(kind), kind, !clusterScoped.contains(kind));
}

QString ManifestReader::pathOf(const QJsonObject &object, const QString &ns)
{
    return typeOf(object).path(ns, object[QLatin1String("metadata")][QLatin1String("name")].toString());
}

} // namespace Shipyard
