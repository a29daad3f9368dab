// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/PermissionsCheck.h"

#include "doctor/ApiServerCheck.h"
#include "model/Ecosystem.h"
#include "pipeline/WritePermissions.h"

namespace Shipyard {

namespace {

// A task key no tracker has: a showroom's namespaces do not exist before
// their task's delivery, and RBAC answers for a name all the same.
const QString sampleTask = QStringLiteral("DOCTOR-1");

void addDeliveryPermissions(WritePermissions &permissions, bool showroom)
{
    const auto type = [](const char *group, const char *resource, const char *kind, bool namespaced = true) {
        return KubeResourceType::make(QString::fromLatin1(group), QStringLiteral("v1"), QString::fromLatin1(resource),
            QString::fromLatin1(kind), namespaced);
    };
    const KubeResourceType delivered[] = { type("apps", "deployments", "Deployment"), type("", "services", "Service"),
        type("", "configmaps", "ConfigMap") };
    for (const KubeResourceType &resource : delivered) {
        for (const char *verb : { "get", "list", "watch", "create", "patch", "delete" })
            permissions.add(QString::fromLatin1(verb), resource);
    }
    const KubeResourceType leases = KubeResourceType::make(
        QStringLiteral("coordination.k8s.io"), QStringLiteral("v1"), QStringLiteral("leases"), QStringLiteral("Lease"));
    for (const char *verb : { "get", "create", "update" })
        permissions.add(QString::fromLatin1(verb), leases);
    if (showroom)
        permissions.add(QStringLiteral("create"), type("", "namespaces", "Namespace", false));
}

} // namespace

PermissionsCheck::PermissionsCheck(
    const Environment &environment, KubeClient client, const EcosystemKeyLocations &locations)
    : DoctorCheck(QStringLiteral("environment %1").arg(environment.name), QStringLiteral("permissions"))
    , m_context(environment.context)
    , m_namespace(environment.namespaceFor(sampleTask))
    , m_showroom(environment.kind == EnvironmentKind::Showroom)
    , m_client(std::move(client))
    , m_place(locations.place(
          { QStringLiteral("environments"), QStringLiteral("name=") + environment.name, QStringLiteral("context") }))
{
    setSilenceRemedy(QStringLiteral("the apiserver of context %1 did not answer the access reviews in time; see "
                                    "its apiserver check")
            .arg(m_context));
}

QStringList PermissionsCheck::asked(bool showroom)
{
    WritePermissions permissions({}, {});
    addDeliveryPermissions(permissions, showroom);
    return permissions.asked();
}

DoctorResult PermissionsCheck::run(const Context &context) const
{
    if (!m_client.isValid())
        return skipped(QStringLiteral("no client for context %1 (see its apiserver check)").arg(m_context));
    WritePermissions permissions(m_client.withRequestTimeout(context.timeout), m_namespace);
    addDeliveryPermissions(permissions, m_showroom);
    KubeError error;
    const QString missing = permissions.check(&error);
    const QString where = m_showroom ? QStringLiteral("showroom namespaces such as %1").arg(m_namespace) : m_namespace;
    if (missing.isEmpty())
        return ok(QStringLiteral("may deliver into %1 (%2 access reviews)")
                .arg(where)
                .arg(permissions.asked().join(QLatin1Char(' ')).count(QLatin1Char('/')) + permissions.asked().size()));
    if (error.isError()) {
        // Unreachable or silent: the apiserver check says so, with the remedy.
        if (error.kind == KubeError::Kind::Network || error.kind == KubeError::Kind::Timeout ||
            error.kind == KubeError::Kind::Cancelled)
            return skipped(QStringLiteral("not asked: %1 (see the apiserver check)").arg(error.message));
        return broken(
            missing, ApiServerCheck::remedyFor(error, m_context, ApiServerCheck::serverOf(m_client), m_place));
    }
    return broken(missing,
        QStringLiteral("ask the cluster's administrator for a Role in %1 (or a ClusterRole) that grants the user of "
                       "context '%2' what is missing, or name another context at %3")
            .arg(where, m_context, m_place));
}

} // namespace Shipyard
