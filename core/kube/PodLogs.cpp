// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/PodLogs.h"

namespace Shipyard {

KubeRequest PodLogs::request(const QString &ns, const QString &pod, const Options &options)
{
    KubeRequest request = KubeRequest::get(QStringLiteral("/api/v1/namespaces/%1/pods/%2/log").arg(ns, pod));
    request.accept = "*/*";
    if (!options.container.isEmpty())
        request.query.addQueryItem(QStringLiteral("container"), options.container);
    if (options.tailLines)
        request.query.addQueryItem(QStringLiteral("tailLines"), QString::number(*options.tailLines));
    if (options.follow)
        request.query.addQueryItem(QStringLiteral("follow"), QStringLiteral("true"));
    if (options.previous)
        request.query.addQueryItem(QStringLiteral("previous"), QStringLiteral("true"));
    if (options.timestamps)
        request.query.addQueryItem(QStringLiteral("timestamps"), QStringLiteral("true"));
    if (options.sinceSeconds)
        request.query.addQueryItem(QStringLiteral("sinceSeconds"), QString::number(*options.sinceSeconds));
    else if (options.sinceTime)
        request.query.addQueryItem(
            QStringLiteral("sinceTime"), options.sinceTime->toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    return request;
}

KubeStream PodLogs::stream(const KubeClient &client, const QString &ns, const QString &pod, const Options &options,
    std::function<bool(QByteArrayView)> onText, std::function<void(KubeResponse)> onEnd)
{
    return client.stream(request(ns, pod, options), std::move(onText), std::move(onEnd));
}

} // namespace Shipyard
