// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/AccessReview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Shipyard {

QFuture<AccessReview::Answer> AccessReview::canI(
    const KubeClient &client, const QString &verb, const QString &resource, const QString &ns, const QString &name)
{
    QString plural = resource;
    QString subresource;
    if (const qsizetype slash = plural.indexOf(QLatin1Char('/')); slash > 0) {
        subresource = plural.mid(slash + 1);
        plural = plural.left(slash);
    }
    QString group;
    if (const qsizetype dot = plural.indexOf(QLatin1Char('.')); dot > 0) {
        group = plural.mid(dot + 1);
        plural = plural.left(dot);
    }
    QJsonObject attributes { { QStringLiteral("verb"), verb }, { QStringLiteral("resource"), plural },
        { QStringLiteral("group"), group } };
    if (!ns.isEmpty())
        attributes.insert(QStringLiteral("namespace"), ns);
    if (!name.isEmpty())
        attributes.insert(QStringLiteral("name"), name);
    if (!subresource.isEmpty())
        attributes.insert(QStringLiteral("subresource"), subresource);
    const QJsonObject review { { QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1") },
        { QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview") },
        { QStringLiteral("spec"), QJsonObject { { QStringLiteral("resourceAttributes"), attributes } } } };
    return client.create(QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"), review)
        .then(QtFuture::Launch::Sync, [](const KubeResponse &response) {
            Answer answer;
            answer.error = response.error;
            const QJsonObject status = response.json().value(QLatin1String("status")).toObject();
            answer.allowed = status.value(QLatin1String("allowed")).toBool();
            answer.denied = status.value(QLatin1String("denied")).toBool();
            answer.reason = status.value(QLatin1String("reason")).toString();
            return answer;
        });
}

QFuture<AccessReview::Identity> AccessReview::whoAmI(const KubeClient &client)
{
    const QJsonObject review { { QStringLiteral("apiVersion"), QStringLiteral("authentication.k8s.io/v1") },
        { QStringLiteral("kind"), QStringLiteral("SelfSubjectReview") } };
    return client.create(QStringLiteral("/apis/authentication.k8s.io/v1/selfsubjectreviews"), review)
        .then(QtFuture::Launch::Sync, [](const KubeResponse &response) {
            Identity identity;
            identity.error = response.error;
            const QJsonObject user = response.json()[QLatin1String("status")][QLatin1String("userInfo")].toObject();
            identity.username = user.value(QLatin1String("username")).toString();
            identity.uid = user.value(QLatin1String("uid")).toString();
            for (const QJsonValue &group : user.value(QLatin1String("groups")).toArray())
                identity.groups.append(group.toString());
            return identity;
        });
}

} // namespace Shipyard
