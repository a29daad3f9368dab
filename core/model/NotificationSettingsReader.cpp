// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/NotificationSettingsReader.h"

#include "model/ServiceCredentialsReader.h"
#include "support/KeySuggestion.h"
#include "support/YamlMappingReader.h"

#include <QRegularExpression>
#include <QUrl>

namespace Shipyard {

namespace {

using Presence = YamlMappingReader::Presence;

bool isVariableName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(name).hasMatch();
}

bool isLoopback(const QString &host)
{
    static const QRegularExpression ipv4Loopback(QStringLiteral("^127(\\.[0-9]{1,3}){3}$"));
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || host == QLatin1String("::1") ||
        ipv4Loopback.match(host).hasMatch();
}

// An address as a mail server takes it in MAIL FROM and RCPT TO: no name,
// no angle brackets, nothing that could end a header line.
bool isMailAddress(const QString &address)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s<>,;\"]+@[^@\\s<>,;\"]+$"));
    return re.match(address).hasMatch();
}

std::optional<QString> variableName(YamlMappingReader &r, const char *key, Presence presence, DiagnosticSink &sink)
{
    const std::optional<QString> name = r.string(key, presence);
    if (name && !isVariableName(*name)) {
        sink.error(r.valueLocation(key),
            QStringLiteral("%1: '%2' is '%3', which is no environment variable name (letters, digits and '_', not "
                           "starting with a digit)")
                .arg(r.what(), QLatin1String(key), *name));
        return std::nullopt;
    }
    return name;
}

bool readChat(const YAML::Node &node, NotificationChannel &channel, const QString &what, DiagnosticSink &sink)
{
    YamlMappingReader c(node, what + QStringLiteral(": chat"), sink);
    rejectInlineSecret(c, "url", "urlEnv", sink);
    const std::optional<QString> variable =
        variableName(c, "urlEnv", c.has("url") ? Presence::Optional : Presence::Required, sink);
    channel.urlEnvironmentVariable = variable.value_or(QString());
    channel.username = c.string("username").value_or(QString());
    channel.iconUrl = c.string("iconUrl").value_or(QString());
    c.reportUnknownKeys(
        { QStringLiteral("urlEnv"), QStringLiteral("url"), QStringLiteral("username"), QStringLiteral("iconUrl") });
    return variable.has_value();
}

bool readEmail(const YAML::Node &node, NotificationChannel &channel, const QString &what, DiagnosticSink &sink)
{
    YamlMappingReader e(node, what + QStringLiteral(": email"), sink);
    bool ok = true;
    channel.smtpUrl = e.string("smtp", Presence::Required).value_or(QString());
    const QUrl url(channel.smtpUrl);
    if (!channel.smtpUrl.isEmpty() &&
        (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("smtp") && url.scheme() != QLatin1String("smtps")))) {
        sink.error(e.valueLocation("smtp"),
            QStringLiteral("%1: '%2' is not an smtp:// or smtps:// URL").arg(e.what(), channel.smtpUrl));
        ok = false;
    } else if (!url.userInfo().isEmpty()) {
        sink.error(e.valueLocation("smtp"),
            QStringLiteral("%1: the URL names a user; name the variables holding the credentials with 'usernameEnv' "
                           "and 'passwordEnv'")
                .arg(e.what()));
        ok = false;
    }
    ok &= !channel.smtpUrl.isEmpty();
    channel.startTls = e.boolean("starttls").value_or(false);
    if (e.has("starttls") && url.scheme() == QLatin1String("smtps"))
        sink.warning(e.valueLocation("starttls"),
            QStringLiteral("%1: 'starttls' only applies to smtp://; smtps:// is encrypted from the start")
                .arg(e.what()));
    channel.from = e.string("from", Presence::Required).value_or(QString());
    if (!channel.from.isEmpty() && !isMailAddress(channel.from)) {
        sink.error(e.valueLocation("from"),
            QStringLiteral("%1: 'from' is '%2', not a mail address (name@domain)").arg(e.what(), channel.from));
        ok = false;
    }
    ok &= !channel.from.isEmpty();
    channel.to = e.stringList("to", Presence::Required).value_or(QStringList());
    const YAML::Node to = node["to"];
    for (qsizetype i = 0; i < channel.to.size(); ++i) {
        if (isMailAddress(channel.to.at(i)))
            continue;
        sink.error(to.IsSequence() ? toLocation(to[std::size_t(i)].Mark()) : e.valueLocation("to"),
            QStringLiteral("%1: '%2' is not a mail address (name@domain)").arg(e.what(), channel.to.at(i)));
        ok = false;
    }
    if (e.has("to") && channel.to.isEmpty()) {
        sink.error(e.valueLocation("to"), QStringLiteral("%1: 'to' names nobody").arg(e.what()));
        ok = false;
    }
    ok &= !channel.to.isEmpty();
    rejectInlineSecret(e, "password", "passwordEnv", sink);
    channel.usernameEnvironmentVariable = variableName(e, "usernameEnv", Presence::Optional, sink).value_or(QString());
    channel.passwordEnvironmentVariable = variableName(e, "passwordEnv", Presence::Optional, sink).value_or(QString());
    if (channel.usernameEnvironmentVariable.isEmpty() != channel.passwordEnvironmentVariable.isEmpty()) {
        sink.error(
            e.location(), QStringLiteral("%1: SMTP AUTH needs both 'usernameEnv' and 'passwordEnv'").arg(e.what()));
        ok = false;
    }
    // Not an error: a relay inside the office may take plain text. A
    // password crossing the network so is worth a word, though.
    if (!channel.passwordEnvironmentVariable.isEmpty() && url.scheme() == QLatin1String("smtp") && !channel.startTls &&
        !isLoopback(url.host()))
        sink.warning(e.valueLocation("smtp"),
            QStringLiteral("%1: the password in %2 would be sent unencrypted to %3; use smtps:// or 'starttls: true'")
                .arg(e.what(), channel.passwordEnvironmentVariable, url.host()));
    e.reportUnknownKeys(
        { QStringLiteral("smtp"), QStringLiteral("starttls"), QStringLiteral("from"), QStringLiteral("to"),
            QStringLiteral("usernameEnv"), QStringLiteral("passwordEnv"), QStringLiteral("password") });
    return ok;
}

void readChannels(const YAML::Node &node, NotificationSettings &settings, DiagnosticSink &sink)
{
    if (!node.IsDefined())
        return;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const QString name = QString::fromStdString(it->first.Scalar());
        const QString what = QStringLiteral("notifications: channel '%1'").arg(name);
        if (!it->second.IsMap()) {
            sink.error(toLocation(it->second.Mark()),
                QStringLiteral("%1 must be a mapping with one of 'chat', 'email' or 'tracker', not %2")
                    .arg(what, describeScalar(it->second)));
            settings.brokenChannels.append(name);
            continue;
        }
        NotificationChannel channel;
        channel.name = name;
        channel.location = toLocation(it->first.Mark());
        YamlMappingReader r(it->second, what, sink);
        const QStringList kinds { QStringLiteral("chat"), QStringLiteral("email"), QStringLiteral("tracker") };
        QStringList given;
        for (const QString &kind : kinds) {
            if (r.has(kind.toUtf8().constData()))
                given.append(kind);
        }
        r.reportUnknownKeys(kinds);
        if (given.size() != 1) {
            sink.error(channel.location,
                given.isEmpty() ? QStringLiteral("%1 needs one of 'chat', 'email' or 'tracker'").arg(what)
                                : QStringLiteral("%1 names %2; a channel is one of them")
                                      .arg(what, given.join(QStringLiteral(" and "))));
            settings.brokenChannels.append(name);
            continue;
        }
        bool ok = true;
        if (given.first() == QLatin1String("chat")) {
            channel.kind = NotificationChannel::Kind::Chat;
            const YAML::Node chat = r.mapping("chat");
            ok = chat.IsDefined() && readChat(chat, channel, what, sink);
        } else if (given.first() == QLatin1String("email")) {
            channel.kind = NotificationChannel::Kind::Email;
            const YAML::Node email = r.mapping("email");
            ok = email.IsDefined() && readEmail(email, channel, what, sink);
        } else {
            // `tracker: true`: comments on the task, in the ecosystem's tracker.
            channel.kind = NotificationChannel::Kind::Tracker;
            const std::optional<bool> on = r.boolean("tracker");
            if (on && !*on) {
                sink.error(r.valueLocation("tracker"),
                    QStringLiteral("%1: 'tracker: false' sends nowhere; leave the channel out instead").arg(what));
                ok = false;
            }
            ok &= on.has_value();
        }
        if (ok)
            settings.channels.append(channel);
        else
            settings.brokenChannels.append(name);
    }
}

} // namespace

void readNotificationSettings(YamlMappingReader &top, NotificationSettings &settings, DiagnosticSink &sink)
{
    const YAML::Node node = top.mapping("notifications");
    if (!node.IsDefined())
        return;
    YamlMappingReader r(node, QStringLiteral("notifications"), sink);
    readChannels(r.mapping("channels"), settings, sink);
    settings.timeout = r.duration("timeout").value_or(settings.timeout);
    if (settings.timeout.count() <= 0 || settings.timeout.count() > 60)
        sink.error(r.valueLocation("timeout"),
            QStringLiteral("notifications: 'timeout' must be between 1s and 60s: a notification must never hold a "
                           "delivery up for long"));
    if (r.has("expiringBefore")) {
        const YAML::Node value = node["expiringBefore"];
        const QString text = value.IsScalar() ? QString::fromStdString(value.Scalar()).trimmed() : QString();
        if (text.endsWith(QLatin1Char('%'))) {
            bool ok = false;
            const int percent = text.chopped(1).trimmed().toInt(&ok);
            if (!ok || percent < 1 || percent > 99)
                sink.error(r.valueLocation("expiringBefore"),
                    QStringLiteral("notifications: 'expiringBefore' is '%1'; a share is 1%…99% of a showroom's ttl")
                        .arg(text));
            else
                settings.expiringPercent = percent;
        } else if (const auto before = r.duration("expiringBefore"); before && before->count() > 0) {
            settings.expiringBefore = *before;
        } else if (before) {
            sink.error(r.valueLocation("expiringBefore"),
                QStringLiteral("notifications: 'expiringBefore' must be longer than 0s"));
        }
    }
    if (const auto rules = readNotificationRules(r, settings, sink))
        settings.notify = *rules;
    r.reportUnknownKeys({ QStringLiteral("channels"), QStringLiteral("notify"), QStringLiteral("timeout"),
        QStringLiteral("expiringBefore") });
}

std::optional<QList<NotificationRule>> readNotificationRules(
    YamlMappingReader &r, const NotificationSettings &settings, DiagnosticSink &sink)
{
    const YAML::Node list = r.sequence("notify");
    if (!list.IsDefined())
        return std::nullopt;
    QStringList channelNames;
    for (const NotificationChannel &channel : settings.channels)
        channelNames.append(channel.name);
    QStringList eventNames;
    for (NotificationEvent event : NotificationSettings::allEvents())
        eventNames.append(keyword(event));

    QList<NotificationRule> rules;
    int index = 0;
    for (const YAML::Node &item : list) {
        ++index;
        const QString what = QStringLiteral("%1: notify #%2").arg(r.what()).arg(index);
        if (!item.IsMap()) {
            sink.error(toLocation(item.Mark()),
                QStringLiteral("%1 must be a mapping like {channel: team-chat, events: [delivery.failed]}, not %2")
                    .arg(what, describeScalar(item)));
            continue;
        }
        YamlMappingReader n(item, what, sink);
        NotificationRule rule;
        rule.location = toLocation(item.Mark());
        rule.channel = n.string("channel", Presence::Required).value_or(QString());
        bool ok = !rule.channel.isEmpty();
        if (ok && settings.brokenChannels.contains(rule.channel)) {
            ok = false; // its own error says what is wrong with it
        } else if (ok && !settings.channel(rule.channel)) {
            QString message =
                QStringLiteral("%1: channel '%2' is not among notifications.channels").arg(what, rule.channel);
            const QString suggestion = closestMatch(rule.channel, channelNames);
            if (!suggestion.isEmpty())
                message += QStringLiteral(" (did you mean '%1'?)").arg(suggestion);
            else if (!channelNames.isEmpty())
                message += QStringLiteral(" (%1)").arg(channelNames.join(QStringLiteral(", ")));
            sink.error(n.valueLocation("channel"), message);
            ok = false;
        }
        const std::optional<QStringList> events = n.stringList("events");
        const YAML::Node eventNodes = item["events"];
        for (qsizetype i = 0; events && i < events->size(); ++i) {
            const QString &word = events->at(i);
            // "delivery.*" and "*": every event of a kind, or every one.
            QList<NotificationEvent> matched;
            for (NotificationEvent event : NotificationSettings::allEvents()) {
                const QString name = keyword(event);
                if (word == name || word == QLatin1String("*") ||
                    (word.endsWith(QLatin1String(".*")) && name.startsWith(word.chopped(1))))
                    matched.append(event);
            }
            if (matched.isEmpty()) {
                QString message = QStringLiteral("%1: '%2' is no event (%3, or 'delivery.*', 'showroom.*', '*')")
                                      .arg(what, word, eventNames.join(QStringLiteral(", ")));
                const QString suggestion = closestMatch(word, eventNames);
                if (!suggestion.isEmpty())
                    message = QStringLiteral("%1: '%2' is no event (did you mean '%3'?)").arg(what, word, suggestion);
                sink.error(
                    eventNodes.IsSequence() ? toLocation(eventNodes[std::size_t(i)].Mark()) : n.valueLocation("events"),
                    message);
                ok = false;
                continue;
            }
            for (NotificationEvent event : matched) {
                if (!rule.events.contains(event))
                    rule.events.append(event);
            }
        }
        if (events && events->isEmpty()) {
            sink.error(n.valueLocation("events"),
                QStringLiteral("%1: 'events' is empty; leave it out for every event, or the entry out for none")
                    .arg(what));
            ok = false;
        }
        if (!events && n.has("events"))
            ok = false; // of the wrong type, said already
        else if (!events)
            rule.events = NotificationSettings::allEvents();
        n.reportUnknownKeys({ QStringLiteral("channel"), QStringLiteral("events") });
        if (ok)
            rules.append(rule);
    }
    return rules;
}

} // namespace Shipyard
