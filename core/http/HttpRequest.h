// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

#include <atomic>

namespace Shipyard {

// One HTTP exchange for the tracker and review adapters. Kept minimal on
// purpose: it may later be unified with the Kubernetes client's transport.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int timeoutMs = 20000;
    const std::atomic_bool *cancelled = nullptr;

    void addHeader(const QByteArray &name, const QByteArray &value) { headers.append(qMakePair(name, value)); }
};

struct HttpResponse
{
    enum class Failure { None, Network, Timeout, Cancelled, TooLarge };
    Failure failure = Failure::None;
    QString failureText; // libcurl's explanation when failure != None
    int status = 0;
    QByteArray body;

    bool isSuccess() const { return failure == Failure::None && status >= 200 && status < 300; }
};

} // namespace Shipyard
