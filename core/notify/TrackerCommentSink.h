// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "notify/NotificationSink.h"

#include <functional>
#include <memory>

namespace Shipyard {

class Tracker;

// A comment on each task a notification is for, in the ecosystem's
// tracker; nothing when it is for no task. The tracker is made at the
// first comment, so that a notifier nobody routes to it never asks for one.
class TrackerCommentSink : public NotificationSink
{
public:
    // MAKE: the tracker, or null with the reason in ERROR.
    using Factory = std::function<std::unique_ptr<Tracker>(QString *error)>;

    explicit TrackerCommentSink(Factory make);
    ~TrackerCommentSink() override;

    QString send(const Notification &notification) override;

private:
    Factory m_make;
    std::unique_ptr<Tracker> m_tracker;
    QString m_error;
    bool m_made = false;
};

} // namespace Shipyard
