// SPDX-License-Identifier: GPL-2.0-or-later
#include "webhooks/WebhookReceiver.h"

#include "webhooks/GerritWebhook.h"
#include "webhooks/GitHubWebhook.h"
#include "webhooks/GitLabWebhook.h"
#include "webhooks/JiraWebhook.h"
#include "webhooks/TaskMovedWebhook.h"

namespace Shipyard {

const QStringList &WebhookReceiver::sources()
{
    static const QStringList names { QStringLiteral("github"), QStringLiteral("gitlab"), QStringLiteral("gerrit"),
        QStringLiteral("jira"), QStringLiteral("tasks") };
    return names;
}

QStringList WebhookReceiver::configure(const WebhookSettings &settings, const QProcessEnvironment &environment)
{
    QStringList problems;
    QMap<QString, QByteArray> secrets;
    for (auto it = settings.secretVariables.cbegin(); it != settings.secretVariables.cend(); ++it) {
        const QByteArray secret = environment.value(*it).toUtf8();
        if (secret.isEmpty())
            problems.append(QStringLiteral("robot webhooks %1: the environment variable %2 is unset or empty, so no "
                                           "%1 webhook is accepted")
                    .arg(it.key(), *it));
        else
            secrets.insert(it.key(), secret);
    }
    const std::lock_guard lock(m_mutex);
    m_secrets = secrets;
    m_maxBodyBytes = settings.maxBodyBytes;
    return problems;
}

int WebhookReceiver::maxBodyBytes() const
{
    const std::lock_guard lock(m_mutex);
    return m_maxBodyBytes;
}

QStringList WebhookReceiver::configuredSources() const
{
    const std::lock_guard lock(m_mutex);
    return m_secrets.keys();
}

WebhookResult WebhookReceiver::receive(const QString &source, const WebhookRequest &request) const
{
    QByteArray secret;
    int maxBody = 0;
    {
        const std::lock_guard lock(m_mutex);
        secret = m_secrets.value(source);
        maxBody = m_maxBodyBytes;
    }
    WebhookResult result;
    if (secret.isEmpty()) {
        result.verdict = WebhookResult::Verdict::NotConfigured;
        result.reason = sources().contains(source)
            ? QStringLiteral("%1 webhooks are not configured (robot.webhooks.%1.secretEnv)").arg(source)
            : QStringLiteral("no webhooks of %1; Shipyard reads %2").arg(source, sources().join(QStringLiteral(", ")));
        return result;
    }
    if (request.body.size() > maxBody) {
        result.verdict = WebhookResult::Verdict::TooLarge;
        result.reason = QStringLiteral("the body has %1 bytes, more than the %2 accepted (robot.webhooks.maxBodyBytes)")
                            .arg(request.body.size())
                            .arg(maxBody);
        return result;
    }
    if (source == QLatin1String("github"))
        return GitHubWebhook::read(request, secret);
    if (source == QLatin1String("gitlab"))
        return GitLabWebhook::read(request, secret);
    if (source == QLatin1String("gerrit"))
        return GerritWebhook::read(request, secret);
    if (source == QLatin1String("jira"))
        return JiraWebhook::read(request, secret);
    return TaskMovedWebhook::read(request, secret);
}

} // namespace Shipyard
