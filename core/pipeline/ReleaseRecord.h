// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Shipyard {

// What one delivery put into one environment, kept in the environment's own
// namespace (see ReleaseStore) so that anyone with access to the cluster can
// read it and roll back to it, whichever machine delivered it.
struct ReleaseRecord
{
    enum class Result { Succeeded, Failed, RolledBack };

    struct SystemRelease
    {
        QString system;
        QString image; // the full reference that ran
        QString gitSha; // empty when the image was given without a commit
        QString branch;
        qint64 revision = 0; // deployment.kubernetes.io/revision after the rollout
        // The objects exactly as applied: rolling back re-applies them, so a
        // release is restored as it was and not merely its image. Empty for a
        // system that did not exist in the environment.
        QJsonArray objects;
    };

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

    const SystemRelease *system(const QString &name) const;
    bool isGood() const { return result == Result::Succeeded; }

    QJsonObject toJson() const;
    static std::optional<ReleaseRecord> fromJson(const QJsonObject &object);

    static QString newId(const QDateTime &time = QDateTime::currentDateTimeUtc());
    static QString keyword(Result result);
    static std::optional<Result> resultFromKeyword(const QString &word);
};

} // namespace Shipyard

Q_DECLARE_METATYPE(Shipyard::ReleaseRecord)
