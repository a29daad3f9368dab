// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/ReleasePruning.h"

#include "model/Labels.h"
#include "releases/ReleaseStore.h"
#include "support/FutureWait.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QUrlQuery>

namespace Shipyard {

ReleasePruning::ReleasePruning(KubeClient client, QString ns) : m_client(std::move(client)), m_ns(std::move(ns))
{ }

ReleasePruning::Result ReleasePruning::prune(const ReleaseStore &store, int keep) const
{
    Result result;
    KubeError error;
    QStringList kept;
    result.records = store.prune(keep, &error, &kept);
    if (error.isError()) {
        result.warnings.append(QStringLiteral("old release records not pruned: %1").arg(error.message));
        // Which releases are still recorded is not known for sure: their Jobs stay.
        return result;
    }
    const QSet<QString> recorded(kept.cbegin(), kept.cend());
    const QString collection = QStringLiteral("/apis/batch/v1/namespaces/%1/jobs").arg(m_ns);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("labelSelector"),
        QStringLiteral("%1,%2=%3").arg(Labels::migration, Labels::managedBy, Labels::managedByShipyard));
    const KubeResponse jobs = await(m_client.get(collection, query));
    if (!jobs.ok()) {
        result.warnings.append(QStringLiteral("old migration Jobs not deleted: %1").arg(jobs.error.message));
        return result;
    }
    // Background: a Job deleted through the API leaves its pods behind otherwise.
    QUrlQuery background;
    background.addQueryItem(QStringLiteral("propagationPolicy"), QStringLiteral("Background"));
    for (const QJsonValue &item : jobs.json().value(QLatin1String("items")).toArray()) {
        const QJsonObject metadata = item[QLatin1String("metadata")].toObject();
        const QString release = metadata[QLatin1String("labels")][Labels::release].toString();
        if (release.isEmpty() || recorded.contains(release))
            continue;
        const QString name = metadata[QLatin1String("name")].toString();
        const KubeResponse removed = await(m_client.remove(collection + QLatin1Char('/') + name, background));
        if (removed.ok() || removed.error.isNotFound())
            ++result.jobs;
        else
            result.warnings.append(QStringLiteral("migration Job %1 not deleted: %2").arg(name, removed.error.message));
    }
    return result;
}

} // namespace Shipyard
