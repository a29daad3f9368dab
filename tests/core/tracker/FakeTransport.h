// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tracker/HttpTransport.h"

#include <QHash>
#include <QList>

// Answers requests with canned responses, keyed by "METHOD /path" (no query),
// and records what was sent. Unknown requests get a 599 so tests notice them.
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

    Shipyard::HttpResponse send(const Shipyard::HttpRequest &request) override
    {
        requests.append(request);
        const QByteArray key = request.method + ' ' + request.url.path().toUtf8();
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
};
