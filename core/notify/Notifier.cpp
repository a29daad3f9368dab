// SPDX-License-Identifier: GPL-2.0-or-later
#include "notify/Notifier.h"

#include "notify/ChatWebhookSink.h"
#include "notify/SmtpSink.h"
#include "notify/TrackerCommentSink.h"
#include "tracker/TrackerFactory.h"

#include <QProcessEnvironment>
#include <QUrl>

namespace Shipyard {

Notifier::Notifier(const Ecosystem &ecosystem, std::shared_ptr<HttpTransport> transport)
    : m_ecosystem(ecosystem)
    , m_router(m_ecosystem)
    , m_masker(ecosystem.secretMasker())
    , m_transport(std::move(transport))
{
    // A webhook URL's path is its token: masked on its own as well, should
    // anything quote it without the host.
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const NotificationChannel &channel : m_ecosystem.notifications.channels) {
        if (channel.kind != NotificationChannel::Kind::Chat)
            continue;
        const QUrl url(environment.value(channel.urlEnvironmentVariable));
        if (url.path().size() > 8)
            m_masker.addSecret(url.path());
        if (url.hasQuery())
            m_masker.addSecret(url.query());
    }
}

Notifier::~Notifier() = default;

bool Notifier::isRouted(const QString &environment, NotificationEvent event) const
{
    return !m_router.channels(environment, event).isEmpty();
}

QStringList Notifier::send(Notification notification)
{
    const QList<const NotificationChannel *> channels = m_router.channels(notification.environment, notification.event);
    if (channels.isEmpty())
        return {};
    if (notification.ecosystem.isEmpty())
        notification.ecosystem = m_ecosystem.name;
    if (!notification.at.isValid())
        notification.at = QDateTime::currentDateTimeUtc();
    notification.message = m_masker.mask(notification.message);
    notification.systems = m_masker.mask(notification.systems);
    notification.who = m_masker.mask(notification.who);
    QStringList warnings;
    for (const NotificationChannel *channel : channels) {
        QString error;
        NotificationSink *target = sink(*channel, &error);
        if (target)
            error = target->send(notification);
        if (!error.isEmpty())
            warnings.append(m_masker.mask(
                QStringLiteral("%1 not sent to %2: %3").arg(keyword(notification.event), channel->name, error)));
    }
    return warnings;
}

NotificationSink *Notifier::sink(const NotificationChannel &channel, QString *error)
{
    if (const auto found = m_sinks.constFind(channel.name); found != m_sinks.cend())
        return found->get();
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const std::chrono::milliseconds timeout = m_ecosystem.notifications.timeout;
    std::shared_ptr<NotificationSink> made;
    switch (channel.kind) {
    case NotificationChannel::Kind::Chat: {
        const QUrl url(environment.value(channel.urlEnvironmentVariable).trimmed());
        if (url.isEmpty()) {
            *error = QStringLiteral("%1 is not set").arg(channel.urlEnvironmentVariable);
            return nullptr;
        }
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
            *error = QStringLiteral("%1 holds no http:// or https:// URL").arg(channel.urlEnvironmentVariable);
            return nullptr;
        }
        made = std::make_shared<ChatWebhookSink>(url, channel.username, channel.iconUrl, timeout, m_transport);
        break;
    }
    case NotificationChannel::Kind::Email: {
        SmtpClient::Mail mail;
        mail.server = QUrl(channel.smtpUrl);
        mail.startTls = channel.startTls;
        mail.from = channel.from;
        mail.to = channel.to;
        if (!channel.usernameEnvironmentVariable.isEmpty()) {
            for (const QString &variable :
                { channel.usernameEnvironmentVariable, channel.passwordEnvironmentVariable }) {
                if (!environment.contains(variable)) {
                    *error = QStringLiteral("%1 is not set").arg(variable);
                    return nullptr;
                }
            }
            mail.username = environment.value(channel.usernameEnvironmentVariable);
            mail.password = environment.value(channel.passwordEnvironmentVariable);
        }
        made = std::make_shared<SmtpSink>(mail, timeout);
        break;
    }
    case NotificationChannel::Kind::Tracker:
        made = std::make_shared<TrackerCommentSink>([ecosystem = m_ecosystem, transport = m_transport](QString *why) {
            TrackerFactory::Result result = TrackerFactory::create(ecosystem, transport);
            if (!result.tracker)
                *why = result.error.message();
            return std::move(result.tracker);
        });
        break;
    }
    m_sinks.insert(channel.name, made);
    return made.get();
}

} // namespace Shipyard
