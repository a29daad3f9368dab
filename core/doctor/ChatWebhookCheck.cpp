// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/ChatWebhookCheck.h"

#include <QUrl>

namespace Shipyard {

ChatWebhookCheck::ChatWebhookCheck(
    const NotificationChannel &channel, const QProcessEnvironment &environment, const QString &place)
    : DoctorCheck(QStringLiteral("chat %1").arg(channel.name), QStringLiteral("webhook"), false)
    , m_variable(channel.urlEnvironmentVariable)
    , m_environment(environment)
    , m_place(place)
{ }

bool ChatWebhookCheck::isLoopback(const QString &host)
{
    return host == QLatin1String("localhost") || host.startsWith(QLatin1String("127.")) ||
        host == QLatin1String("::1") || host == QLatin1String("[::1]");
}

DoctorResult ChatWebhookCheck::run(const Context &context) const
{
    Q_UNUSED(context)
    if (!m_environment.contains(m_variable) || m_environment.value(m_variable).isEmpty())
        return warning(
            QStringLiteral("the environment variable %1 is not set: the channel sends nothing").arg(m_variable),
            QStringLiteral("set %1 to the channel's incoming webhook URL (named at %2)").arg(m_variable, m_place));
    // The URL is the credential: only its scheme and host are ever shown.
    const QUrl url(m_environment.value(m_variable));
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return warning(QStringLiteral("%1 holds no http or https URL").arg(m_variable),
            QStringLiteral("set %1 to the incoming webhook URL the chat gave").arg(m_variable));
    if (scheme == QLatin1String("http") && !isLoopback(url.host()))
        return warning(QStringLiteral("%1 sends to %2 over plain http: the URL's token can be read on the way")
                           .arg(m_variable, url.host()),
            QStringLiteral("set %1 to the chat's https:// webhook URL").arg(m_variable));
    return ok(QStringLiteral("%1 webhook at %2 (not called: it would post a message)").arg(scheme, url.host()));
}

} // namespace Shipyard
