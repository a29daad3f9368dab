// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "model/Ecosystem.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Shipyard {

// What delivering one system into a namespace now would change, object by
// object: the system's manifests rendered as Delivery renders them, each
// put through a server-side apply dry run (dryRun=All, field manager
// "shipyard", force, as ReleaseApplier applies), so that defaults, admission
// and the merge with fields others own are the server's, and compared with
// the live object, server noise (managedFields, resourceVersion, status…)
// left out of both.
//
// "What Shipyard would apply" means, by default, a redelivery of what runs:
// the manifests of the system's working tree with the image the live objects
// run (or, when none is left, the image of the latest release record), so
// the diff shows drift: a `kubectl scale`, an edited variable. The
// annotations a delivery writes (shipyard.dev/git-sha, tasks, release, source) are
// taken from the live objects: they name a release, not configuration.
// Options::commit previews a given commit instead: its manifests (read from
// the commit, the working tree left alone) and the image it builds into;
// Options::image names the image outright. A Secret's values are never
// shown: its diff says which keys change (hideSecretValues).
//
// Blocking: run it off the UI thread.
class ApplyPreview
{
public:
    enum class Change {
        Unchanged,
        Changed, // live differs from what would be applied
        Created, // not live: a delivery would create it
        NotInManifests, // live and in the system's latest release, but no manifest has it: a delivery leaves it
        Failed, // the dry run or the read was refused; see error
    };

    struct ObjectPreview
    {
        QString object; // "deployment/catalog"
        Change change = Change::Unchanged;
        QString diff; // unified, live → would apply; empty when unchanged
        QStringList fields; // the differing fields, "spec.replicas", "…containers[name=catalog].env[name=A].value"
        QString error; // Failed: names the object and, from the server, the field
        // Fields others set that Shipyard does not own and would leave as they
        // are, with their manager: "spec.template.spec.containers[name=catalog].env[name=EXTRA] (kubectl-set)".
        QStringList foreignFields;
        bool drifted() const { return change != Change::Unchanged || !foreignFields.isEmpty(); }
    };

    struct Options
    {
        QString image; // the image to preview; empty: what runs now (or what Options::commit builds into)
        QString commit; // a revision of the system's repository; empty: its working tree
    };

    struct Result
    {
        QString error; // nothing could be compared: names the system and what was missing
        QString system;
        QString ns;
        QString image; // the image the preview applied
        QString imageSource; // "live", "release", "commit" or "given"
        QString source; // what rendered the objects: "chart storefront 0.3.0"…
        QList<ObjectPreview> objects;
        QStringList warnings;

        bool ok() const;
        bool drifted() const; // anything but Unchanged
        QJsonObject toJson() const;
    };

    // A preview of ENVIRONMENT's namespace NS (a showroom's, for instance).
    ApplyPreview(const Ecosystem &ecosystem, const Environment &environment, KubeClient client, QString ns);

    Result preview(const QString &system, const Options &options = {}) const;

    // The system whose objects (rendered from its working tree for
    // ENVIRONMENT's NS) hold one of KIND named NAME, or empty: "not managed
    // by Shipyard".
    static QString systemOf(const Ecosystem &ecosystem, const Environment &environment, const QString &ns,
        const QString &kind, const QString &name);
    // The environment delivering into NS through CONTEXT (a showroom by its pattern), or null.
    static const Environment *environmentOf(const Ecosystem &ecosystem, const QString &context, const QString &ns);

    // OBJECT without what the server or kubectl write: what its owner said.
    static QJsonObject withoutNoise(const QJsonObject &object);
    // For a Secret, BEFORE and AFTER (live, what would apply) with each value
    // of data and stringData replaced by a placeholder that says only whether
    // it changes: a diff shows which keys differ, never a value.
    static void hideSecretValues(QJsonObject &before, QJsonObject &after);
    // The fields where A and B differ; list items with a name are matched by it.
    static QStringList differingFields(const QJsonObject &a, const QJsonObject &b);
    // The fields of a live OBJECT set by managers other than MANAGER and not
    // owned by it too (its managedFields), status left out, with their manager.
    static QStringList foreignFields(const QJsonObject &object, const QString &manager = QStringLiteral("shipyard"));
    static QString keyword(Change change);

private:
    Ecosystem m_ecosystem;
    Environment m_environment;
    KubeClient m_client;
    QString m_ns;
};

} // namespace Shipyard
