// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorCheck.h"
#include "model/NotificationSettings.h"

#include <QProcessEnvironment>

namespace Shipyard {

// A chat channel's incoming webhook, looked at without posting to it (a
// post would be a message in the team's chat): its variable set, an http
// or https URL, and not plain http to another machine, which would carry
// the URL's token readable on the way. Deliveries go on without notices:
// never needed for delivering; problems are warnings.
class ChatWebhookCheck : public DoctorCheck
{
public:
    ChatWebhookCheck(const NotificationChannel &channel, const QProcessEnvironment &environment, const QString &place);
    DoctorResult run(const Context &context) const override;

    static bool isLoopback(const QString &host);

private:
    QString m_variable;
    QProcessEnvironment m_environment;
    QString m_place;
};

} // namespace Shipyard
