// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "http/HttpTransport.h"

#include <QHash>
#include <QList>

#include <functional>

// Answers requests with canned responses, keyed by "METHOD /path" (no query),
// or through a handler that sees the whole request (paging by query), and
// records what was sent. Unknown requests get a 599 so tests notice them.
class FakeTransport : public Shipyard::HttpTransport
{
public:
    void respond(const QByteArray &methodAndPath, int status, const QByteArray &body)
    {
        Shipyard::HttpResponse response;
        response.status = status;
        response.body = body;
        m_responses.insert(methodAndPath, response);
    }
    void fail(const QByteArray &methodAndPath, Shipyard::HttpResponse::Failure failure, const QString &text)
    {
        Shipyard::HttpResponse response;
        response.failure = failure;
        response.failureText = text;
        m_responses.insert(methodAndPath, response);
    }

    using Handler = std::function<Shipyard::HttpResponse(const Shipyard::HttpRequest &request)>;
    void handle(const QByteArray &methodAndPath, Handler handler) { m_handlers.insert(methodAndPath, handler); }

    Shipyard::HttpResponse send(const Shipyard::HttpRequest &request) override
    {
        requests.append(request);
        const QByteArray key = request.method + ' ' + request.url.path().toUtf8();
        if (const auto handler = m_handlers.constFind(key); handler != m_handlers.cend())
            return (*handler)(request);
        Shipyard::HttpResponse unknown;
        unknown.status = 599;
        return m_responses.value(key, unknown);
    }

    QByteArray header(int index, const QByteArray &name) const
    {
        for (const auto &[key, value] : requests.at(index).headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }

    QList<Shipyard::HttpRequest> requests;

private:
    QHash<QByteArray, Shipyard::HttpResponse> m_responses;
    QHash<QByteArray, Handler> m_handlers;
};
