// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "build/RegistryClient.h"
#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"
#include "registry/ImagesInUse.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

namespace Shipyard {

// Retention for the registry: deletes the tags of the systems' image
// repositories that nothing needs any more, and says why it kept the others.
//
// A tag is kept when an image in use (ImagesInUse: release records, live
// Deployments and pods, showrooms) names it or its digest, when it is one of
// the newest `keep` (by its config's `created`, else by the newest release
// record naming it), or, with `olderThan`, when it is younger than that. The
// registry deletes by digest, which takes every tag of that manifest with it:
// a digest goes only when none of its tags is kept, and a tag kept only for
// sharing its manifest with a kept one says so.
//
// Order matters against deliveries running meanwhile: the tags are listed
// first, then the uses are read, so a tag pushed after the listing is never
// a candidate, and a delivery that starts using a listed tag is seen.
//
// Blocks on the network: use it from a worker thread or shipyardctl.
class RegistryPrune
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::RegistryPrune)
public:
    struct Options
    {
        QString system; // empty: every system with an image
        int keep = 10; // the newest this many tags of each repository
        std::optional<std::chrono::seconds> olderThan; // keep younger tags
        bool dryRun = false;
        QDateTime now = QDateTime::currentDateTimeUtc();
        QString auditJournal; // empty: AuditJournal::defaultPath()
    };

    struct Tag
    {
        QString tag;
        QString digest;
        QDateTime created; // invalid when unknown
        QStringList reasons; // kept: why
        bool deleted = false; // deleted: whether it went (false in a dry run)
        QString error; // deleted: why the deletion failed
    };

    struct Repository
    {
        QStringList systems; // the systems whose image it is
        QString repository; // "demo/storefront"
        QList<Tag> kept;
        QList<Tag> deleted; // deleted, or that would be in a dry run
        QString error; // its tags could not be read
    };

    struct Result
    {
        QString registry; // "127.0.0.1:5000"
        bool dryRun = false;
        QList<Repository> repositories;
        // Why nothing was deleted at all: an environment that could not be
        // read, no registry, no such system.
        QString error;
        QStringList incomplete; // the environments ImagesInUse could not read
        bool succeeded() const;
    };

    using Progress = std::function<void(const QString &line)>;

    RegistryPrune(const Ecosystem &ecosystem, const ClusterAccess &cluster,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    Result run(const Options &options, const Progress &progress = {}) const;

    // The reasons as a person reads them: "newest 3", "younger than 7d".
    static QString newestReason(int keep);
    static QString youngerReason(std::chrono::seconds age);

private:
    struct Listed; // a repository's tags as listed, with digests and ages
    bool list(const QString &repository, Listed &listed, QString *error) const;
    void plan(const Listed &listed, const ImagesInUse::Result &uses, const Options &options, Repository &out) const;
    void audit(const Options &options, const Repository &repository, const QString &digest, const QStringList &tags,
        const QString &result) const;

    Ecosystem m_ecosystem;
    ClusterAccess m_cluster;
    RegistryClient m_registry;
};

} // namespace Shipyard
