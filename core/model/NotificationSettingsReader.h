// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/NotificationSettings.h"

#include <yaml-cpp/yaml.h>

namespace Shipyard {

class DiagnosticSink;
class YamlMappingReader;

// Reads the ecosystem's `notifications`:
//   notifications:
//     channels:
//       team-chat: {chat: {urlEnv: SHOP_CHAT_WEBHOOK, username: Shipyard}}
//       release-mail:
//         email: {smtp: smtp://mail.example.org:587, starttls: true, from: shipyard@example.org,
//                 to: [releases@example.org], usernameEnv: SMTP_USER, passwordEnv: SMTP_PASSWORD}
//       task: {tracker: true}
//     notify:                 # every environment without a `notify` of its own
//       - {channel: team-chat, events: [delivery.failed, delivery.rolled-back]}
//     timeout: 5s
//     expiringBefore: 10%     # or a duration: 6h
// Each problem is reported at its place; a channel with errors is left out.
void readNotificationSettings(YamlMappingReader &top, NotificationSettings &settings, DiagnosticSink &sink);

// Reads R's `notify` list (an environment's) against SETTINGS' channels:
// nothing when R has none.
std::optional<QList<NotificationRule>> readNotificationRules(
    YamlMappingReader &r, const NotificationSettings &settings, DiagnosticSink &sink);

} // namespace Shipyard
