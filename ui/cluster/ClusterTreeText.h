// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Shipyard {

// What a row of the Cluster view says of the object behind it: kubectl's
// STATUS, READY and RESTARTS as KubeObjectStatus reads them, in the user's
// language, and the tooltip that explains a status; a context's state; an
// age as kubectl writes it. Pure functions of an object: ClusterTreeModel
// keeps what they return in its nodes and compares it to tell a change.
struct ClusterTreeText
{
    QString status;
    QString detail; // the tooltip
    QString ready;
    int restarts = -1; // none shown
    bool failing = false; // the status in the error color

    bool operator==(const ClusterTreeText &) const = default;

    static ClusterTreeText deployment(const QJsonObject &object);
    static ClusterTreeText replicaSet(const QJsonObject &object);
    static ClusterTreeText pod(const QJsonObject &object);

    // A context's status: loading until its informers synced, then connected;
    // unreachable while one of them fails.
    static QString contextStatus(bool loaded, bool failing);
    // Why a context is unreachable: RESOURCE in NS (empty: every namespace).
    static QString watchError(const QString &resource, const QString &ns, const QString &error);

    // "45s", "12m", "5h", "3d": kubectl's AGE, empty for an invalid time.
    static QString age(const QDateTime &created, const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace Shipyard
