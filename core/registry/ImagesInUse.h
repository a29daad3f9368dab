// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Shipyard {

// Every image an ecosystem's environments still need, read once from their
// clusters: the images of every release record kept in an environment's
// namespace (a rollback may restore any of them), of every Deployment there
// (a canary is a Deployment of its own) and of every pod (a rollout's old
// ReplicaSet, a migration Job), in each fixed environment's namespace and in
// every showroom namespace of each showroom environment.
//
// Complete or nothing: an environment whose cluster cannot be reached or
// whose objects cannot be listed is an error naming it, since deleting on
// partial knowledge would delete what it runs.
//
// Blocks on the network: use it from a worker thread or shipyardctl.
class ImagesInUse
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::ImagesInUse)
public:
    struct Use
    {
        QString image; // as written: "host:port/demo/x:TAG", "demo/x@sha256:…"
        QString digest; // "sha256:…" when known beside a tag (a pod's imageID); else empty
        QString reason; // "release 20261207-101500-0001 of production", "live in staging/storefront"
        QDateTime time; // a release record's time; invalid for live objects
    };

    struct Result
    {
        QList<Use> uses;
        // One line per environment that could not be read completely; any
        // makes the whole answer unusable for deletion.
        QStringList errors;
        bool complete() const { return errors.isEmpty(); }
    };

    static Result read(const Ecosystem &ecosystem, const ClusterAccess &cluster);
};

} // namespace Shipyard
