// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "http/HttpRequest.h"

#include <QString>

namespace Shipyard {

// Why a tracker operation failed, in words a developer can act on.
class TrackerError
{
public:
    enum class Kind {
        None,
        Network, // cannot connect, DNS, TLS
        Timeout,
        Unauthorized, // 401: token missing or wrong
        Forbidden, // 403: token fine, permission missing
        NotFound, // 404 or no such task
        ServerError, // 5xx
        BadResponse, // not the JSON we expect
        Rejected, // the tracker refused the change (workflow, validation)
        InvalidInput, // e.g. a key the tracker cannot map
        Cancelled,
        Other,
    };

    TrackerError() = default;
    TrackerError(Kind kind, const QString &message) : m_kind(kind), m_message(message) { }

    // The error for a failed or non-2xx response; None for a success.
    // context: what was being done ("reading TASK-12 from Redmine at https://…").
    static TrackerError fromResponse(
        const HttpResponse &response, const QString &context, const QString &tokenVariable = QString());

    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    Kind kind() const { return m_kind; }
    QString message() const { return m_message; }
    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::None;
    QString m_message;
};

} // namespace Shipyard
