// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "kube/KubeListResult.h"

#include <QFuture>

#include <functional>

namespace Shipyard {

// JSON is decoded with QJsonDocument, chosen by measurement on a 10,000-pod
// list (44 MB, bench_kubelist): simdjson parses it in 25 ms against 454 ms,
// but every consumer needs Qt values and building them from simdjson's DOM
// took 1,032 ms, more than QJsonDocument's whole parse. simdjson stays out.
//
// Lists a collection page by page (limit/continue) as client-go's pager
// does: a 410 Gone on a continue token (the snapshot was compacted away)
// restarts the list from the beginning. Pages are decoded in the worker
// thread as they arrive.
class KubePager
{
public:
    static constexpr int defaultPageSize = 500;

    // The callback runs in a worker thread.
    static void list(const KubeClient &client, const QString &path, const QUrlQuery &query, int pageSize,
        std::function<void(KubeListResult)> done);
    // Hands each page over as it is decoded (worker thread) and keeps none:
    // a large list never exists as one tree. `restart` is true on the first
    // page and whenever a 410 made the list start over (drop what you kept).
    // The final result holds no items.
    using PageCallback = std::function<void(QJsonArray items, bool restart)>;
    static void list(const KubeClient &client, const QString &path, const QUrlQuery &query, int pageSize,
        PageCallback onPage, std::function<void(KubeListResult)> done);
    static QFuture<KubeListResult> list(
        const KubeClient &client, const QString &path, const QUrlQuery &query = {}, int pageSize = defaultPageSize);
};

} // namespace Shipyard
