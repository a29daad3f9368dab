// SPDX-License-Identifier: GPL-2.0-or-later
#include "monitoring/AlertSelection.h"

#include "support/VariableSubstitution.h"

namespace Shipyard {

QList<AlertSelection> AlertSelection::forSystems(const Ecosystem &ecosystem, const Environment &environment,
    const QList<System> &systems, const QString &ns, const QString &task, QString *error)
{
    QList<AlertSelection> selections;
    if (!environment.alerts)
        return selections;
    for (const System &system : systems) {
        AlertSelection selection { system.name, {} };
        const Variables variables = ecosystem.variablesFor(system, environment, ns, task);
        for (const QString &text : environment.alerts->matchers) {
            QList<VariableSubstitution::Unknown> unknown;
            const QString filled = VariableSubstitution::apply(text, variables, &unknown);
            QString why;
            const std::optional<AlertMatcher> matcher = AlertMatcher::parse(filled, &why);
            if (!unknown.isEmpty() || !matcher) {
                if (error)
                    *error =
                        QStringLiteral("alert matcher '%1' for %2: %3")
                            .arg(text, system.name,
                                unknown.isEmpty() ? why : VariableSubstitution::describe(unknown.first(), variables));
                return {};
            }
            selection.matchers.append(*matcher);
        }
        selections.append(selection);
    }
    return selections;
}

} // namespace Shipyard
