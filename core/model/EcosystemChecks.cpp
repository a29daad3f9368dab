// SPDX-License-Identifier: GPL-2.0-or-later
#include "model/EcosystemChecks.h"

#include "support/KeySuggestion.h"
#include "support/VariableSubstitution.h"
#include "support/YamlMappingReader.h"

namespace Shipyard {

namespace {

void reportUnknownSystem(
    DiagnosticSink &sink, SourceLocation where, const QString &owner, const QString &name, const QStringList &known)
{
    QString message = QStringLiteral("%1: unknown system '%2'").arg(owner, name);
    const QString suggestion = closestMatch(name, known);
    if (!suggestion.isEmpty())
        message += QStringLiteral(" (did you mean '%1'?)").arg(suggestion);
    sink.error(where, message);
}

void checkReferences(const Ecosystem &ecosystem, const EcosystemLocations &locations, DiagnosticSink &sink)
{
    QStringList names;
    for (const System &s : ecosystem.systems)
        names.append(s.name);
    for (qsizetype i = 0; i < ecosystem.systems.size(); ++i) {
        const System &s = ecosystem.systems[i];
        for (const QString &dependency : s.dependsOn) {
            if (!names.contains(dependency))
                reportUnknownSystem(
                    sink, locations.dependsOn.value(i), QStringLiteral("system '%1'").arg(s.name), dependency, names);
            else if (dependency == s.name)
                sink.error(locations.dependsOn.value(i), QStringLiteral("system '%1' depends on itself").arg(s.name));
        }
    }
    for (qsizetype i = 0; i < ecosystem.environments.size(); ++i) {
        const Environment &e = ecosystem.environments[i];
        for (const QString &system : e.systems) {
            if (!names.contains(system))
                reportUnknownSystem(sink, locations.environmentSystems.value(i),
                    QStringLiteral("environment '%1'").arg(e.name), system, names);
        }
    }
}

// Approvals from commit trailers prove nothing: whoever writes a commit
// writes its "Reviewed-by:" too. Where deliveries need approvals, say so
// once, where the fix goes: the reviews' kind, or else the first such
// environment's approvals.
void checkSelfAssertedReviews(const Ecosystem &ecosystem, const EcosystemLocations &locations, DiagnosticSink &sink)
{
    const ReviewSettings &reviews = ecosystem.gating.reviews;
    if (reviews.kind != ReviewSettings::Kind::Trailers || reviews.trustTrailers)
        return;
    QStringList guarded;
    std::optional<SourceLocation> first;
    for (qsizetype i = 0; i < ecosystem.environments.size(); ++i) {
        const Environment &e = ecosystem.environments[i];
        if (ecosystem.requiredApprovals(e) <= 0)
            continue;
        guarded.append(QLatin1Char('\'') + e.name + QLatin1Char('\''));
        if (!first)
            first = locations.environmentApprovals.value(i);
    }
    if (guarded.isEmpty())
        return;
    sink.warning(locations.reviewsKind.value_or(*first),
        QStringLiteral("gating reviews: deliveries into %1 need approvals, and commit trailers "
                       "('Reviewed-by:') are self-asserted: anyone who can push a commit can write them; "
                       "use gerrit, gitlab or github reviews, or set 'trustTrailers: true' to accept that")
            .arg(guarded.join(QStringLiteral(", "))));
}

// A Helm value naming a variable that some environment the system goes to
// does not define would fail only when delivering there: say so now, at
// the value. Files' placeholders are the repository's, checked by
// `shipyardctl validate --render`.
void checkHelmVariables(const Ecosystem &ecosystem, DiagnosticSink &sink)
{
    for (const System &system : ecosystem.systems) {
        if (system.manifests.kind != ManifestSource::Kind::Helm)
            continue;
        for (const HelmValue &value : system.manifests.helm.set) {
            for (const Environment &environment : ecosystem.environments) {
                if (!environment.systems.isEmpty() && !environment.systems.contains(system.name))
                    continue;
                const Variables variables = ecosystem.variablesFor(system, environment, QString());
                QList<VariableSubstitution::Unknown> unknown;
                VariableSubstitution::apply(value.value, variables, &unknown);
                if (unknown.isEmpty())
                    continue;
                sink.error(value.location,
                    QStringLiteral("system '%1': helm set.%2 in environment '%3': %4")
                        .arg(system.name, value.key, environment.name,
                            VariableSubstitution::describe(unknown.first(), variables)));
                break;
            }
        }
    }
}

// A matcher naming a variable that a system delivered into the environment
// does not have would refuse every delivery there: say so at the list.
void checkAlertVariables(const Ecosystem &ecosystem, DiagnosticSink &sink)
{
    for (const Environment &environment : ecosystem.environments) {
        if (!environment.alerts)
            continue;
        for (const QString &matcher : environment.alerts->matchers) {
            for (const System &system : ecosystem.systems) {
                if (!environment.systems.isEmpty() && !environment.systems.contains(system.name))
                    continue;
                const Variables variables = ecosystem.variablesFor(system, environment, environment.namespaceName);
                QList<VariableSubstitution::Unknown> unknown;
                VariableSubstitution::apply(matcher, variables, &unknown);
                if (unknown.isEmpty())
                    continue;
                sink.error(environment.alerts->location,
                    QStringLiteral("environment '%1': alerts: matcher '%2' for system '%3': %4")
                        .arg(environment.name, matcher, system.name,
                            VariableSubstitution::describe(unknown.first(), variables)));
                break;
            }
        }
    }
}

// A canary held for a pause is judged by the monitoring query alone; without
// one, every share passes when its pause ends, which looks like caution
// and is none. A manual pause is judged by a person.
void checkBlindCanaries(const Ecosystem &ecosystem, DiagnosticSink &sink)
{
    if (ecosystem.rollback.monitoring)
        return;
    const auto check = [&](const std::optional<CanaryPlan> &plan, const QString &owner) {
        if (plan && !plan->steps.isEmpty() && !plan->manual)
            sink.warning(plan->location,
                QStringLiteral("%1: canary: nothing judges its shares (no rollback.monitoring); each passes when "
                               "its pause ends")
                    .arg(owner));
    };
    for (const System &system : ecosystem.systems)
        check(system.canary, QStringLiteral("system '%1'").arg(system.name));
    for (const Environment &environment : ecosystem.environments)
        check(environment.canary, QStringLiteral("environment '%1'").arg(environment.name));
}

} // namespace

void checkEcosystem(const Ecosystem &ecosystem, const EcosystemLocations &locations, DiagnosticSink &sink)
{
    checkReferences(ecosystem, locations, sink);
    checkSelfAssertedReviews(ecosystem, locations, sink);
    checkHelmVariables(ecosystem, sink);
    checkAlertVariables(ecosystem, sink);
    checkBlindCanaries(ecosystem, sink);
}

} // namespace Shipyard
