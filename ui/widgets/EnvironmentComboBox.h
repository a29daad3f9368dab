// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QComboBox>

namespace Shipyard {

// The environments a view can show (showrooms have no fixed namespace and
// are left out), chosen by name.
class EnvironmentComboBox : public QComboBox
{
    Q_OBJECT
public:
    explicit EnvironmentComboBox(QWidget *parent = nullptr);

    // With a key, the user's choice is remembered in the settings and taken
    // again the next time an ecosystem with that environment opens.
    void setSettingsKey(const QString &key) { m_settingsKey = key; }

    // Refills without signals: keeps the current environment when the new
    // ecosystem has it, else the remembered one, else takes the first of kind
    // PREFERRED, else the first.
    void setEcosystem(const Ecosystem &ecosystem, EnvironmentKind preferred);
    QString environment() const;
    bool setEnvironment(const QString &name);

private:
    QString settingsName() const;
    QString m_settingsKey;
};

} // namespace Shipyard
