// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/AlertTriggerReader.h"

#include "model/AlertMatcher.h"
#include "model/ServiceCredentialsReader.h"
#include "support/YamlMappingReader.h"

#include <QRegularExpression>
#include <QUrl>

#include <yaml-cpp/yaml.h>

namespace Shipyard {

namespace {

using Presence = YamlMappingReader::Presence;

// The matcher with each ${NAME} as a plain word, for the syntax alone: the
// values are only known per system and environment (checkEcosystem checks
// the names).
QString withSampleValues(const QString &matcher)
{
    static const QRegularExpression placeholder(QStringLiteral("\\$\\{[^}]*\\}"));
    return QString(matcher).replace(placeholder, QStringLiteral("x"));
}

} // namespace

std::optional<AlertTrigger> readAlertTrigger(
    YamlMappingReader &r, const std::optional<AlertTrigger> &base, DiagnosticSink &sink)
{
    const YAML::Node node = r.mapping("alerts");
    if (!node.IsDefined())
        return base;
    YamlMappingReader a(node, r.what() + QStringLiteral(": alerts"), sink);
    AlertTrigger trigger = base.value_or(AlertTrigger());
    bool ok = true;

    const Presence required = base ? Presence::Optional : Presence::Required;
    if (const auto url = a.string("alertmanager", required)) {
        const QUrl parsed(*url);
        if (!parsed.isValid() || parsed.host().isEmpty() ||
            (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))) {
            sink.error(a.valueLocation("alertmanager"),
                QStringLiteral("%1: '%2' is not an http:// or https:// URL").arg(a.what(), *url));
            ok = false;
        }
        trigger.alertmanagerUrl = *url;
    }
    ok &= !trigger.alertmanagerUrl.isEmpty();
    trigger.credentials = readServiceCredentials(
        a, "alertmanager", trigger.alertmanagerUrl, base ? base->credentials : ServiceCredentials(), sink);

    if (const auto matchers = a.stringList("matchers", required)) {
        trigger.matchers = *matchers;
        trigger.location = a.valueLocation("matchers");
        const YAML::Node items = node["matchers"];
        if (matchers->isEmpty()) {
            // Alertmanager lists every alert for an empty filter.
            sink.error(
                trigger.location, QStringLiteral("%1: 'matchers' is empty, and would match every alert").arg(a.what()));
            ok = false;
        }
        for (qsizetype i = 0; i < matchers->size(); ++i) {
            QString error;
            if (AlertMatcher::parse(withSampleValues(matchers->at(i)), &error))
                continue;
            const SourceLocation where =
                items.IsSequence() ? toLocation(items[std::size_t(i)].Mark()) : trigger.location;
            // Said of the matcher as written, placeholders and all.
            sink.error(where,
                QStringLiteral("%1: %2 (matchers are written as Alertmanager's: name=\"value\", !=, =~, !~)")
                    .arg(a.what(), error.replace(withSampleValues(matchers->at(i)), matchers->at(i))));
            ok = false;
        }
    }
    ok &= !trigger.matchers.isEmpty();

    trigger.window = a.duration("window").value_or(trigger.window);
    trigger.interval = a.duration("interval").value_or(trigger.interval);
    if (trigger.window.count() <= 0 || trigger.interval.count() <= 0) {
        sink.error(a.location(), QStringLiteral("%1: 'window' and 'interval' must be longer than 0s").arg(a.what()));
        ok = false;
    }
    if (const auto policy = a.choice("onUnreachable", { QStringLiteral("proceed"), QStringLiteral("stop") }))
        trigger.onUnreachable =
            *policy == QLatin1String("stop") ? AlertTrigger::Unreachable::Stop : AlertTrigger::Unreachable::Proceed;
    a.reportUnknownKeys(QStringList { QStringLiteral("alertmanager"), QStringLiteral("matchers"),
                            QStringLiteral("window"), QStringLiteral("interval"), QStringLiteral("onUnreachable") } +
        serviceCredentialKeys());
    if (!ok)
        return std::nullopt;
    return trigger;
}

} // namespace Shipyard
