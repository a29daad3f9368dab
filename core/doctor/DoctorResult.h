// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Shipyard {

// What one check of `shipyardctl doctor` found: a component the ecosystem
// names ("environment staging", "registry"), the aspect checked
// ("apiserver", "permissions"), how long it took and, when it is not ok,
// one sentence saying what to do. Never holds a secret.
struct DoctorResult
{
    enum class Verdict { Ok, Warning, Broken, Skipped };

    QString component;
    QString check;
    Verdict verdict = Verdict::Skipped;
    QString detail; // what was found: "v1.32.3 at https://10.0.0.1:6443"
    QString remedy; // empty when ok
    qint64 latencyMs = 0;
    // False for what a delivery goes on without (a chat channel, a
    // monitoring service whose outage the ecosystem lets deliveries ignore):
    // broken, it is reported, and the exit status stays 0.
    bool neededForDelivery = true;

    bool blocksDelivery() const { return verdict == Verdict::Broken && neededForDelivery; }
    static QString verdictName(Verdict verdict); // "ok", "warning", "broken", "skipped"
};

} // namespace Shipyard

Q_DECLARE_METATYPE(Shipyard::DoctorResult)
