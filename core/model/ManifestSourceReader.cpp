// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/ManifestSourceReader.h"

#include "support/SecretMasker.h"
#include "support/YamlMappingReader.h"

#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace Shipyard {

namespace {

using Presence = YamlMappingReader::Presence;

QString scalarText(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

HelmSource readHelm(const YAML::Node &node, const QString &owner, DiagnosticSink &sink)
{
    HelmSource helm;
    YamlMappingReader r(node, QStringLiteral("%1: helm").arg(owner), sink);
    helm.chart = r.string("chart", Presence::Required).value_or(QString());
    helm.valueFiles = r.stringList("values").value_or(QStringList());
    helm.releaseName = r.string("releaseName").value_or(QString());
    static const QRegularExpression releaseName(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    if (!helm.releaseName.isEmpty() &&
        (!releaseName.match(helm.releaseName).hasMatch() || helm.releaseName.size() > 53))
        sink.error(r.valueLocation("releaseName"),
            QStringLiteral("%1: releaseName '%2' is not a Helm release name (lower-case letters, digits and '-', "
                           "at most 53 characters)")
                .arg(r.what(), helm.releaseName));
    const YAML::Node set = r.mapping("set");
    if (set.IsDefined()) {
        for (const auto &entry : set) {
            const QString key = scalarText(entry.first);
            if (!entry.second.IsScalar()) {
                sink.error(toLocation(entry.second.Mark()),
                    QStringLiteral("%1: set.%2 must be a single value; write nested values as 'a.b: value' or "
                                   "in a values file")
                        .arg(r.what(), key));
                continue;
            }
            helm.set.append({ key, scalarText(entry.second), toLocation(entry.second.Mark()) });
        }
    }
    r.reportUnknownKeys(
        { QStringLiteral("chart"), QStringLiteral("values"), QStringLiteral("set"), QStringLiteral("releaseName") });
    return helm;
}

} // namespace

bool isVariableName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(name).hasMatch();
}

ManifestSource readManifestSource(YamlMappingReader &r, const YAML::Node &item, DiagnosticSink &sink)
{
    ManifestSource source;
    QStringList given;
    for (const char *key : { "manifests", "kustomize", "helm" }) {
        if (r.has(key))
            given.append(QLatin1String(key));
    }
    if (given.isEmpty()) {
        sink.error(r.location(),
            QStringLiteral("%1: no Kubernetes objects: give 'manifests' (files or folders), 'kustomize' (a "
                           "Kustomization folder) or 'helm' (a chart)")
                .arg(r.what()));
        return source;
    }
    if (given.size() > 1)
        sink.error(r.valueLocation(given.at(1).toLatin1().constData()),
            QStringLiteral("%1: '%2' and '%3' both name its objects; keep one")
                .arg(r.what(), given.at(0), given.at(1)));
    const QByteArray key = given.first().toLatin1();
    source.location = r.valueLocation(key.constData());
    if (given.first() == QLatin1String("manifests")) {
        source.kind = ManifestSource::Kind::Files;
        source.files = r.stringList("manifests").value_or(QStringList());
    } else if (given.first() == QLatin1String("kustomize")) {
        source.kind = ManifestSource::Kind::Kustomize;
        if (item["kustomize"].IsMap()) {
            const YAML::Node node = r.mapping("kustomize");
            YamlMappingReader k(node, QStringLiteral("%1: kustomize").arg(r.what()), sink);
            source.kustomization = k.string("path", Presence::Required).value_or(QString());
            source.substitute = k.boolean("substitute").value_or(false);
            k.reportUnknownKeys({ QStringLiteral("path"), QStringLiteral("substitute") });
        } else {
            source.kustomization = r.string("kustomize").value_or(QString());
        }
    } else {
        source.kind = ManifestSource::Kind::Helm;
        const YAML::Node node = r.mapping("helm", Presence::Required);
        if (node.IsDefined())
            source.helm = readHelm(node, r.what(), sink);
    }
    return source;
}

Variables readVariables(YamlMappingReader &r, DiagnosticSink &sink)
{
    Variables variables;
    const YAML::Node node = r.mapping("variables");
    if (!node.IsDefined())
        return variables;
    for (const auto &entry : node) {
        const QString name = scalarText(entry.first);
        const SourceLocation where = toLocation(entry.first.Mark());
        if (!isVariableName(name)) {
            sink.error(where,
                QStringLiteral("%1: variable '%2' is no variable name (letters, digits and '_', not starting "
                               "with a digit)")
                    .arg(r.what(), name));
            continue;
        }
        if (Ecosystem::reservedVariables().contains(name)) {
            sink.error(where,
                QStringLiteral("%1: variable '%2' is set by Shipyard itself (%3); choose another name")
                    .arg(r.what(), name, Ecosystem::reservedVariables().join(QStringLiteral(", "))));
            continue;
        }
        if (!entry.second.IsScalar()) {
            sink.error(toLocation(entry.second.Mark()),
                QStringLiteral("%1: variable '%2' must be a single value").arg(r.what(), name));
            continue;
        }
        // Variables are written into objects, records and diffs for all to
        // read: a secret belongs in the environment's Secret.
        if (SecretMasker::isSecretName(name))
            sink.warning(where,
                QStringLiteral("%1: variable '%2' looks like a secret; variables are plain text in the rendered "
                               "objects and release records: keep it in the environment's 'secret' and refer to "
                               "it by ${ENVIRONMENT_SECRET}")
                    .arg(r.what(), name));
        variables.insert(name, entry.second.IsNull() ? QString() : scalarText(entry.second));
    }
    return variables;
}

} // namespace Shipyard
