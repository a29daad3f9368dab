// SPDX-License-Identifier: GPL-2.0-or-later
#include "build/CommandEnvironment.h"

#include "support/SecretMasker.h"

namespace Shipyard {

CommandEnvironment CommandEnvironment::forSystem(
    const Ecosystem &ecosystem, const System &system, const QProcessEnvironment &base)
{
    return scrubbed(base, ecosystem.credentialVariables(), system.passedVariables);
}

CommandEnvironment CommandEnvironment::scrubbed(
    const QProcessEnvironment &base, const QStringList &credentialVariables, const QStringList &passed)
{
    CommandEnvironment scrubbed;
    const QStringList names = base.keys();
    for (const QString &name : names) {
        if (isWithheld(name, credentialVariables) && !passed.contains(name))
            scrubbed.m_withheld.append(name);
        else
            scrubbed.m_environment.insert(name, base.value(name));
    }
    scrubbed.m_withheld.sort();
    return scrubbed;
}

bool CommandEnvironment::isWithheld(const QString &name, const QStringList &credentialVariables)
{
    return credentialVariables.contains(name) || SecretMasker::isSecretName(name);
}

} // namespace Shipyard
