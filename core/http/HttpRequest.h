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
    // The final response's headers as received (names as the server spelled
    // them); paginated APIs name their next page in one (GitHub's Link).
    QList<QPair<QByteArray, QByteArray>> headers;

    bool isSuccess() const { return failure == Failure::None && status >= 200 && status < 300; }
    // The first header called NAME (case-insensitive); empty when there is none.
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }
};

} // namespace Shipyard
