// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace Shipyard {

// A webhook's HTTP request as the listening program received it: the raw
// body (signatures are over its bytes, never over re-serialized JSON), the
// headers and the query of the URL.
struct WebhookRequest
{
    QList<QPair<QByteArray, QByteArray>> headers;
    QUrlQuery query;
    QByteArray body;

    // The first header of that name, whatever its case; empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    // The body as a JSON object; nullopt with ERROR saying why not.
    std::optional<QJsonObject> jsonObject(QString *error) const;
    // For services that cannot sign (Gerrit's plugin, Jira without a
    // secret): whether the URL's `token` is SECRET, compared in constant
    // time. Empty when it is; otherwise why not, with SOURCE's URL as the
    // example of where the token goes.
    QString urlTokenMismatch(const QByteArray &secret, const QString &source) const;
};

// A string member at PATH ("change", "project") of OBJECT; empty when
// absent or not a string.
QString jsonString(const QJsonObject &object, std::initializer_list<const char *> path);

} // namespace Shipyard
