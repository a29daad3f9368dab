// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

#include <chrono>

namespace Shipyard {

// One API request, relative to the cluster's server.
struct KubeRequest
{
    QByteArray method = "GET";
    QString path; // "/api/v1/namespaces/default/pods"
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType = "application/json";
    QByteArray accept = "application/json";
    // Whole-request limit; streams (watch, follow) have none: what silence
    // ends them is in KubeClient.cpp (silenceRule).
    std::chrono::milliseconds timeout { 30000 };
    // Safe to repeat after a connection failure, 429 or 503: reads, and writes
    // the caller declares idempotent. Defaults from the method.
    int maxAttempts = -1;

    static KubeRequest get(QString path, QUrlQuery query = {})
    {
        KubeRequest request;
        request.path = std::move(path);
        request.query = std::move(query);
        return request;
    }
};

} // namespace Shipyard
