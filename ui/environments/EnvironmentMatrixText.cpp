// SPDX-License-Identifier: GPL-2.0-or-later
#include "environments/EnvironmentMatrixText.h"

#include "environments/EnvironmentMatrixModel.h"
#include "live/ShowroomInfo.h"

#include <QLocale>

#include <algorithm>

// Said in EnvironmentMatrixModel's words (its translation context): these
// are its cells' and headers' texts, kept apart from the model's columns,
// rows and watches.
namespace Shipyard::EnvironmentMatrixText {

// "5 min ago", "3 h ago", "2 d ago": an age that fits a crowded cell.
QString shortAge(const QDateTime &then)
{
    const qint64 seconds = std::max<qint64>(0, then.secsTo(QDateTime::currentDateTimeUtc()));
    if (seconds < 60)
        return EnvironmentMatrixModel::tr("just now");
    if (seconds < 3600)
        return EnvironmentMatrixModel::tr("%n min ago", nullptr, int(seconds / 60));
    if (seconds < 48 * 3600)
        return EnvironmentMatrixModel::tr("%n h ago", nullptr, int(seconds / 3600));
    return EnvironmentMatrixModel::tr("%n d ago", nullptr, int(seconds / 86400));
}

// "anna" of "anna@release-laptop": a cell has room for the person only.
QString personOf(const QString &who)
{
    return who.section(QLatin1Char('@'), 0, 0);
}

// What a health means, for the tooltip: the cell shows its symbol and a word.
QString healthMeaning(SystemState::Health health)
{
    switch (health) {
    case SystemState::Health::Healthy:
        return EnvironmentMatrixModel::tr("✔ Healthy: rolled out, every replica ready.");
    case SystemState::Health::Progressing:
        return EnvironmentMatrixModel::tr("⟳ Rolling out: new pods are starting and old ones are being replaced.");
    case SystemState::Health::Degraded:
        return EnvironmentMatrixModel::tr(
            "⚠ Degraded: rolled out, but fewer replicas are ready than wanted (a pod crashed, or its node went away).");
    case SystemState::Health::Failed:
        return EnvironmentMatrixModel::tr("✘ Rollout failed: it did not finish within its progress deadline. A "
                                          "delivery that sees this rolls the environment back.");
    default:
        return {};
    }
}

QString roughDuration(qint64 seconds)
{
    if (seconds < 60)
        return EnvironmentMatrixModel::tr("less than a minute");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return EnvironmentMatrixModel::tr("%n min", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return EnvironmentMatrixModel::tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return EnvironmentMatrixModel::tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QString showroomSummary(const ShowroomInfo &showroom)
{
    QStringList lines;
    lines << EnvironmentMatrixModel::tr("Showroom of %1, namespace %2").arg(showroom.task, showroom.namespaceName);
    lines << EnvironmentMatrixModel::tr("Created by %1")
                 .arg(showroom.creator.isEmpty() ? EnvironmentMatrixModel::tr("someone unknown") : showroom.creator);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString at = QLocale().toString(showroom.expiresAt.toLocalTime(), QLocale::ShortFormat);
    if (showroom.isAsleep())
        lines << EnvironmentMatrixModel::tr(
            "Asleep since %1: its Deployments are scaled to zero (shipyardctl showroom wake %2)")
                     .arg(
                         QLocale().toString(showroom.sleepingSince.toLocalTime(), QLocale::ShortFormat), showroom.task);
    if (showroom.isPinned())
        lines << EnvironmentMatrixModel::tr("Pinned by %1: %2. The sweep keeps it past its expiry.")
                     .arg(showroom.pinnedBy, showroom.pinReason);
    if (showroom.terminating)
        lines << EnvironmentMatrixModel::tr("Being torn down");
    else if (!showroom.expiresAt.isValid())
        lines << EnvironmentMatrixModel::tr("Never expires by itself: the sweep removes it once its task is done");
    else if (showroom.isExpired(now))
        lines << EnvironmentMatrixModel::tr("Expired %1 ago (%2): the next sweep removes it")
                     .arg(roughDuration(showroom.expiresAt.secsTo(now)), at);
    else
        lines
            << EnvironmentMatrixModel::tr("Expires in %1 (%2)").arg(roughDuration(now.secsTo(showroom.expiresAt)), at);
    return lines.join(QLatin1Char('\n'));
}
} // namespace Shipyard::EnvironmentMatrixText
