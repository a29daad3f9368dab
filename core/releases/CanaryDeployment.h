// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Shipyard {

// The canary of a Deployment: the new version running beside the old one as
// a second Deployment, "<name>-canary", so that the Service in front of both
// spreads the traffic over old and new pods by their number. No service
// mesh is needed, and the main Deployment stays untouched until the canary
// is promoted.
//
// The canary's selector is the main one's plus the track label, and its pods
// carry both. The main Deployment's selector cannot change (it is immutable)
// and so also matches the canary's pods; that overlap is harmless, because
// controllers go by ownership, not by selectors alone: each pod is owned by
// its ReplicaSet (ownerReferences), a ReplicaSet's selector includes its
// pod-template-hash (which differs, the templates differ by the track
// label), and a Deployment adopts only ReplicaSets without an owner. kubectl
// may warn about overlapping selectors; that warning is the price of leaving
// the main Deployment alone.
class CanaryDeployment
{
public:
    // "catalog-canary"
    static QString nameOf(const QString &deployment);
    // The canary's pods for SHARE per cent of all pods beside OLDREPLICAS
    // old ones: n / (old + n) ≈ share, so n = old · share / (100 − share),
    // rounded, at least 1. SHARE 100 is the main Deployment's business.
    static int replicasFor(int share, int oldReplicas);
    // MAIN, the Deployment as rendered for the release (the new image), as
    // the canary of SYSTEM with REPLICAS pods.
    static QJsonObject make(const QJsonObject &main, const QString &system, int replicas);
    // A label selector for the canaries in a namespace, of SYSTEM only if given.
    static QString selector(const QString &system = {});
    // Whether DEPLOYMENT (an object read from the cluster) is a canary.
    static bool isCanary(const QJsonObject &deployment);
};

} // namespace Shipyard
