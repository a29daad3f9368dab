// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "releases/CanaryStepResult.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Shipyard {

class SecretMasker;

// What one delivery put into one environment, kept in the environment's own
// namespace (see ReleaseStore) so that anyone with access to the cluster can
// read it and roll back to it, whichever machine delivered it.
struct ReleaseRecord
{
    // InProgress: written before a delivery's first change and updated after
    // each step, so that a crash leaves a trace; Interrupted: what the next
    // holder of the lock makes of an in-progress record it finds (its
    // delivery died or lost its lock), once it restored the last good release.
    enum class Result { Succeeded, Failed, RolledBack, InProgress, Interrupted };

    struct SystemRelease
    {
        QString system;
        QString image; // the full reference that ran
        QString gitSha; // empty when the image was given without a commit
        QString branch;
        // Where its objects came from: "chart storefront 0.3.0",
        // "kustomization deploy/overlays/staging", "manifests deploy/".
        QString source;
        qint64 revision = 0; // deployment.kubernetes.io/revision after the rollout
        // The objects exactly as applied: rolling back re-applies them, so a
        // release is restored as it was and not merely its image. Empty for a
        // system that did not exist in the environment. A Secret's values are
        // stored apart from the record (ReleaseSecrets); ReleaseStore puts
        // them back when it reads a record.
        QJsonArray objects;
        // Its canary's steps, when the delivery ran one (see CanaryDeployment).
        QList<CanaryStepResult> canary;
    };

    // One migration Job run for a system of this release (see
    // pipeline/MigrationJob), in the order they ran: `up` before the rollout,
    // `down` when the release was rolled back. Written before the Job starts
    // (running) and again when it ended, so that whoever finds the release
    // interrupted knows what its schema may be.
    struct Migration
    {
        enum class Result { Running, Succeeded, Failed };
        QString system;
        QString phase; // "up" or "down"
        QString job; // the Job's name in the release's namespace
        QString image; // what it ran: the release's new image, for both phases
        Result result = Result::Running;
        QString message; // how it ended: "completed", or why it failed
        // The end of its pod's log, masked: at most maxMigrationLogLines lines
        // and maxMigrationLogBytes; kept in the record, which views read whole.
        QStringList log;
        QDateTime started;
        QDateTime finished;
        // An `up`: the command that undoes it and how long that may take, as
        // the release declared them, so that a rollback from any machine (and
        // a later ecosystem file) undoes it the way its release meant.
        QStringList down;
        qint64 timeoutSeconds = 0;
    };
    static constexpr qsizetype maxMigrationLogLines = 40;
    static constexpr qsizetype maxMigrationLogBytes = 8 * 1024;

    QString id; // sortable: yyyyMMdd-hhmmss-NNNN (UTC)
    QDateTime time;
    QString who; // user@host
    QString environment;
    QStringList tasks;
    Result result = Result::Succeeded;
    QString reason; // why it failed or was rolled back
    QString restoredFrom; // a rollback: the id of the release it restored
    QDateTime restoredAt; // a failed delivery rolled back on its own: when its rollback was done
    // The delivery's steps as it ran them ({step, system, state, started,
    // finished, message}), so that any machine can show how it went.
    QJsonArray steps;
    QList<SystemRelease> systems;
    QList<Migration> migrations;
    // The end of the delivery's log, secrets masked (see logTail()). Kept by
    // ReleaseStore beside the record, not in toJson(): a history reads records by the dozen.
    QStringList log;
    // Set by ReleaseStore when the values of the record's Secrets, kept in a
    // Secret beside it (ReleaseSecrets), could not be read back: why. Those
    // Secret objects then lack their values and the record cannot be
    // restored. Not in toJson().
    QString secretValuesError;

    // A delivery's log as a record keeps it: the last MAX_LINES lines and at
    // most MAX_BYTES of UTF-8, each line through MASKER, with a first line
    // saying how many earlier lines were left out. Records live in objects
    // of at most 1 MiB, which the systems' manifests share.
    static constexpr qsizetype maxLogLines = 2000;
    static constexpr qsizetype maxLogBytes = 256 * 1024;
    static QStringList logTail(const QStringList &lines, const SecretMasker &masker, qsizetype maxLines = maxLogLines,
        qsizetype maxBytes = maxLogBytes);

    const SystemRelease *system(const QString &name) const;
    bool isGood() const { return result == Result::Succeeded; }

    QJsonObject toJson() const;
    static std::optional<ReleaseRecord> fromJson(const QJsonObject &object);

    static QString newId(const QDateTime &time = QDateTime::currentDateTimeUtc());
    static QString keyword(Result result);
    static std::optional<Result> resultFromKeyword(const QString &word);
    static QString keyword(Migration::Result result);
};

} // namespace Shipyard

Q_DECLARE_METATYPE(Shipyard::ReleaseRecord)
