// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "notify/Notification.h"
#include "notify/NotificationRouter.h"
#include "support/SecretMasker.h"

#include <QHash>
#include <QStringList>

#include <memory>

namespace Shipyard {

class HttpTransport;
class NotificationSink;

// Tells the channels of an ecosystem what happened: a notification goes to
// every channel NotificationRouter names for its event and environment,
// one after the other, each given at most notifications.timeout. What
// cannot be sent comes back as a warning, for the caller's log: a chat or a
// mail server that is down never fails or holds up what it is told about.
//
// Everything sent and every warning is masked with the ecosystem's masker,
// which knows the webhook URLs and SMTP passwords. Used from one thread at
// a time (a delivery's, the robot's).
class Notifier
{
public:
    // TRANSPORT: null for the real network (tests may pass their own).
    explicit Notifier(const Ecosystem &ecosystem, std::shared_ptr<HttpTransport> transport = nullptr);
    ~Notifier();
    Notifier(const Notifier &) = delete;
    Notifier &operator=(const Notifier &) = delete;

    // Whether NOTIFICATION's event in its environment goes anywhere.
    bool isRouted(const QString &environment, NotificationEvent event) const;
    // Sends NOTIFICATION (its ecosystem and time filled in when empty);
    // a warning per channel that did not take it.
    QStringList send(Notification notification);
    const SecretMasker &masker() const { return m_masker; }

private:
    // The channel's sink, made once; null with ERROR when it cannot be
    // (a variable it needs is not set).
    NotificationSink *sink(const NotificationChannel &channel, QString *error);

    Ecosystem m_ecosystem;
    NotificationRouter m_router;
    SecretMasker m_masker;
    std::shared_ptr<HttpTransport> m_transport;
    QHash<QString, std::shared_ptr<NotificationSink>> m_sinks;
};

} // namespace Shipyard
