// SPDX-License-Identifier: GPL-2.0-or-later
#include "notify/TrackerCommentSink.h"

#include "tracker/Tracker.h"

namespace Shipyard {

TrackerCommentSink::TrackerCommentSink(Factory make) : m_make(std::move(make))
{ }

TrackerCommentSink::~TrackerCommentSink() = default;

QString TrackerCommentSink::send(const Notification &notification)
{
    if (notification.tasks.isEmpty())
        return {};
    if (!m_made) {
        m_made = true;
        m_tracker = m_make(&m_error);
    }
    if (!m_tracker)
        return QStringLiteral("no tracker: %1").arg(m_error);
    QStringList errors;
    for (const QString &task : notification.tasks) {
        const TrackerError error = m_tracker->addComment(task, notification.text());
        if (error.isError())
            errors.append(QStringLiteral("%1: %2").arg(task, error.message()));
    }
    return errors.join(QStringLiteral("; "));
}

} // namespace Shipyard
