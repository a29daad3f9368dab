// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace Shipyard {

// One alert Alertmanager holds as active: what AlertmanagerClient reads of it.
struct FiringAlert
{
    QString fingerprint; // Alertmanager's hash of the labels
    QMap<QString, QString> labels;
    QString summary; // the `summary` annotation, else `description`
    QDateTime startsAt;
    // The delivered system whose matchers it matched (AlertmanagerClient::firing).
    QString system;

    QString name() const { return labels.value(QStringLiteral("alertname")); }
    // "HighErrorRate: catalog answers 5xx", or the name alone.
    QString describe() const { return summary.isEmpty() ? name() : name() + QStringLiteral(": ") + summary; }
    // The same alert in the same firing: an alert is its labels (the
    // fingerprint is their hash), and one that resolved and fires again
    // starts anew.
    bool isSameFiring(const FiringAlert &other) const { return labels == other.labels && startsAt == other.startsAt; }
};

} // namespace Shipyard

Q_DECLARE_METATYPE(Shipyard::FiringAlert)
