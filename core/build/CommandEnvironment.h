// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Shipyard {

// What the code of a branch sees of Shipyard's environment. Build, test and
// smoke commands (deliveries, showrooms, the robot's autotests) run what the
// branch under delivery brings, so they start from this process's
// environment without its credentials: the variables the ecosystem names
// for them (Ecosystem::credentialVariables) and every variable with a
// secret's name (SecretMasker::isSecretName), unless the system passes one
// (`env:` in the ecosystem file). KUBECONFIG stays: it names a file, and
// smoke commands are meant to reach the environment's cluster.
//
// Withholding does not replace masking: a value passed with `env:` is still
// masked wherever its owner's masker sees text.
class CommandEnvironment
{
public:
    CommandEnvironment() = default;

    // What SYSTEM's commands see of BASE.
    static CommandEnvironment forSystem(const Ecosystem &ecosystem, const System &system,
        const QProcessEnvironment &base = QProcessEnvironment::systemEnvironment());
    // BASE without CREDENTIALVARIABLES and the secret names, except PASSED.
    static CommandEnvironment scrubbed(
        const QProcessEnvironment &base, const QStringList &credentialVariables, const QStringList &passed = {});
    // Whether a variable NAME is kept from commands unless passed.
    static bool isWithheld(const QString &name, const QStringList &credentialVariables);

    const QProcessEnvironment &environment() const { return m_environment; }
    // The names left out, sorted: never their values.
    const QStringList &withheld() const { return m_withheld; }
    // Sets a variable of Shipyard's own (SHIPYARD_SYSTEM, …).
    void insert(const QString &name, const QString &value) { m_environment.insert(name, value); }

private:
    QProcessEnvironment m_environment;
    QStringList m_withheld;
};

} // namespace Shipyard
