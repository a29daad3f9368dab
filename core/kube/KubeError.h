// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeRequest.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Shipyard {

// Why a request did not succeed, in words for a person. Built from a
// Kubernetes Status body (403 names verb, resource and namespace; 409 lists
// the conflicting fields and their managers; 422 the field causes) or from
// a transport failure (TLS explained). Never contains credentials.
struct KubeError
{
    Q_DECLARE_TR_FUNCTIONS(KubeError)
public:
    enum class Kind {
        None,
        Network, // could not connect, connection dropped
        Tls, // certificate did not verify, wrong name, bad client certificate
        Timeout, // the server did not answer in time: as out of reach as Network
        Deadline, // a wait for the cluster to reach a state ran out of time; the server answered throughout
        Cancelled,
        Credentials, // the kubeconfig user could not produce credentials (exec plugin, files)
        Http, // the server answered with an error status
        Decode, // the answer was not what the API promises
        TooLarge, // an answer, or a line of a stream, above what Shipyard reads (ReadLimits)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString reason; // Status.reason: NotFound, Forbidden, Conflict, Invalid, Expired, ...
    QString message; // for people
    QJsonObject status; // the Status object, when there was one

    bool isError() const { return kind != Kind::None; }
    // Nothing can be said about the cluster: it could not be reached or did
    // not answer. Worth waiting out; never the fault of what was sent.
    bool isOutOfReach() const { return isOutOfReach(kind); }
    static bool isOutOfReach(Kind kind) { return kind == Kind::Network || kind == Kind::Timeout; }
    bool isNotFound() const { return httpStatus == 404; }
    bool isConflict() const { return httpStatus == 409; }
    bool isGone() const { return httpStatus == 410; }
    bool isForbidden() const { return httpStatus == 403; }

    static KubeError fromHttp(int httpStatus, const QByteArray &body, const KubeRequest &request);
    static KubeError fromStatus(const QJsonObject &status, const KubeRequest &request);
    // curlCode is a CURLcode; `detail` is curl's error buffer; `address` is
    // the server's, as the kubeconfig gives it (user info is left out).
    static KubeError fromTransport(
        int curlCode, const QString &detail, const QString &address, const QString &tlsServerName);
    static KubeError make(Kind kind, const QString &message);

    // The verb kubectl's RBAC would check for this request: get, list, watch, create, ...
    static QString verbOf(const KubeRequest &request);
};

} // namespace Shipyard

Q_DECLARE_METATYPE(Shipyard::KubeError)
