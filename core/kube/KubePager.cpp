// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/KubePager.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>

#include <algorithm>
#include <memory>

namespace Shipyard {

namespace {

struct PagerState : std::enable_shared_from_this<PagerState>
{
    KubeClient client;
    QString path;
    QUrlQuery query;
    int pageSize = KubePager::defaultPageSize;
    std::function<void(KubeListResult)> done;
    KubePager::PageCallback onPage;
    KubeListResult result;

    void fetch(const QString &continueToken)
    {
        KubeRequest request = KubeRequest::get(path, query);
        if (pageSize > 0)
            request.query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
        if (!continueToken.isEmpty())
            request.query.addQueryItem(QStringLiteral("continue"), continueToken);
        // Big pages of big objects take a while on a busy server.
        request.timeout = std::chrono::seconds(120);
        auto self = shared_from_this();
        client.send(
            request, [self, continueToken](KubeResponse response) { self->page(continueToken, std::move(response)); });
    }

    void page(const QString &continueToken, KubeResponse response)
    {
        if (response.error.kind == KubeError::Kind::TooLarge && response.error.httpStatus == 0 && pageSize != 1) {
            // Only objects near their size limit fill a page past
            // ReadLimits::answer (500 Secrets of 1 MiB); ask the same page
            // again in smaller pieces, down to one object, before giving up.
            pageSize = pageSize > 0 ? std::max(1, pageSize / 8) : KubePager::defaultPageSize;
            return fetch(continueToken);
        }
        if (response.error.isGone() && !continueToken.isEmpty() && result.restarts < 5) {
            // The continue token outlived its snapshot: start over, like client-go.
            const int restarts = result.restarts + 1;
            result = KubeListResult {};
            result.restarts = restarts;
            return fetch(QString());
        }
        if (!response.ok()) {
            result.error = response.error;
            return done(std::move(result));
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            result.error = KubeError::make(KubeError::Kind::Decode,
                KubeError::tr("The answer of %1 is not JSON: %2 at byte %3")
                    .arg(client.placeOf(KubeRequest::get(path)), parseError.errorString())
                    .arg(parseError.offset));
            return done(std::move(result));
        }
        response.body.clear(); // the bytes are not needed beside the tree
        QJsonObject list = document.object();
        QJsonArray items = list.value(QLatin1String("items")).toArray();
        if (onPage)
            onPage(std::move(items), continueToken.isEmpty());
        else if (result.items.isEmpty())
            result.items = items;
        else {
            for (const QJsonValue &item : std::as_const(items))
                result.items.append(item);
        }
        ++result.pages;
        const QJsonObject metadata = list.value(QLatin1String("metadata")).toObject();
        result.resourceVersion = metadata.value(QLatin1String("resourceVersion")).toString();
        result.apiVersion = list.value(QLatin1String("apiVersion")).toString();
        result.listKind = list.value(QLatin1String("kind")).toString();
        const QString next = metadata.value(QLatin1String("continue")).toString();
        if (!next.isEmpty())
            return fetch(next);
        done(std::move(result));
    }
};

} // namespace

void KubePager::list(const KubeClient &client, const QString &path, const QUrlQuery &query, int pageSize,
    std::function<void(KubeListResult)> done)
{
    list(client, path, query, pageSize, PageCallback(), std::move(done));
}

void KubePager::list(const KubeClient &client, const QString &path, const QUrlQuery &query, int pageSize,
    PageCallback onPage, std::function<void(KubeListResult)> done)
{
    auto state = std::make_shared<PagerState>();
    state->client = client;
    state->path = path;
    state->query = query;
    state->pageSize = pageSize;
    state->done = std::move(done);
    state->onPage = std::move(onPage);
    state->fetch(QString());
}

QFuture<KubeListResult> KubePager::list(
    const KubeClient &client, const QString &path, const QUrlQuery &query, int pageSize)
{
    auto promise = std::make_shared<QPromise<KubeListResult>>();
    promise->start();
    QFuture<KubeListResult> future = promise->future();
    list(client, path, query, pageSize, [promise](KubeListResult result) {
        promise->addResult(std::move(result));
        promise->finish();
    });
    return future;
}

} // namespace Shipyard
