// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "webhooks/WebhookEvent.h"
#include "webhooks/WebhookRequest.h"

#include <QByteArray>
#include <QMap>
#include <QProcessEnvironment>
#include <QStringList>

#include <mutex>

namespace Shipyard {

// Where webhooks of every source come in: the request's size capped, then
// handed to its source's reader (GitHubWebhook, GitLabWebhook,
// GerritWebhook, JiraWebhook, TaskMovedWebhook) with the secret the
// ecosystem's robot.webhooks names. Configured by the robot's loop whenever
// it reads the ecosystem and asked from the HTTP server's thread: every
// member is safe to call from any thread.
class WebhookReceiver
{
public:
    // The sources in the order of the documentation: the last path segment
    // of /webhooks/<source>.
    static const QStringList &sources();

    // Reads the secrets from ENVIRONMENT. Returns what is wrong with them,
    // naming the variables and never their values (unset or empty: that
    // source accepts nothing).
    QStringList configure(const WebhookSettings &settings, const QProcessEnvironment &environment);
    int maxBodyBytes() const;
    QStringList configuredSources() const;

    // Verifies and reads a request to /webhooks/SOURCE; an unknown SOURCE
    // or one without a secret is NotConfigured.
    WebhookResult receive(const QString &source, const WebhookRequest &request) const;

private:
    mutable std::mutex m_mutex;
    QMap<QString, QByteArray> m_secrets; // source → secret, only those that have one
    int m_maxBodyBytes = WebhookSettings().maxBodyBytes;
};

} // namespace Shipyard
