// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/Ecosystem.h"

#include "support/SecretMasker.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>

#include <algorithm>

namespace Shipyard {

std::optional<CanaryPlan> CanaryPlan::forDelivery(const System &system, const Environment &environment)
{
    // "canary: false" in an environment turns its systems' plans off there.
    if (environment.canary)
        return environment.canary->steps.isEmpty() ? std::nullopt : environment.canary;
    if (system.canary && environment.isFinal())
        return system.canary;
    return std::nullopt;
}

QString Environment::namespaceFor(const QString &taskKey) const
{
    if (kind != EnvironmentKind::Showroom)
        return namespaceName;
    // Task keys are upper case; namespaces must be DNS labels.
    return QString(namespacePattern).replace(QStringLiteral("{task}"), taskKey.toLower());
}

QString Environment::taskOf(const QString &ns) const
{
    const qsizetype at = namespacePattern.indexOf(QStringLiteral("{task}"));
    if (kind != EnvironmentKind::Showroom || at < 0 || !namespaceRegex().match(ns).hasMatch())
        return {};
    const qsizetype suffix = namespacePattern.size() - at - 6;
    return ns.mid(at, ns.size() - at - suffix).toUpper();
}

QRegularExpression Environment::namespaceRegex() const
{
    if (kind != EnvironmentKind::Showroom)
        return QRegularExpression(QRegularExpression::anchoredPattern(QRegularExpression::escape(namespaceName)));
    QStringList parts;
    for (const QString &part : namespacePattern.split(QStringLiteral("{task}")))
        parts.append(QRegularExpression::escape(part));
    // A lowercased task key is a DNS label's middle: what namespaceFor() makes.
    return QRegularExpression(
        QRegularExpression::anchoredPattern(parts.join(QStringLiteral("[a-z0-9]([-a-z0-9]*[a-z0-9])?"))));
}

QString ManifestSource::describe() const
{
    switch (kind) {
    case Kind::Kustomize:
        return QStringLiteral("kustomization %1").arg(kustomization);
    case Kind::Helm:
        return QStringLiteral("chart %1").arg(helm.chart);
    case Kind::Files:
        break;
    }
    return QStringLiteral("manifests %1").arg(files.join(QStringLiteral(", ")));
}

QString ManifestSource::forEnvironment(const QString &path, const QString &environment)
{
    return QString(path).replace(QStringLiteral("{environment}"), environment);
}

bool RegistrySettings::mayUsePlainHttp() const
{
    return insecure || url.trimmed().startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

const QStringList &Ecosystem::reservedVariables()
{
    static const QStringList names { QStringLiteral("ENVIRONMENT"), QStringLiteral("NAMESPACE"),
        QStringLiteral("ENVIRONMENT_SECRET"), QStringLiteral("SYSTEM"), QStringLiteral("TASK") };
    return names;
}

Variables Ecosystem::variablesFor(
    const System &system, const Environment &environment, const QString &ns, const QString &task) const
{
    Variables result = variables;
    for (const Variables *over : { &environment.variables, &system.variables }) {
        for (auto it = over->begin(); it != over->end(); ++it)
            result.insert(it.key(), it.value());
    }
    // The loader refuses these names elsewhere; they win all the same.
    result.insert(QStringLiteral("ENVIRONMENT"), environment.name);
    result.insert(QStringLiteral("NAMESPACE"), ns);
    result.insert(QStringLiteral("ENVIRONMENT_SECRET"), environment.secret);
    result.insert(QStringLiteral("SYSTEM"), system.name);
    result.insert(QStringLiteral("TASK"), task);
    return result;
}

const System *Ecosystem::system(const QString &systemName) const
{
    for (const System &s : systems) {
        if (s.name == systemName)
            return &s;
    }
    return nullptr;
}

const Environment *Ecosystem::environment(const QString &environmentName) const
{
    for (const Environment &e : environments) {
        if (e.name == environmentName)
            return &e;
    }
    return nullptr;
}

const Environment *Ecosystem::firstEnvironment(EnvironmentKind kind) const
{
    for (const Environment &e : environments) {
        if (e.kind == kind)
            return &e;
    }
    return nullptr;
}

QList<const Environment *> Ecosystem::environmentsOf(EnvironmentKind kind) const
{
    QList<const Environment *> found;
    for (const Environment &e : environments) {
        if (e.kind == kind)
            found.append(&e);
    }
    return found;
}

QString Ecosystem::resolvePath(const QString &path) const
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || path.contains(QStringLiteral("://")))
        return path;
    return QDir::cleanPath(QFileInfo(filePath).absoluteDir().filePath(path));
}

QList<ServiceCredentials> Ecosystem::monitoringCredentials() const
{
    QList<ServiceCredentials> all;
    if (rollback.monitoring)
        all.append(rollback.monitoring->credentials);
    for (const Environment &environment : environments) {
        if (environment.alerts)
            all.append(environment.alerts->credentials);
    }
    return all;
}

QStringList Ecosystem::secretVariables() const
{
    QStringList candidates { tracker.tokenEnvironmentVariable, gating.reviews.tokenEnvironmentVariable,
        registry.passwordEnvironmentVariable };
    for (const ServiceCredentials &credentials : monitoringCredentials())
        candidates << credentials.tokenEnv << credentials.passwordEnv;
    candidates += robot.webhooks.secretVariables.values();
    candidates += notifications.secretVariables();
    QStringList names;
    for (const QString &variable : std::as_const(candidates)) {
        if (!variable.isEmpty() && !names.contains(variable))
            names.append(variable);
    }
    return names;
}

QStringList Ecosystem::credentialVariables() const
{
    QStringList names = secretVariables();
    QStringList users { registry.usernameEnvironmentVariable };
    for (const ServiceCredentials &credentials : monitoringCredentials())
        users << credentials.usernameEnv;
    users += notifications.credentialVariables();
    for (const QString &variable : std::as_const(users)) {
        if (!variable.isEmpty() && !names.contains(variable))
            names.append(variable);
    }
    return names;
}

int Ecosystem::requiredApprovals(const Environment &environment) const
{
    if (environment.isFinal())
        return std::max(gating.reviewsRequired, environment.approvals);
    return environment.approvals;
}

SecretMasker Ecosystem::secretMasker() const
{
    return SecretMasker(QProcessEnvironment::systemEnvironment(), secretVariables());
}

QString keyword(SystemTemplate kind)
{
    switch (kind) {
    case SystemTemplate::Frontend:
        return QStringLiteral("frontend");
    case SystemTemplate::Backend:
        return QStringLiteral("backend");
    case SystemTemplate::Worker:
        return QStringLiteral("worker");
    }
    return {};
}

QString keyword(EnvironmentKind kind)
{
    switch (kind) {
    case EnvironmentKind::Local:
        return QStringLiteral("local");
    case EnvironmentKind::Showroom:
        return QStringLiteral("showroom");
    case EnvironmentKind::Staging:
        return QStringLiteral("staging");
    case EnvironmentKind::Production:
        return QStringLiteral("production");
    }
    return {};
}

QString keyword(TrackerKind kind)
{
    switch (kind) {
    case TrackerKind::File:
        return QStringLiteral("file");
    case TrackerKind::Redmine:
        return QStringLiteral("redmine");
    case TrackerKind::Jira:
        return QStringLiteral("jira");
    }
    return {};
}

} // namespace Shipyard
