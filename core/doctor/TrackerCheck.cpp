// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/TrackerCheck.h"

#include "doctor/BoundedTransport.h"
#include "support/EnglishCount.h"
#include "tracker/TrackerFactory.h"

namespace Shipyard {

TrackerCheck::TrackerCheck(const Ecosystem &ecosystem, const EcosystemKeyLocations &locations)
    : DoctorCheck(QStringLiteral("tracker"), QStringLiteral("read")), m_ecosystem(ecosystem), m_locations(locations)
{
    setSilenceRemedy(QStringLiteral("check that the tracker at %1 is reachable from here, or correct %2")
            .arg(ecosystem.tracker.url, locations.setting(QStringLiteral("tracker.url"))));
}

DoctorResult TrackerCheck::run(const Context &context) const
{
    const TrackerSettings &settings = m_ecosystem.tracker;
    const QString token = settings.tokenEnvironmentVariable;
    const QString tokenPlace = m_locations.setting(QStringLiteral("tracker.tokenEnv"));
    TrackerFactory::Result made =
        TrackerFactory::create(m_ecosystem, std::make_shared<BoundedTransport>(context.timeoutMs(), context.cancelled));
    if (!made.tracker) {
        if (made.error.kind() == TrackerError::Kind::Unauthorized && !token.isEmpty())
            return broken(
                made.error.message(), QStringLiteral("set %1 before starting Shipyard (%2)").arg(token, tokenPlace));
        return broken(made.error.message(),
            QStringLiteral("correct the tracker's settings at %1")
                .arg(m_locations.place({ QStringLiteral("tracker") })));
    }
    const QString status = settings.statuses.awaitingDelivery;
    const TaskListing listing = made.tracker->tasksWithStatus(status);
    const QString url = settings.kind == TrackerKind::File ? m_locations.setting(QStringLiteral("tracker.file"))
                                                           : m_locations.setting(QStringLiteral("tracker.url"));
    if (!listing.error)
        return ok(QStringLiteral("%1: %2 in '%3'")
                .arg(made.tracker->description(), countOf(listing.tasks.size(), "task", "tasks"), status));
    const QString what = listing.error.message();
    switch (listing.error.kind()) {
    case TrackerError::Kind::Unauthorized:
        return broken(what,
            token.isEmpty() ? QStringLiteral("name the variable holding an API token with tokenEnv at %1")
                                  .arg(m_locations.place({ QStringLiteral("tracker") }))
                            : QStringLiteral("set %1 to a valid API token of the tracker (%2)").arg(token, tokenPlace));
    case TrackerError::Kind::Forbidden:
        return broken(
            what, QStringLiteral("let the account whose token is in %1 read the project's issues").arg(token));
    case TrackerError::Kind::Network:
        return broken(what, QStringLiteral("start the tracker, or correct %1").arg(url));
    case TrackerError::Kind::Timeout:
        return broken(what, QStringLiteral("check that the tracker is reachable from here, or correct %1").arg(url));
    case TrackerError::Kind::NotFound:
        if (settings.kind == TrackerKind::File)
            return broken(what, QStringLiteral("create the tasks file, or correct %1").arg(url));
        return broken(what,
            QStringLiteral("create the status '%1' in the tracker, or correct %2")
                .arg(status, m_locations.setting(QStringLiteral("tracker.statuses.awaitingDelivery"))));
    default:
        break;
    }
    return broken(what, QStringLiteral("look at the tracker named at %1").arg(url));
}

} // namespace Shipyard
