// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/RobotSettingsReader.h"

#include "model/ServiceCredentialsReader.h"
#include "support/YamlMappingReader.h"

namespace Shipyard {

namespace {

void readWebhooks(const YAML::Node &node, WebhookSettings &webhooks, DiagnosticSink &sink)
{
    YamlMappingReader w(node, QStringLiteral("robot webhooks"), sink);
    webhooks.maxBodyBytes = w.integer("maxBodyBytes", 1024, 64 * 1024 * 1024).value_or(webhooks.maxBodyBytes);
    QStringList known { QStringLiteral("maxBodyBytes") };
    for (const char *source : { "github", "gitlab", "gerrit", "jira", "tasks" }) {
        known.append(QLatin1String(source));
        const YAML::Node entry = w.mapping(source);
        if (!entry.IsDefined())
            continue;
        YamlMappingReader s(entry, QStringLiteral("robot webhooks %1").arg(QLatin1String(source)), sink);
        if (const auto variable = s.string("secretEnv", YamlMappingReader::Presence::Required))
            webhooks.secretVariables.insert(QLatin1String(source), *variable);
        rejectInlineSecret(s, "secret", "secretEnv", sink);
        rejectInlineSecret(s, "token", "secretEnv", sink);
        s.reportUnknownKeys({ QStringLiteral("secretEnv"), QStringLiteral("secret"), QStringLiteral("token") });
    }
    w.reportUnknownKeys(known);
}

} // namespace

void readRobotSettings(const YAML::Node &node, RobotSettings &robot, DiagnosticSink &sink)
{
    if (!node.IsDefined())
        return;
    YamlMappingReader r(node, QStringLiteral("robot"), sink);
    if (const YAML::Node webhooks = r.mapping("webhooks"); webhooks.IsDefined())
        readWebhooks(webhooks, robot.webhooks, sink);
    if (const auto interval = r.duration("pollInterval")) {
        if (*interval < std::chrono::seconds(1))
            sink.error(r.valueLocation("pollInterval"), QStringLiteral("robot pollInterval must be at least 1s"));
        else
            robot.pollInterval = *interval;
    }
    r.reportUnknownKeys({ QStringLiteral("webhooks"), QStringLiteral("pollInterval") });
}

} // namespace Shipyard
